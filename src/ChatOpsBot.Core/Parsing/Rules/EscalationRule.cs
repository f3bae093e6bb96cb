using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// RBAC escalation prevention: <c>clusterroles… "x" is forbidden: attempt to grant extra
/// privileges: [...] user=&amp;{NAME UID [GROUPS] map[]} ownerrules=…</c>. The caller tried to
/// create or change a role or binding granting more than it holds itself.
/// </summary>
internal sealed class EscalationRule : IAttemptRule
{
    private const string Phrase = "attempt to grant extra privileges";

    private static readonly Regex Anchor = Patterns.Linear(@"attempt to grant extra privileges");

    // Go's %v of a user.Info: &{name uid [groups] map[extra]}; the uid may be empty.
    private static readonly Regex UserStruct = Patterns.Linear(
        @"user=&\{(?<name>[^\s{}\[\]]+)\s+([^\s{}\[\]]*\s+)?\[(?<groups>[^\]\n]*)\]");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        List<Match>? users = null;
        foreach (Match match in text.MatchesWith(Anchor, Phrase))
        {
            users ??= UserStruct.Matches(text.Value).ToList();
            var prefix = ForbiddenPrefix.ReadBefore(text.Value, match.Index);
            var start = prefix?.Start ?? match.Index;
            var lineEnd = text.LineEnd(match.Index);
            var user = NearestUser(users, match.Index, lineEnd);

            var attempt = Build(text, start, prefix, ReasonOf(text, match.Index, lineEnd)) with
            {
                User = user?.Groups["name"].Value,
                Groups = user is null ? null : SplitGroups(user.Groups["groups"].Value),
            };
            yield return new Candidate(start, match.Index + match.Length, attempt);
        }
    }

    /// <summary>An escalation attempt on the object a "… is forbidden:" prefix names.</summary>
    public static AccessAttempt Build(PasteText text, int start, ForbiddenPrefix? prefix, string reason) =>
        new()
        {
            Kind = AttemptKind.Forbidden,
            Verb = VerbCues.Before(text, start) ?? "create",
            Resource = prefix?.Resource,
            ApiGroup = prefix?.Resource is null ? null : prefix.Group ?? "",
            Name = prefix?.Name,
            ClusterScope = KnownResources.IsClusterScoped(prefix?.Resource, prefix?.Group),
            Reason = reason,
        };

    // The struct normally follows on the same line; a paste that starts mid-error may only
    // hold the struct of an earlier message by the same caller, which is still the best guess.
    private static Match? NearestUser(List<Match> users, int anchor, int lineEnd)
    {
        // Matches come in text order: find the first after the anchor by binary search.
        int low = 0, high = users.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = users[middle].Index > anchor ? (low, middle) : (middle + 1, high);
        }

        var after = low < users.Count ? users[low] : null;
        var before = low > 0 ? users[low - 1] : null;
        if (after is not null && (after.Index < lineEnd || before is null
            || after.Index - anchor < anchor - before.Index))
        {
            return after;
        }

        return before;
    }

    private static string[] SplitGroups(string groups) =>
        groups.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string ReasonOf(PasteText text, int anchor, int lineEnd)
    {
        var end = Math.Min(lineEnd, anchor + 300);
        var reason = text.Slice(anchor, end);
        var cut = reason.IndexOf(" user=", StringComparison.Ordinal);
        reason = (cut > 0 ? reason[..cut] : reason).TrimEnd(' ', ':');
        return reason.Length > Phrase.Length ? reason : Phrase;
    }
}
