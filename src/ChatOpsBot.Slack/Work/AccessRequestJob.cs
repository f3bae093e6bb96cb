using ChatOpsBot.Core.Requests;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.Slack.Approval;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Work;

/// <summary>
/// The "Request access" button: record the request against the stored diagnosis (once), open
/// the pull request in the RBAC repository, post the approvers' message and tell the clicker.
/// A second click points at the pull request already opened and opens nothing.
/// </summary>
internal sealed partial class AccessRequestJob
{
    private readonly IDiagnosisStore _store;
    private readonly IServiceProvider _services;
    private readonly ISlackWebApi _slack;
    private readonly ILogger<AccessRequestJob> _logger;

    /// <summary>
    /// Creates the job; the approval services are resolved per click from <paramref name="services"/>.
    /// </summary>
    /// <param name="store">The stored diagnoses the buttons point at.</param>
    /// <param name="services">
    /// Where the optional repository, request store and approval options come from.
    /// </param>
    /// <param name="slack">The Slack Web API used for the approvers' message and the replies.</param>
    /// <param name="logger">The job's logger.</param>
    public AccessRequestJob(
        IDiagnosisStore store,
        IServiceProvider services,
        ISlackWebApi slack,
        ILogger<AccessRequestJob> logger)
    {
        _store = store;
        _services = services;
        _slack = slack;
        _logger = logger;
    }

