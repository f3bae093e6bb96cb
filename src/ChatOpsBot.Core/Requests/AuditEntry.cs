namespace ChatOpsBot.Core.Requests;

/// <summary>One recorded step of an access request: who did what, and when.</summary>
/// <param name="Sequence">Increases with every entry in the store; orders the trail.</param>
/// <param name="RequestId">The request the step belongs to.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Actor">Who did it: a chat user id, or <see cref="AuditActors.Bot"/>.</param>
/// <param name="Action">What was done: one of <see cref="AuditActions"/>, or a caller's own name.</param>
/// <param name="State">The request's state after the step.</param>
/// <param name="Detail">A sentence or value worth keeping (a reason, a pull request URL), if any.</param>
public sealed record AuditEntry(
    long Sequence,
    string RequestId,
    DateTimeOffset At,
    string Actor,
    string Action,
    AccessRequestState State,
    string? Detail);

/// <summary>The actions the stores write themselves.</summary>
public static class AuditActions
{
    /// <summary>The request was recorded from a diagnosis.</summary>
    public const string Requested = "requested";

    /// <summary>The pull request was opened.</summary>
    public const string PullRequestOpened = "pull-request-opened";

    /// <summary>The approvers' message was posted (or moved).</summary>
    public const string ApprovalMessagePosted = "approval-message-posted";

    /// <summary>An approver approved.</summary>
    public const string Approved = "approved";

    /// <summary>An approver denied.</summary>
    public const string Denied = "denied";

    /// <summary>The pull request was merged.</summary>
    public const string Merged = "merged";

    /// <summary>The access now works.</summary>
    public const string Verified = "verified";

    /// <summary>The access never started to work.</summary>
    public const string VerificationFailed = "verification-failed";

    /// <summary>A step failed.</summary>
    public const string Failed = "failed";

    /// <summary>The action a plain transition into <paramref name="state"/> records.</summary>
    public static string ForState(AccessRequestState state) => state switch
    {
        AccessRequestState.Requested => Requested,
        AccessRequestState.PullRequestOpened => PullRequestOpened,
        AccessRequestState.Approved => Approved,
        AccessRequestState.Denied => Denied,
        AccessRequestState.Merged => Merged,
        AccessRequestState.Verified => Verified,
        AccessRequestState.VerificationFailed => VerificationFailed,
        _ => Failed,
    };
}

/// <summary>Actor names that are not chat users.</summary>
public static class AuditActors
{
    /// <summary>The bot itself (merging, verifying, failing a step).</summary>
    public const string Bot = "bot";
}
