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

    /// <summary>Creates the helper over the Slack Web API.</summary>
    /// <param name="slack">The Slack Web API messages are posted and updated with.</param>
    /// <param name="logger">The helper's logger.</param>
    public RequesterThread(ISlackWebApi slack, ILogger<RequesterThread> logger)
    {
        _slack = slack;
        _logger = logger;
    }

    /// <summary>
    /// Posts <paramref name="text"/> (mrkdwn-safe) in the request's thread, naming the requester.
    /// </summary>
    /// <param name="request">The access request whose thread and requester are used.</param>
    /// <param name="text">The mrkdwn text after the requester's mention.</param>
    /// <param name="cancellationToken">Cancels the post.</param>
    /// <returns>A task that completes once the post was made or its failure logged.</returns>
    public async Task TellAsync(AccessRequest request, string text, CancellationToken cancellationToken)
    {
        var message = new SlackMessage(Mrkdwn.Truncate(
            $"{ApprovalMessageBuilder.Mention(request.RequestedBy)} {text}",
            BlockKitLimits.MaxFallbackText));

        try
        {
            await _slack
                .PostMessageAsync(
                    request.Context.ChannelId, message, request.Context.ThreadTs, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (IsSlackFailure(exception, cancellationToken))
        {
            LogFailed("requester thread", request.Id, exception.GetType().Name);
        }
    }

    /// <summary>Replaces the approvers' message, when one was posted.</summary>
    /// <param name="request">The access request whose approvers' message is replaced.</param>
    /// <param name="message">The new content of the message.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes once the update was made, skipped or its failure logged.</returns>
    public async Task UpdateApprovalAsync(
        AccessRequest request,
        SlackMessage message,
        CancellationToken cancellationToken)
    {
        if (request.ApprovalMessage is not { } location)
        {
            return;
        }

        try
        {
            var target = new SlackMessageRef(location.ChannelId, location.MessageTs);
            await _slack
                .UpdateMessageAsync(target, message, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (IsSlackFailure(exception, cancellationToken))
        {
            LogFailed("approvers' message", request.Id, exception.GetType().Name);
        }
    }

    /// <summary>
    /// Posts the approvers' message (Approve / Deny) to <paramref name="channel"/> and records
    /// where it is, so later steps can update it.
    /// </summary>
    /// <param name="requests">The store the message's location is recorded in.</param>
    /// <param name="channel">The approvers' channel.</param>
    /// <param name="request">The access request to decide.</param>
    /// <param name="summary">The diagnosis' cause in one sentence, or null when no longer known.</param>
    /// <param name="cancellationToken">Cancels the post.</param>
    /// <returns>True once posted and recorded; false when Slack failed (logged).</returns>
    public async Task<bool> PostApprovalAsync(
        IAccessRequestStore requests,
        string channel,
        AccessRequest request,
        string? summary,
        CancellationToken cancellationToken)
    {
        try
        {
            var posted = await _slack
                .PostMessageAsync(
                    channel, ApprovalMessageBuilder.Pending(request, summary), null, cancellationToken)
                .ConfigureAwait(false);

            await requests
                .SetApprovalMessageAsync(
                    request.Id,
                    new MessageLocation(posted.Channel, posted.Ts),
                    AuditActors.Bot,
                    cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (IsSlackFailure(exception, cancellationToken))
        {
            LogApprovalPostFailed(request.Id, exception.GetType().Name);
            return false;
        }
    }

    internal static bool IsSlackFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is SlackApiException or HttpRequestException or TimeoutException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not update the {Target} of access request {RequestId} ({ErrorType})")]
    private partial void LogFailed(string target, string requestId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Posting the approvers' message of {RequestId} failed ({ErrorType}); it is posted "
                  + "again later")]
    private partial void LogApprovalPostFailed(string requestId, string errorType);
}
