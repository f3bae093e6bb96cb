using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Work;

/// <summary>
/// The "Request access" button: record the request against the stored diagnosis and tell the
/// clicker. Opening the pull request is a later piece of work; until then the request is
/// recorded (and logged) for the admins, and the reply says exactly that.
/// </summary>
internal sealed partial class AccessRequestJob
{
    private readonly IDiagnosisStore _store;
    private readonly ISlackWebApi _slack;
    private readonly ILogger<AccessRequestJob> _logger;

    public AccessRequestJob(IDiagnosisStore store, ISlackWebApi slack, ILogger<AccessRequestJob> logger)
    {
        _store = store;
        _slack = slack;
        _logger = logger;
    }

    public async Task RunAsync(
        BlockActionsPayload click, string diagnosisId, CancellationToken cancellationToken)
    {
        var result = await _store.RecordAccessRequestAsync(diagnosisId, click.UserId, cancellationToken)
            .ConfigureAwait(false);
        var fix = result.Diagnosis?.Report.Fix;
        string text;
        switch (result.Status)
        {
            case AccessRequestStatus.Recorded when fix is not null:
                LogRecorded(diagnosisId, click.UserId, fix.Kind, fix.Namespace, fix.Name);
                text = $"Your request for {Mrkdwn.Code(fix.Kind, 60)} {Mrkdwn.Code(Target(fix), 200)} "
                       + "is recorded for the platform admins. They will review the proposed change; "
                       + "I will not change the cluster on my own.";
                break;
            case AccessRequestStatus.Recorded or AccessRequestStatus.AlreadyRecorded when fix is null:
                text = "This diagnosis proposes no change, so there is nothing to request.";
                break;
            case AccessRequestStatus.AlreadyRecorded:
                var first = result.Diagnosis!.AccessRequest!;
                text = $"This access was already requested by {Mention(first.RequestedBy)}; "
                       + "the admins have it. Nothing new was recorded.";
                break;
            default:
                LogUnknown(click.UserId);
                text = "I don't know this request any more: it expired or the bot was restarted. "
                       + "Run the check again to get a fresh button.";
                break;
        }

        await SlackReplies.EphemeralAsync(
            _slack, click.ResponseUrl, click.ChannelId, click.UserId, click.ThreadTs, text, cancellationToken)
            .ConfigureAwait(false);
    }

    private static string Target(Core.Diagnosis.ProposedFix fix) =>
        fix.Namespace is { Length: > 0 } ns ? $"{ns}/{fix.Name}" : fix.Name;

    // Slack user ids are upper-case letters and digits; anything else is shown as inert code.
    private static string Mention(string userId) =>
        userId.All(char.IsAsciiLetterOrDigit) ? $"<@{userId}>" : Mrkdwn.Code(userId, 40);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Access request recorded for diagnosis {DiagnosisId} by {SlackUserId}: "
                  + "{FixKind} {FixNamespace}/{FixName}")]
    private partial void LogRecorded(
        string diagnosisId, string slackUserId, string fixKind, string? fixNamespace, string fixName);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Access request by {SlackUserId} for an unknown or expired diagnosis")]
    private partial void LogUnknown(string slackUserId);
}
