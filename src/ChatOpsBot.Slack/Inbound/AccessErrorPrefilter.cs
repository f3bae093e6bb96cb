namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// A cheap, permissive check that a channel message might hold a Kubernetes access error, so
/// ordinary chatter never reaches the diagnosis engine. False positives cost one engine call
/// (which then says "no access error"); false negatives lose a reply, so keep it broad.
/// </summary>
public static class AccessErrorPrefilter
{
    private static readonly string[] Keywords =
    [
        "forbidden", "unauthori", "logged in", "log in", "permission", "denied", "cannot",
        "can't", "not allowed", "rbac", "access", "credential", "403", "401", "required \"container.",
    ];

    /// <summary>True when the text contains any of the keywords (case-insensitive).</summary>
    public static bool MightHoldAccessError(string? text) =>
        !string.IsNullOrEmpty(text)
        && Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
}
