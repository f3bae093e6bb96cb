using System.Collections.Concurrent;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Approval;

/// <summary>
/// The <c>git-review</c> mode's follower: for each request approved in chat, it looks at the
/// pull request every <see cref="ApprovalOptions.WatchInterval"/> and, once someone merged it in
/// GitHub, moves the request to Merged (verification takes over); a pull request closed without
/// merging fails the request. The requests to follow are read from the store each round, so
/// a restarted bot keeps following what was approved before it stopped. A stop lets the check
/// under way finish and starts no other.
/// </summary>
internal sealed partial class MergeWatcher : DrainingBackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _watched = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;
    private readonly IAccessRequestStore _requests;
    private readonly RequesterThread _thread;
    private readonly ApprovalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MergeWatcher> _logger;

    /// <summary>Creates the watcher from the request store, the approval settings and the clock.</summary>
    /// <param name="services">Where the optional RBAC repository comes from.</param>
    /// <param name="requests">The access requests; the approved ones are followed.</param>
    /// <param name="thread">Tells the requester when the pull request is merged or closed.</param>
    /// <param name="options">The approval mode and the watch interval.</param>
    /// <param name="time">The clock the watch interval is measured with.</param>
    /// <param name="logger">The watcher's logger.</param>
    public MergeWatcher(
        IServiceProvider services,
        IAccessRequestStore requests,
        RequesterThread thread,
        IOptions<ApprovalOptions> options,
        TimeProvider time,
        ILogger<MergeWatcher> logger)
    {
        _services = services;
        _requests = requests;
        _thread = thread;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Follows the request's pull request until it is merged or closed.</summary>
    /// <param name="requestId">The id of the approved access request.</param>
    public void Watch(string requestId) => _watched.TryAdd(requestId, 0);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A stop ends the waiting at once; a check under way is finished (the stoppingToken
            // is cancelled only when the shutdown timeout runs out).
            while (!StopRequested.IsCancellationRequested)
            {
                await Task.Delay(_options.WatchInterval, _time, StopRequested).ConfigureAwait(false);

                var approved = _options.ParsedMode == ApprovalMode.GitReview
                    ? await _requests
                        .ListInStateAsync(AccessRequestState.Approved, stoppingToken)
                        .ConfigureAwait(false)
                    : [];
                var requestIds = approved
                    .Select(request => request.Id)
                    .Union(_watched.Keys);
                var untilStop = requestIds.TakeWhile(_ => !StopRequested.IsCancellationRequested);
                foreach (var requestId in untilStop)
                {
                    await CheckAsync(requestId, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (
            StopRequested.IsCancellationRequested || stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CheckAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await _requests
            .GetRequestAsync(requestId, cancellationToken)
            .ConfigureAwait(false);
        if (request is not { State: AccessRequestState.Approved, PullRequest: { } pullRequest }
            || _services.GetService<IRbacRepository>() is not { } repository)
        {
            _watched.TryRemove(requestId, out _);
            return;
        }

        PullRequestStatus? status;
        try
        {
            status = await repository
                .GetPullRequestAsync(pullRequest.Number, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RbacRepositoryException exception)
        {
            LogUnreadable(requestId, exception.Message);
            return;
        }

        var link = ApprovalMessageBuilder.PullRequestLink(pullRequest);
        if (status is { IsMerged: true })
        {
            _watched.TryRemove(requestId, out _);
            var moved = await _requests
                .TryAdvanceAsync(
                    requestId,
                    AccessRequestState.Approved,
                    AccessRequestState.Merged,
                    AuditActors.Bot,
                    pullRequest.Url,
                    cancellationToken)
                .ConfigureAwait(false);
            if (moved.Won)
            {
                await _thread
                    .TellAsync(
                        request,
                        $"{link} is merged. I will check the cluster until the access works "
                        + "and tell you here.",
                        cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        else if (status is null or { IsOpen: false })
        {
            _watched.TryRemove(requestId, out _);
            await _requests
                .TryFailAsync(
                    requestId,
                    AccessRequestState.Approved,
                    "The pull request was closed without merging.",
                    AuditActors.Bot,
                    cancellationToken)
                .ConfigureAwait(false);

            await _thread
                .TellAsync(
                    request,
                    $"{link} was closed without being merged, so the access was not granted.",
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not read the pull request of {RequestId}: {Reason}")]
    private partial void LogUnreadable(string requestId, string reason);
}
