using ChatOpsBot.Core.Requests;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Approval;

/// <summary>
/// The approvers' Approve and Deny buttons. Everything acted on comes from the store (the
/// button carries only the request id); the clicker is checked by <see cref="ApproverPolicy"/>;
/// the store records the decision once, so of two approvers clicking together one wins.
/// </summary>
internal sealed partial class DecisionJob
{
    private readonly IAccessRequestStore _requests;
    private readonly IDiagnosisStore _diagnoses;
    private readonly IServiceProvider _services;
    private readonly ApproverPolicy _policy;
    private readonly RequesterThread _thread;
    private readonly ISlackWebApi _slack;
    private readonly ApprovalOptions _options;
    private readonly ILogger<DecisionJob> _logger;

    /// <summary>Creates the job from the stores, the approver policy and the Slack API.</summary>
    /// <param name="requests">The access requests and their decisions.</param>
    /// <param name="diagnoses">The stored diagnoses, for the summary shown in the approvers' message.</param>
    /// <param name="services">Where the optional RBAC repository and the merge watcher come from.</param>
    /// <param name="policy">Decides whether the clicker may decide.</param>
    /// <param name="thread">Updates the approvers' message and tells the requester.</param>
    /// <param name="slack">The Slack Web API used for the ephemeral replies.</param>
    /// <param name="options">The approval settings (the mode picks merge or Git review).</param>
    /// <param name="logger">The job's logger.</param>
    public DecisionJob(
        IAccessRequestStore requests,
        IDiagnosisStore diagnoses,
        IServiceProvider services,
        ApproverPolicy policy,
        RequesterThread thread,
        ISlackWebApi slack,
        IOptions<ApprovalOptions> options,
        ILogger<DecisionJob> logger)
    {
        _requests = requests;
        _diagnoses = diagnoses;
        _services = services;
        _policy = policy;
        _thread = thread;
        _slack = slack;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Handles one Approve or Deny click and answers the clicker when nothing was done.</summary>
    /// <param name="click">The Slack block-actions payload of the click.</param>
    /// <param name="requestId">The access request id the button carries.</param>
    /// <param name="verdict">Whether the button approves or denies.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes once the decision has been carried out or refused.</returns>
    public async Task RunAsync(
        BlockActionsPayload click,
        string requestId,
        DecisionVerdict verdict,
        CancellationToken cancellationToken)
    {
        using var activity = BotTelemetry.Source.StartActivity("decision");
        activity?.SetTag("verdict", verdict == DecisionVerdict.Approve ? "approve" : "deny");
        var request = DiagnosisIds.IsWellFormed(requestId)
            ? await _requests.GetRequestAsync(requestId, cancellationToken).ConfigureAwait(false)
            : null;
        if (request?.PullRequest is not { } pullRequest)
        {
            await ReplyAsync(click, "I don't know this access request.", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var clicker = new Clicker(click.UserId, click.TeamIds, click.EnterpriseId);
        var refusal = await _policy
            .RefusalAsync(clicker, request, cancellationToken)
            .ConfigureAwait(false);
        if (refusal is not null)
        {
            LogRefused(request.Id, click.UserId);
            await ReplyAsync(click, refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        var repository = _services.GetService<IRbacRepository>();
        if (repository is null)
        {
            await ReplyAsync(
                    click,
                    "No RBAC repository is configured any more; nothing was changed.",
                    cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var decision = verdict == DecisionVerdict.Approve
            ? AccessDecision.Approve()
            : AccessDecision.Deny($"denied by {click.UserId}");
        var decided = await _requests
            .TryDecideAsync(
                request.Id,
                decision,
                click.UserId,
                AccessRequestState.PullRequestOpened,
                cancellationToken)
            .ConfigureAwait(false);
        if (!decided.Won || decided.Request is not { } current)
        {
            await ReplyAsync(click, AlreadyDecided(decided.Request ?? request), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        activity?.SetTag("request.id", current.Id);
        LogDecided(current.Id, click.UserId, verdict);

        var diagnosis = await _diagnoses
            .GetAsync(current.Id, cancellationToken)
            .ConfigureAwait(false);
        var summary = diagnosis?.Report.Cause.Summary;
        var by = ApprovalMessageBuilder.Mention(click.UserId);

        if (verdict == DecisionVerdict.Deny)
        {
            await DenyAsync(repository, current, pullRequest, by, summary, click.UserId, cancellationToken)
                .ConfigureAwait(false);
        }
        else if (_options.ParsedMode == ApprovalMode.GitReview)
        {
            await AskForReviewAsync(current, pullRequest, by, summary, cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            await MergeAsync(repository, current, pullRequest, by, summary, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task DenyAsync(
        IRbacRepository repository,
        AccessRequest request,
        PullRequestInfo pullRequest,
        string by,
        string? summary,
        string userId,
        CancellationToken cancellationToken)
    {
        var closed = await repository
            .CloseAsync(pullRequest.Number, $"denied by {userId}", cancellationToken)
            .ConfigureAwait(false);
        var note = closed.Outcome is CloseOutcome.Closed or CloseOutcome.AlreadyClosed
            ? $"{ApprovalMessageBuilder.PullRequestLink(pullRequest)} is closed."
            : $"closing {ApprovalMessageBuilder.PullRequestLink(pullRequest)} failed: "
              + $"{Mrkdwn.Line(closed.Reason, 300)}";

        var message = ApprovalMessageBuilder.Decided(request, summary, $"🚫 *Denied* by {by}; {note}");
        await _thread
            .UpdateApprovalAsync(request, message, cancellationToken)
            .ConfigureAwait(false);

        await _thread
            .TellAsync(request, $"your access request was denied by {by}; {note}", cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task AskForReviewAsync(
        AccessRequest request,
        PullRequestInfo pullRequest,
        string by,
        string? summary,
        CancellationToken cancellationToken)
    {
        var link = ApprovalMessageBuilder.PullRequestLink(pullRequest);

        var message = ApprovalMessageBuilder.Decided(
            request,
            summary,
            $"✅ *Approved* by {by}. Please review and merge {link} in GitHub; "
            + "I will carry on once it is merged.");
        await _thread
            .UpdateApprovalAsync(request, message, cancellationToken)
            .ConfigureAwait(false);

        await _thread
            .TellAsync(
                request,
                $"your access request was approved by {by}; it goes in once {link} is "
                + "reviewed and merged in GitHub.",
                cancellationToken)
            .ConfigureAwait(false);

        _services.GetRequiredService<MergeWatcher>().Watch(request.Id);
    }

    private async Task MergeAsync(
        IRbacRepository repository,
        AccessRequest request,
        PullRequestInfo pullRequest,
        string by,
        string? summary,
        CancellationToken cancellationToken)
    {
        var link = ApprovalMessageBuilder.PullRequestLink(pullRequest);
        var failure = await TryMergeAsync(repository, pullRequest, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            LogMergeFailed(request.Id, failure);
            await _requests
                .TryFailAsync(
                    request.Id, AccessRequestState.Approved, failure, AuditActors.Bot, cancellationToken)
                .ConfigureAwait(false);

            var text = $"approved by {by}, but merging {link} failed: {Mrkdwn.Line(failure, 500)}";
            var failedMessage = ApprovalMessageBuilder.Decided(request, summary, $"⚠️ *Approved* {text}");
            await _thread
                .UpdateApprovalAsync(request, failedMessage, cancellationToken)
                .ConfigureAwait(false);

            await _thread
                .TellAsync(
                    request,
                    $"your access request was {text}. The platform team has to look at it.",
                    cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var merged = await _requests
            .TryAdvanceAsync(
                request.Id,
                AccessRequestState.Approved,
                AccessRequestState.Merged,
                AuditActors.Bot,
                pullRequest.Url,
                cancellationToken)
            .ConfigureAwait(false);
        var now = merged.Request ?? request;

        var message = ApprovalMessageBuilder.Decided(
            now, summary, $"✅ *Approved* by {by} and merged ({link}).");
        await _thread
            .UpdateApprovalAsync(now, message, cancellationToken)
            .ConfigureAwait(false);

        await _thread
            .TellAsync(
                now,
                $"your access request was approved by {by} and {link} is merged. I will check the "
                + "cluster until the access works and tell you here.",
                cancellationToken)
            .ConfigureAwait(false);
    }

    // Null when merged; otherwise why not. The head the approvers saw is the only one merged.
    private static async Task<string?> TryMergeAsync(
        IRbacRepository repository,
        PullRequestInfo pullRequest,
        CancellationToken cancellationToken)
    {
        try
        {
            var status = await repository
                .GetPullRequestAsync(pullRequest.Number, cancellationToken)
                .ConfigureAwait(false);
            if (status is null)
            {
                return $"pull request #{pullRequest.Number} no longer exists";
            }

            if (!status.IsMerged
                && !string.Equals(status.HeadSha, pullRequest.HeadSha, StringComparison.OrdinalIgnoreCase))
            {
                return "the pull request changed after it was proposed; it was not merged";
            }

            var result = await repository
                .MergeAsync(pullRequest.Number, pullRequest.HeadSha, cancellationToken)
                .ConfigureAwait(false);
            return result.IsMerged ? null : result.Reason ?? result.Outcome.ToString();
        }
        catch (RbacRepositoryException exception)
        {
            return exception.Message;
        }
    }

    private static string AlreadyDecided(AccessRequest request) =>
        request.Decision is { } decision
            ? $"This request was already "
              + $"{(decision.Verdict == DecisionVerdict.Approve ? "approved" : "denied")} by "
              + $"{ApprovalMessageBuilder.Mention(decision.DecidedBy)}; nothing changed."
            : "This request is no longer waiting for a decision; nothing changed.";

    private Task ReplyAsync(BlockActionsPayload click, string text, CancellationToken cancellationToken) =>
        SlackReplies.EphemeralAsync(_slack, click, text, cancellationToken);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Decision on {RequestId} refused for {SlackUserId}")]
    private partial void LogRefused(string requestId, string slackUserId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Access request {RequestId} decided by {SlackUserId}: {Verdict}")]
    private partial void LogDecided(string requestId, string slackUserId, DecisionVerdict verdict);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Merging access request {RequestId} failed: {Reason}")]
    private partial void LogMergeFailed(string requestId, string reason);
}
