namespace ChatOpsBot.Core.Requests;

/// <summary>The moves an access request may make, shared by every store.</summary>
public static class AccessRequestLifecycle
{
    /// <summary>True when nothing can follow <paramref name="state"/>.</summary>
    public static bool IsTerminal(AccessRequestState state) =>
        state is AccessRequestState.Denied
            or AccessRequestState.Verified
            or AccessRequestState.VerificationFailed
            or AccessRequestState.Failed;

    /// <summary>True when a request in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(AccessRequestState from, AccessRequestState to)
    {
        // Any step still under way can fail; a finished request stays as it ended.
        if (to == AccessRequestState.Failed)
        {
            return !IsTerminal(from);
        }

        return (from, to) switch
        {
            (AccessRequestState.Requested, AccessRequestState.PullRequestOpened) => true,
            (AccessRequestState.PullRequestOpened, AccessRequestState.Approved) => true,
            (AccessRequestState.PullRequestOpened, AccessRequestState.Denied) => true,
            (AccessRequestState.Approved, AccessRequestState.Merged) => true,
            (AccessRequestState.Merged, AccessRequestState.Verified) => true,
            (AccessRequestState.Merged, AccessRequestState.VerificationFailed) => true,
            _ => false,
        };
    }
}
