namespace ChatOpsBot.Core.Requests;

/// <summary>
/// The durable record of access requests (steps 6 to 8 of the flow) and their audit trail.
/// A request is born when <see cref="IDiagnosisStore.RecordAccessRequestAsync"/> records the
/// first click on a diagnosis that proposes a fix; it carries that diagnosis's id. Every
/// change is a compare-and-set on the state, so of several racing callers exactly one wins,
/// and every change writes its audit entry in the same step.
/// </summary>
public interface IAccessRequestStore
{
    /// <summary>The request with this id, or null when there is none.</summary>
    Task<AccessRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the request from <see cref="AccessRequestState.Requested"/> to
    /// <see cref="AccessRequestState.PullRequestOpened"/> and records the pull request.
    /// </summary>
    Task<TransitionResult> TryRecordPullRequestAsync(
        string requestId, PullRequestInfo pullRequest, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Records where the approvers' message is (it may be recorded again when the message
    /// moves). Does not change the state. False when there is no such request.
    /// </summary>
    Task<bool> SetApprovalMessageAsync(
        string requestId, MessageLocation location, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Records an approver's decision, once: the request moves from
    /// <paramref name="expectedState"/> to Approved or Denied only if it is still in
    /// <paramref name="expectedState"/>. Of two approvers clicking at once exactly one wins;
    /// the other gets <see cref="TransitionOutcome.StateChanged"/> with the winner's decision.
    /// Whether <paramref name="decidedBy"/> may decide is the caller's rule, not the store's.
    /// </summary>
    Task<TransitionResult> TryDecideAsync(
        string requestId,
        AccessDecision decision,
        string decidedBy,
        AccessRequestState expectedState,
        CancellationToken cancellationToken);

    /// <summary>
    /// A plain step forward: Approved → Merged, Merged → Verified or VerificationFailed.
    /// Decisions, pull requests and failures have their own methods.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nextState"/> is not a plain step.
    /// </exception>
    Task<TransitionResult> TryAdvanceAsync(
        string requestId,
        AccessRequestState expectedState,
        AccessRequestState nextState,
        string actor,
        string? detail,
        CancellationToken cancellationToken);

    /// <summary>Marks a request that is still under way as failed, with the reason.</summary>
    Task<TransitionResult> TryFailAsync(
        string requestId,
        AccessRequestState expectedState,
        string reason,
        string actor,
        CancellationToken cancellationToken);

    /// <summary>
    /// Adds a step that does not change the state (a verification attempt, a reminder).
    /// False when there is no such request.
    /// </summary>
    Task<bool> AppendAuditAsync(
        string requestId, string actor, string action, string? detail, CancellationToken cancellationToken);

    /// <summary>Every recorded step of the request, oldest first; empty when unknown.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Requests merged but not yet verified, oldest change first, so a verification that was
    /// running when the bot stopped can resume.
    /// </summary>
    Task<IReadOnlyList<AccessRequest>> ListPendingVerificationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Requests in one state, oldest change first: for instance those approved in chat and
    /// waiting for the merge in Git, which a restarted bot must keep following.
    /// </summary>
    Task<IReadOnlyList<AccessRequest>> ListInStateAsync(AccessRequestState state, CancellationToken cancellationToken);
}