    /// <summary>Handles one "Request access" click and answers the clicker ephemerally.</summary>
    /// <param name="click">The Slack block-actions payload of the click.</param>
    /// <param name="diagnosisId">The id of the stored diagnosis the button belongs to.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes once the clicker has been answered.</returns>
    public async Task RunAsync(
        BlockActionsPayload click,
        string diagnosisId,
        CancellationToken cancellationToken)
    {
        using var activity = BotTelemetry.Source.StartActivity("access-request");
        activity?.SetTag("diagnosis.id", diagnosisId);
        var repository = _services.GetService<IRbacRepository>();
        var requests = _services.GetService<IAccessRequestStore>();
        var options = _services.GetService<IOptions<ApprovalOptions>>()?.Value;

        if (repository is null || requests is null || options?.Channel is not { Length: > 0 })
        {
            // Nothing is recorded: without a repository there is nobody to hand the request to.
            var known = await _store
                .GetAsync(diagnosisId, cancellationToken)
                .ConfigureAwait(false) is not null;
            var answer = known
                ? "No RBAC repository is configured for this bot, so I cannot open a pull request for this "
                  + "change. Ask the platform team to apply the proposed fix."
                : Unknown(click.UserId);
            await ReplyAsync(click, answer, cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await _store
            .RecordAccessRequestAsync(diagnosisId, click.UserId, cancellationToken)
            .ConfigureAwait(false);

        var text = result.Status switch
        {
            AccessRequestStatus.NotFound => Unknown(click.UserId),
            _ when result.Diagnosis?.Report.Fix is null =>
                "This diagnosis proposes no change, so there is nothing to request.",
            AccessRequestStatus.AlreadyRecorded =>
                await AlreadyRequestedAsync(requests, result.Diagnosis!, cancellationToken)
                    .ConfigureAwait(false),
            _ => await OpenAsync(
                    repository, requests, options, result.Diagnosis!, click.UserId, cancellationToken)
                .ConfigureAwait(false),
        };

        await ReplyAsync(click, text, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> OpenAsync(
        IRbacRepository repository,
        IAccessRequestStore requests,
        ApprovalOptions options,
        StoredDiagnosis diagnosis,
        string userId,
        CancellationToken cancellationToken)
    {
        var change = AccessChange.From(diagnosis.Id, userId, diagnosis.Report)
            with { Cluster = diagnosis.Context.Cluster };
        var opened = await repository
            .OpenPullRequestAsync(change, cancellationToken)
            .ConfigureAwait(false);

        PullRequestInfo info;
        switch (opened)
        {
            case OpenedPullRequest pr:
                info = new PullRequestInfo(pr.Number, pr.Url.AbsoluteUri, pr.HeadSha, pr.Branch);
                break;
            case ExistingPullRequest pr:
                info = new PullRequestInfo(pr.Number, pr.Url.AbsoluteUri, pr.HeadSha, pr.Branch);
                break;
            case AlreadyPresent present:
                await requests
                    .TryFailAsync(
                        diagnosis.Id,
                        AccessRequestState.Requested,
                        $"Already in the repository: {present.Detail}",
                        AuditActors.Bot,
                        cancellationToken)
                    .ConfigureAwait(false);
                return $"The RBAC repository already has this binding ({Mrkdwn.Code(present.Path, 300)}: "
                       + $"{Mrkdwn.Line(present.Detail, 500)}), so no pull request was opened. "
                       + "If the access still fails, the repository may not be synced to the cluster yet.";
            default:
                var reason = opened is Failed failed
                    ? failed.Reason
                    : "unexpected answer from the repository";
                LogOpenFailed(diagnosis.Id, reason);
                await requests
                    .TryFailAsync(
                        diagnosis.Id,
                        AccessRequestState.Requested,
                        $"Opening the pull request failed: {reason}",
                        AuditActors.Bot,
                        cancellationToken)
                    .ConfigureAwait(false);
                return $"⚠️ I could not open the pull request: {Mrkdwn.Line(reason, 500).TrimEnd('.')}. "
                       + "The request is marked as failed; "
                       + "run the check again later or ask the platform team.";
        }

        var recorded = await requests
            .TryRecordPullRequestAsync(diagnosis.Id, info, AuditActors.Bot, cancellationToken)
            .ConfigureAwait(false);
        if (recorded.Request is not { } request)
        {
            return Unknown(userId);
        }

        LogOpened(diagnosis.Id, info.Number);
        var thread = _services.GetRequiredService<RequesterThread>();
        await thread
            .PostApprovalAsync(
                requests, options.Channel!, request, diagnosis.Report.Cause.Summary, cancellationToken)
            .ConfigureAwait(false);

        await thread
            .TellAsync(
                request,
                $"I opened {ApprovalMessageBuilder.PullRequestLink(info)} for "
                + $"{Describe(request)}; the approvers have been asked to decide.",
                cancellationToken)
            .ConfigureAwait(false);

        return $"Requested: {ApprovalMessageBuilder.PullRequestLink(info)} is open for "
               + $"{Describe(request)} and waits for an approver.";
    }

    private static async Task<string> AlreadyRequestedAsync(
        IAccessRequestStore requests,
        StoredDiagnosis diagnosis,
        CancellationToken cancellationToken)
    {
        var first = diagnosis.AccessRequest!;
        var request = await requests
            .GetRequestAsync(diagnosis.Id, cancellationToken)
            .ConfigureAwait(false);
        var by = ApprovalMessageBuilder.Mention(first.RequestedBy);

        return request switch
        {
            { PullRequest: { } pr } =>
                $"This access was already requested by {by}: {ApprovalMessageBuilder.PullRequestLink(pr)} "
                + $"({State(request.State)}). No second pull request was opened.",
            { State: AccessRequestState.Failed, FailureReason: { } why } =>
                $"This access was already requested by {by}, and it did not go through: "
                + $"{Mrkdwn.Line(why, 500)}",
            _ => $"This access was already requested by {by}; the pull request is being opened. "
                 + "Nothing new was recorded.",
        };
    }

    private static string State(AccessRequestState state) => state switch
    {
        AccessRequestState.PullRequestOpened => "waiting for an approver",
        AccessRequestState.Approved => "approved, not merged yet",
        AccessRequestState.Denied => "denied",
        AccessRequestState.Merged => "merged, being verified",
        AccessRequestState.Verified => "merged and working",
        AccessRequestState.VerificationFailed => "merged, but the access did not start to work",
        _ => "failed",
    };

    private static string Describe(AccessRequest request)
    {
        var name = request.Fix.Namespace is { Length: > 0 } ns
            ? $"{ns}/{request.Fix.Name}"
            : request.Fix.Name;
        return $"{Mrkdwn.Code(request.Fix.Kind, 60)} {Mrkdwn.Code(name, 200)}";
    }

    private string Unknown(string userId)
    {
        LogUnknown(userId);
        return "I don't know this request any more: it expired or the bot was restarted. "
               + "Run the check again to get a fresh button.";
    }

    private Task ReplyAsync(BlockActionsPayload click, string text, CancellationToken cancellationToken) =>
        SlackReplies.EphemeralAsync(_slack, click, text, cancellationToken);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Pull request #{PullRequestNumber} recorded for access request {RequestId}")]
    private partial void LogOpened(string requestId, int pullRequestNumber);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Opening the pull request for access request {RequestId} failed: {Reason}")]
    private partial void LogOpenFailed(string requestId, string reason);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Access request by {SlackUserId} for an unknown or expired diagnosis")]
    private partial void LogUnknown(string slackUserId);
}
