using ChatOpsBot.GitOps.Editing;

namespace ChatOpsBot.GitOps.Repository;

/// <summary>
/// The checks every repository makes before it touches Git: the request id must be usable as
/// a branch name, and the fix must be a manifest the editor understands.
/// </summary>
internal static class ChangePreparation
{
    /// <summary>The parsed manifest, or the <see cref="Failed"/> result to return instead.</summary>
    public static Failed? TryPrepare(AccessChange change, out FixManifest? manifest)
    {
        manifest = null;
        if (!IsBranchSafe(change.RequestId))
        {
            return new Failed(
                "The request id cannot name a branch (letters, digits, '.', '_' and '-' only, at most 100).");
        }

        try
        {
            manifest = FixManifest.Parse(change.Fix);
            return null;
        }
        catch (FormatException exception)
        {
            return new Failed(exception.Message);
        }
    }

    // Git's ref-name rules, narrowed to what a request id ever needs. The id always follows a
    // non-empty branch prefix, so it is never a whole branch name or an argument of its own: a
    // leading '-' or '_' (base64url ids start with one in 1 of 32) is allowed, a leading '.' is not.
    private static bool IsBranchSafe(string requestId) =>
        requestId is { Length: > 0 and <= 100 }
        && requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
        && requestId[0] is not '.'
        && !requestId.Contains("..", StringComparison.Ordinal)
        && !requestId.EndsWith(".lock", StringComparison.Ordinal);
}
