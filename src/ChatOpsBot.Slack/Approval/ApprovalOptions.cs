namespace ChatOpsBot.Slack.Approval;

/// <summary>How an approval in chat reaches the RBAC repository.</summary>
public enum ApprovalMode
{
    /// <summary>Approve merges the pull request (guarded by the head commit the approvers saw).</summary>
    Chat,

    /// <summary>
    /// Approve records the intent and asks for a review in GitHub; the bot follows the pull
    /// request and carries on once someone merges it there.
    /// </summary>
    GitReview,
}

/// <summary>Who decides access requests, and where (configuration section <c>Approvals</c>).</summary>
public sealed class ApprovalOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Approvals";

    /// <summary>The channel the approvers' messages go to (a channel id such as <c>C0123</c>).</summary>
    public string? Channel { get; set; }

    /// <summary>Slack user ids allowed to decide.</summary>
    public IList<string> Approvers { get; } = [];

    /// <summary>A Slack user group id whose members may decide.</summary>
    public string? ApproverUserGroup { get; set; }

    /// <summary>
    /// The workspace (team id) or Enterprise Grid organisation (enterprise id) approvers must
    /// click from; any when empty.
    /// </summary>
    public string? TeamId { get; set; }

    /// <summary><c>chat</c> (the default) or <c>git-review</c>.</summary>
    public string Mode { get; set; } = "chat";

    /// <summary>How often the <c>git-review</c> mode looks at approved pull requests.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How old a pull request whose approvers' message could not be posted (Slack failed) must
    /// be before the bot posts it again; checked every <see cref="WatchInterval"/>.
    /// </summary>
    public TimeSpan RepostAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The parsed <see cref="Mode"/>; null when it is not a known mode.</summary>
    public ApprovalMode? ParsedMode => Mode?.Trim().ToUpperInvariant() switch
    {
        "CHAT" or "" or null => ApprovalMode.Chat,
        "GIT-REVIEW" or "GITREVIEW" => ApprovalMode.GitReview,
        _ => null,
    };

    /// <summary>The first problem with these options, or null when they are usable.</summary>
    /// <returns>A message naming the setting to fix, or null.</returns>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Channel) || !IsSlackId(Channel))
        {
            return "Approvals:Channel must be the id of the approvers' channel (such as C0123ABCD)";
        }

        if (!Approvers.Any(IsSlackId) && string.IsNullOrWhiteSpace(ApproverUserGroup))
        {
            return "set Approvals:Approvers (Slack user ids) or Approvals:ApproverUserGroup, "
                   + "or nobody can approve";
        }

        if (Approvers.FirstOrDefault(id => !IsSlackId(id)) is { } bad)
        {
            return $"Approvals:Approvers holds '{Shorten(bad)}', which is not a Slack user id";
        }

        if (ApproverUserGroup is { Length: > 0 } group && !IsSlackId(group))
        {
            return "Approvals:ApproverUserGroup must be a Slack user group id (such as S0123ABCD)";
        }

        if (TeamId is { Length: > 0 } team && !IsSlackId(team))
        {
            return "Approvals:TeamId must be a Slack team or enterprise id (such as T0123ABCD)";
        }

        return ModeProblem();
    }

    /// <summary>
    /// The first problem with the mode or the watch interval, or null. These apply even without a
    /// repository: the merge watcher runs either way.
    /// </summary>
    /// <returns>A message naming the setting to fix, or null.</returns>
    public string? ModeProblem() =>
        ParsedMode is null ? "Approvals:Mode must be chat or git-review"
        : WatchInterval <= TimeSpan.Zero ? "Approvals:WatchInterval must be positive"
        : RepostAfter <= TimeSpan.Zero ? "Approvals:RepostAfter must be positive"
        : null;

    /// <summary>True for Slack's ids: upper-case letters and digits, at most 64.</summary>
    /// <param name="value">The text to check.</param>
    /// <returns>Whether <paramref name="value"/> has the shape of a Slack id.</returns>
    public static bool IsSlackId(string? value) =>
        value is { Length: > 0 and <= 64 }
        && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>
/// How the bot checks that a merged change works (configuration section <c>Verification</c>).
/// </summary>
public sealed class VerificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Verification";

    /// <summary>The first wait between checks; it doubles after each failed check.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest wait between two checks of one request.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after the merge the bot keeps checking before it gives up.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first problem with these options, or null when they are usable.</summary>
    /// <returns>A message naming the setting to fix, or null.</returns>
    public string? Problem() =>
        Interval <= TimeSpan.Zero ? "Verification:Interval must be positive"
        : MaxInterval < Interval ? "Verification:MaxInterval must not be shorter than Verification:Interval"
        : Deadline <= TimeSpan.Zero ? "Verification:Deadline must be positive"
        : null;
}
