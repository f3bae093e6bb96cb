using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Work;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Approval;

/// <summary>
/// Step 8: for every merged request (read from the store, so a restart resumes), runs the
/// stored attempt through the diagnosis again, backing off between tries, until the cluster
/// allows it (Verified, and the requester is told) or the deadline after the merge passes
/// (VerificationFailed, with the last cause).
/// </summary>
internal sealed partial class VerificationService : DrainingBackgroundService
{
    private readonly Dictionary<string, (DateTimeOffset Next, TimeSpan Wait)> _schedule =
        new(StringComparer.Ordinal);
    private readonly IAccessRequestStore _requests;
    private readonly IDiagnosisService _diagnosis;
    private readonly RequesterThread _thread;
    private readonly VerificationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<VerificationService> _logger;

    /// <summary>Creates the service from the request store, the diagnosis and the clock.</summary>
    /// <param name="requests">The access requests; the merged ones are the work list.</param>
    /// <param name="diagnosis">Runs the stored attempt against the cluster again.</param>
    /// <param name="thread">Tells the requester the outcome.</param>
    /// <param name="options">The check interval, the back-off cap and the deadline.</param>
    /// <param name="time">The clock the schedule and the deadline are measured with.</param>
    /// <param name="logger">The service's logger.</param>
    public VerificationService(
        IAccessRequestStore requests,
        IDiagnosisService diagnosis,
        RequesterThread thread,
        IOptions<VerificationOptions> options,
        TimeProvider time,
        ILogger<VerificationService> logger)
    {
        _requests = requests;
        _diagnosis = diagnosis;
        _thread = thread;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A stop ends the waiting at once; a check under way is finished (the stoppingToken
            // is cancelled only when the shutdown timeout runs out).
            while (!StopRequested.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(_options.Interval, _time, StopRequested).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (
            StopRequested.IsCancellationRequested || stoppingToken.IsCancellationRequested)
        {
            // Stopping; the store still lists what is pending for the next start.
        }
    }

    /// <summary>One pass over the merged requests whose next check is due.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AccessRequest> pending;
        try
        {
            pending = await _requests
                .ListPendingVerificationsAsync(cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception.GetType().Name);
            return;
        }

        var now = _time.GetUtcNow();
        // Stopping: the check under way finishes, the rest wait in the store for the next start.
        foreach (var request in pending.TakeWhile(_ => !StopRequested.IsCancellationRequested))
        {
            if (_schedule.TryGetValue(request.Id, out var slot) && slot.Next > now)
            {
                continue;
            }

            await VerifyAsync(request, slot.Wait, cancellationToken).ConfigureAwait(false);
        }

        var stale = _schedule.Keys
            .Where(id => pending.All(request => request.Id != id))
            .ToList();
        foreach (var id in stale)
        {
            _schedule.Remove(id);
        }
    }

    private async Task VerifyAsync(
        AccessRequest request,
        TimeSpan lastWait,
        CancellationToken cancellationToken)
    {
        using var activity = BotTelemetry.Source.StartActivity("verification");
        activity?.SetTag("request.id", request.Id);
        DiagnosisReport? report = null;
        string? problem = null;
        try
        {
            var again = new DiagnosisRequest
            {
                Attempt = request.Attempt,
                Hints = request.Context.Hints,
                Cluster = request.Context.Cluster,
            };
            report = await _diagnosis
                .DiagnoseAsync(again, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception)
            when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A cluster that cannot be reached is one more failed try, not the end of the request.
            problem = $"the cluster could not be asked ({exception.GetType().Name})";
            LogCheckFailed(request.Id, exception.GetType().Name);
        }

        activity?.SetTag("allowed", report?.Allowed ?? false);
        if (report is { Allowed: true })
        {
            _schedule.Remove(request.Id);
            var done = await _requests
                .TryAdvanceAsync(
                    request.Id,
                    AccessRequestState.Merged,
                    AccessRequestState.Verified,
                    AuditActors.Bot,
                    "The cluster allows the attempt.",
                    cancellationToken)
                .ConfigureAwait(false);
            if (done.Won)
            {
                LogVerified(request.Id);
                await _thread
                    .TellAsync(
                        request,
                        $"✅ the change is live: you can {WhatWorks(request)} now.",
                        cancellationToken)
                    .ConfigureAwait(false);
            }

            return;
        }

        var why = report?.Cause.Summary ?? problem ?? "the diagnosis found no access error to check";
        var now = _time.GetUtcNow();

        if (now >= request.UpdatedAt + _options.Deadline)
        {
            _schedule.Remove(request.Id);
            var failed = await _requests
                .TryAdvanceAsync(
                    request.Id,
                    AccessRequestState.Merged,
                    AccessRequestState.VerificationFailed,
                    AuditActors.Bot,
                    Shorten(why),
                    cancellationToken)
                .ConfigureAwait(false);
            if (failed.Won)
            {
                LogGaveUp(request.Id);
                await _thread
                    .TellAsync(
                        request,
                        $"⚠️ the change is merged, but after {_options.Deadline} you still cannot "
                        + $"{WhatWorks(request)}: {Mrkdwn.Line(why, 1000)} "
                        + "Check that the RBAC repository is synced to the cluster, "
                        + "or ask the platform team.",
                        cancellationToken)
                    .ConfigureAwait(false);
            }

            return;
        }

        var wait = lastWait <= TimeSpan.Zero
            ? _options.Interval
            : TimeSpan.FromTicks(Math.Min(lastWait.Ticks * 2, _options.MaxInterval.Ticks));
        _schedule[request.Id] = (now + wait, wait);
    }

    /// <summary>"exec into pods in hello", "get pods in hello", "list nodes cluster-wide" (mrkdwn).</summary>
    internal static string WhatWorks(AccessRequest request)
    {
        var attempt = request.Attempt;
        var where = attempt.Namespace is { Length: > 0 } ns ? $"in {Mrkdwn.Code(ns, 100)}" : "cluster-wide";
        if (attempt.NonResourceUrl is { } url)
        {
            return $"{Mrkdwn.Code(attempt.Verb ?? "access", 40)} {Mrkdwn.Code(url, 200)}";
        }

        var action = (attempt.Resource, attempt.Subresource) switch
        {
            ("pods", "exec") => "exec into pods",
            ("pods", "attach") => "attach to pods",
            ("pods", "portforward") => "port-forward to pods",
            ("pods", "log") => "read pod logs",
            (var resource, var sub) =>
                $"{Mrkdwn.Code(attempt.Verb ?? "use", 40)} "
                + Mrkdwn.Code(sub is { Length: > 0 } ? $"{resource}/{sub}" : resource ?? "?", 200),
        };
        return $"{action} {where}";
    }

    private static string Shorten(string text) =>
        text.Length <= AccessRequestLimits.MaxTextLength
            ? text
            : text[..(AccessRequestLimits.MaxTextLength - 1)] + "…";

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Access request {RequestId} verified: the cluster allows it")]
    private partial void LogVerified(string requestId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Access request {RequestId} still refused at the deadline")]
    private partial void LogGaveUp(string requestId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Verification of {RequestId} could not ask the cluster ({ErrorType})")]
    private partial void LogCheckFailed(string requestId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verification could not read the store ({ErrorType})")]
    private partial void LogStoreFailed(string errorType);
}
