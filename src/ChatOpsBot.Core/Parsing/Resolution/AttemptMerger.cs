namespace ChatOpsBot.Core.Parsing.Resolution;

/// <summary>
/// Collapses repeats: logs print the same denial again and again (retries, "error" and
/// "errorVerbose" fields, a client quoting the server). Consecutive attempts about the same
/// request become one; consecutive 401s that do not contradict each other are one failure
/// told in several lines (a Status body's message, reason and code).
/// </summary>
internal static class AttemptMerger
{
    /// <summary>The attempts with consecutive repeats merged.</summary>
    public static List<AccessAttempt> Merge(IEnumerable<AccessAttempt> attempts)
    {
        var merged = new List<AccessAttempt>();
        foreach (var attempt in attempts)
        {
            if (merged.Count > 0 && SameRequest(merged[^1], attempt))
            {
                merged[^1] = merged[^1] with { Reason = merged[^1].Reason ?? attempt.Reason };
            }
            else if (merged.Count > 0 && BothUnauthorized(merged[^1], attempt)
                && Compatible(merged[^1], attempt))
            {
                merged[^1] = Combine(merged[^1], attempt);
            }
            else
            {
                merged.Add(attempt);
            }
        }

        return merged;
    }

    private static bool SameRequest(AccessAttempt a, AccessAttempt b) =>
        a.Kind == b.Kind && a.User == b.User && a.Verb == b.Verb && a.Resource == b.Resource
        && a.Subresource == b.Subresource && a.ApiGroup == b.ApiGroup && a.Namespace == b.Namespace
        && a.Name == b.Name && a.NonResourceUrl == b.NonResourceUrl;

    private static bool BothUnauthorized(AccessAttempt a, AccessAttempt b) =>
        a.Kind == AttemptKind.Unauthorized && b.Kind == AttemptKind.Unauthorized;

    private static bool Compatible(AccessAttempt a, AccessAttempt b) =>
        Fits(a.User, b.User) && Fits(a.Verb, b.Verb) && Fits(a.Resource, b.Resource)
        && Fits(a.Subresource, b.Subresource) && Fits(a.ApiGroup, b.ApiGroup)
        && Fits(a.Namespace, b.Namespace) && Fits(a.Name, b.Name);

    private static bool Fits(string? a, string? b) => a is null || b is null || a == b;

    private static AccessAttempt Combine(AccessAttempt a, AccessAttempt b) => a with
    {
        User = a.User ?? b.User,
        Verb = a.Verb ?? b.Verb,
        Resource = a.Resource ?? b.Resource,
        Subresource = a.Subresource ?? b.Subresource,
        ApiGroup = a.ApiGroup ?? b.ApiGroup,
        Namespace = a.Namespace ?? b.Namespace,
        Name = a.Name ?? b.Name,
        ClusterScope = a.ClusterScope || b.ClusterScope,
        // "Unauthorized" says least; a line that says why wins.
        Reason = a.Reason is null or "Unauthorized" ? b.Reason ?? a.Reason : a.Reason,
    };
}
