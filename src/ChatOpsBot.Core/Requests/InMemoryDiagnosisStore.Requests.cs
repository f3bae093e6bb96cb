using ChatOpsBot.Core.Telemetry;

namespace ChatOpsBot.Core.Requests;

/// <summary>The access-request half of the in-memory store.</summary>
public sealed partial class InMemoryDiagnosisStore
{
    private readonly Dictionary<string, AccessRequest> _requests = new(StringComparer.Ordinal);
    private readonly Queue<string> _requestOrder = new();
    private readonly Dictionary<string, List<AuditEntry>> _audit = new(StringComparer.Ordinal);
    private long _sequence;

    /// <inheritdoc />
    public Task<AccessRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(FindRequest(requestId));
        }
    }

    /// <inheritdoc />
    public Task<TransitionResult> TryRecordPullRequestAsync(
        string requestId, PullRequestInfo pullRequest, string actor, CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckPullRequest(pullRequest, nameof(pullRequest));
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        return Task.FromResult(Transition(
            requestId,
            AccessRequestState.Requested,
            AccessRequestState.PullRequestOpened,
            actor,
            AuditActions.PullRequestOpened,
            pullRequest.Url,
            (request, _) => request with { PullRequest = pullRequest }));
    }

    /// <inheritdoc />
    public Task<bool> SetApprovalMessageAsync(
        string requestId, MessageLocation location, string actor, CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckMessage(location, nameof(location));
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        lock (_gate)
        {
            if (FindRequest(requestId) is not { } request)
            {
                return Task.FromResult(false);
            }

            var now = _time.GetUtcNow();
            _requests[requestId] = request with { ApprovalMessage = location, UpdatedAt = now };
            var detail = $"{location.ChannelId} {location.MessageTs}";
            Audit(requestId, now, actor, AuditActions.ApprovalMessagePosted, request.State, detail);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<TransitionResult> TryDecideAsync(
        string requestId,
        AccessDecision decision,
        string decidedBy,
        AccessRequestState expectedState,
        CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckDecision(decision, nameof(decision));
        AccessRequestLimits.CheckActor(decidedBy, nameof(decidedBy));
        var next = decision.ResultingState;
        return Task.FromResult(Transition(
            requestId,
            expectedState,
            next,
            decidedBy,
            AuditActions.ForState(next),
            decision.Reason,
            (request, now) => request with
            {
                Decision = new RecordedDecision(decision.Verdict, decidedBy, now, decision.Reason),
            }));
    }

    /// <inheritdoc />
    public Task<TransitionResult> TryAdvanceAsync(
        string requestId,
        AccessRequestState expectedState,
        AccessRequestState nextState,
        string actor,
        string? detail,
        CancellationToken cancellationToken)
    {
        PlainSteps.ThrowUnlessPlain(nextState, nameof(nextState));
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        AccessRequestLimits.CheckText(detail, nameof(detail));
        return Task.FromResult(Transition(
            requestId,
            expectedState,
            nextState,
            actor,
            AuditActions.ForState(nextState),
            detail,
            (request, _) => request));
    }

    /// <inheritdoc />
    public Task<TransitionResult> TryFailAsync(
        string requestId,
        AccessRequestState expectedState,
        string reason,
        string actor,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        AccessRequestLimits.CheckText(reason, nameof(reason));
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        return Task.FromResult(Transition(
            requestId,
            expectedState,
            AccessRequestState.Failed,
            actor,
            AuditActions.Failed,
            reason,
            (request, _) => request with { FailureReason = reason }));
    }

    /// <inheritdoc />
    public Task<bool> AppendAuditAsync(
        string requestId, string actor, string action, string? detail, CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        AccessRequestLimits.CheckAction(action, nameof(action));
        AccessRequestLimits.CheckText(detail, nameof(detail));
        lock (_gate)
        {
            if (FindRequest(requestId) is not { } request)
            {
                return Task.FromResult(false);
            }

            Audit(requestId, _time.GetUtcNow(), actor, action, request.State, detail);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(
        string requestId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditEntry> trail =
                FindRequest(requestId) is not null && _audit.TryGetValue(requestId, out var entries)
                    ? [.. entries]
                    : [];
            return Task.FromResult(trail);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AccessRequest>> ListPendingVerificationsAsync(
        CancellationToken cancellationToken) =>
        ListInStateAsync(AccessRequestState.Merged, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AccessRequest>> ListInStateAsync(
        AccessRequestState state, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AccessRequest> pending = [.. _requests.Values
                .Where(request => request.State == state)
                .OrderBy(request => request.UpdatedAt)];
            return Task.FromResult(pending);
        }
    }

    // Callers hold the gate.
    private void AddRequest(AccessRequest request)
    {
        while (_requests.Count >= _capacity && _requestOrder.TryDequeue(out var oldest))
        {
            _requests.Remove(oldest);
            _audit.Remove(oldest);
        }

        _requests[request.Id] = request;
        _requestOrder.Enqueue(request.Id);
        Audit(request.Id, request.RequestedAt, request.RequestedBy, AuditActions.Requested, request.State,
            request.Describe());
    }

    private AccessRequest? FindRequest(string requestId) =>
        DiagnosisIds.IsWellFormed(requestId) && _requests.TryGetValue(requestId, out var request)
            ? request
            : null;

    private TransitionResult Transition(
        string requestId,
        AccessRequestState expected,
        AccessRequestState next,
        string actor,
        string action,
        string? detail,
        Func<AccessRequest, DateTimeOffset, AccessRequest> change)
    {
        lock (_gate)
        {
            var current = FindRequest(requestId);
            if (current is null)
            {
                return new TransitionResult(TransitionOutcome.NotFound, null);
            }

            if (!AccessRequestLifecycle.CanMove(expected, next))
            {
                return new TransitionResult(TransitionOutcome.NotAllowed, current);
            }

            if (current.State != expected)
            {
                return new TransitionResult(TransitionOutcome.StateChanged, current);
            }

            var now = _time.GetUtcNow();
            var updated = change(current, now) with { State = next, UpdatedAt = now };
            _requests[requestId] = updated;
            Audit(requestId, now, actor, action, next, detail);
            return AccessRequestOutcomes.Count(new TransitionResult(TransitionOutcome.Applied, updated));
        }
    }

    private void Audit(
        string requestId,
        DateTimeOffset at,
        string actor,
        string action,
        AccessRequestState state,
        string? detail)
    {
        if (!_audit.TryGetValue(requestId, out var entries))
        {
            entries = [];
            _audit[requestId] = entries;
        }

        entries.Add(new AuditEntry(++_sequence, requestId, at, actor, action, state, detail));
    }
}
