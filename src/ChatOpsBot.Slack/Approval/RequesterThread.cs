using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Approval;

/// <summary>
/// Tells the requester about each step, in the thread where the diagnosis was answered, and
/// keeps the approvers' message in step. A Slack failure here is logged, never fatal: the
/// store already holds the step.
/// </summary>
internal sealed partial class RequesterThread
{
    private readonly ISlackWebApi _slack;
    private readonly ILogger<RequesterThread> _logger;

    public RequesterThread(ISlackWebApi slack, ILogger<RequesterThread> logger)
    {
        _slack = slack;
        _logger = logger;
    }

    /// <summary>Posts <paramref name="text"/> (mrkdwn-safe) in the request's thread, naming the requester.</summary>
    public async Task TellAsync(AccessRequest request, string text, CancellationToken cancellationToken)
    {
        var message = new SlackMessage(Mrkdwn.Truncate(
            $"{ApprovalMessageBuilder.Mention(request.RequestedBy)} {text}", BlockKitLimits.MaxFallbackText));
        try
        {
            await _slack.PostMessageAsync(request.Context.ChannelId, message, request.Context.ThreadTs, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (IsSlackFailure(exception, cancellationToken))
        {
            LogFailed("requester thread", request.Id, exception.GetType().Name);
        }
    }

    /// <summary>Replaces the approvers' message, when one was posted.</summary>
    public async Task UpdateApprovalAsync(AccessRequest request, SlackMessage message, CancellationToken cancellationToken)
    {
        if (request.ApprovalMessage is not { } location)
        {
            return;
        }

        try
        {
            await _slack.UpdateMessageAsync(new SlackMessageRef(location.ChannelId, location.MessageTs), message, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (IsSlackFailure(exception, cancellationToken))
        {
            LogFailed("approvers' message", request.Id, exception.GetType().Name);
        }
    }

    internal static bool IsSlackFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is SlackApiException or HttpRequestException or TimeoutException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not update the {Target} of access request {RequestId} ({ErrorType})")]
    private partial void LogFailed(string target, string requestId, string errorType);
}
