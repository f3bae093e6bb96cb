using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Work;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Approval;

/// <summary>
/// Posts the approvers' message again for pull requests opened while Slack failed: without it
/// nobody could click Approve. Every <see cref="ApprovalOptions.WatchInterval"/> it reads the
/// requests still waiting for an approver and posts for those without a message whose pull
/// request is older than <see cref="ApprovalOptions.RepostAfter"/> (so a post still under way is
/// never doubled). The store is read each round, so this survives restarts too.
/// </summary>
internal sealed partial class ApprovalMessageResender : DrainingBackgroundService
{
    private readonly IAccessRequestStore _requests;
    private readonly IDiagnosisStore _diagnoses;
    private readonly RequesterThread _thread;
    private readonly ApprovalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ApprovalMessageResender> _logger;

    /// <summary>Creates the service from the stores, the approval settings and the clock.</summary>
    /// <param name="requests">The access requests; those without an approvers' message are read.</param>
    /// <param name="diagnoses">Where the diagnosis' summary comes from, while it is kept.</param>
    /// <param name="thread">Posts and records the approvers' message.</param>
    /// <param name="options">The approvers' channel, the interval and the grace period.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The service's logger.</param>
    public ApprovalMessageResender(
        IAccessRequestStore requests,
        IDiagnosisStore diagnoses,
        RequesterThread thread,
        IOptions<ApprovalOptions> options,
        TimeProvider time,
        ILogger<ApprovalMessageResender> logger)
    {
        _requests = requests;
        _diagnoses = diagnoses;
        _thread = thread;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Channel is not { Length: > 0 } channel)
        {
            return;
        }

        try
        {
            while (!StopRequested.IsCancellationRequested)
            {
                await Task.Delay(_options.WatchInterval, _time, StopRequested).ConfigureAwait(false);
                await RepostAsync(channel, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (
            StopRequested.IsCancellationRequested || stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RepostAsync(string channel, CancellationToken cancellationToken)
    {
        var waiting = await _requests
            .ListInStateAsync(AccessRequestState.PullRequestOpened, cancellationToken)
            .ConfigureAwait(false);
        var due = _time.GetUtcNow() - _options.RepostAfter;
        foreach (var request in waiting.Where(r => r.ApprovalMessage is null && r.UpdatedAt <= due))
        {
            if (StopRequested.IsCancellationRequested)
            {
                return;
            }

            var diagnosis = await _diagnoses
                .GetAsync(request.Id, cancellationToken)
                .ConfigureAwait(false);
            var posted = await _thread
                .PostApprovalAsync(
                    _requests, channel, request, diagnosis?.Report.Cause.Summary, cancellationToken)
                .ConfigureAwait(false);
            if (posted)
            {
                LogReposted(request.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Posted the approvers' message of access request {RequestId} again")]
    private partial void LogReposted(string requestId);
}
