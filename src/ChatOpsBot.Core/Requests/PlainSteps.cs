namespace ChatOpsBot.Core.Requests;

/// <summary>The states <see cref="IAccessRequestStore.TryAdvanceAsync"/> may move to.</summary>
public static class PlainSteps
{
    /// <summary>True for Merged, Verified and VerificationFailed: steps with no data of their own.</summary>
    public static bool IsPlain(AccessRequestState next) =>
        next is AccessRequestState.Merged
            or AccessRequestState.Verified
            or AccessRequestState.VerificationFailed;

    /// <summary>Throws unless <paramref name="next"/> is a plain step.</summary>
    public static void ThrowUnlessPlain(AccessRequestState next, string parameterName)
    {
        if (!IsPlain(next))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                next,
                "Only Merged, Verified and VerificationFailed are plain steps; decisions, pull requests "
                + "and failures have their own methods.");
        }
    }
}
