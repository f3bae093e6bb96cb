namespace ChatOpsBot.Core.Requests;

/// <summary>
/// Where an access request is in its life: steps 6 to 8 of the flow. The states only move
/// forward (see <see cref="AccessRequestLifecycle"/>), so no state is ever entered twice.
/// </summary>
public enum AccessRequestState
{
    /// <summary>Someone clicked "Request access"; no pull request yet.</summary>
    Requested,

    /// <summary>The pull request against the RBAC repository is open and waits for an admin.</summary>
    PullRequestOpened,

    /// <summary>An approver approved it; the change is not merged yet.</summary>
    Approved,

    /// <summary>An approver denied it (terminal).</summary>
    Denied,

    /// <summary>The pull request is merged; the bot checks until the access works.</summary>
    Merged,

    /// <summary>The cluster now allows the attempt (terminal).</summary>
    Verified,

    /// <summary>The access still did not work when the bot stopped checking (terminal).</summary>
    VerificationFailed,

    /// <summary>A step could not be carried out; the reason is recorded (terminal).</summary>
    Failed,
}
