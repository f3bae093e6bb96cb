using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// Authentication failures (HTTP 401): kubectl's "You must be logged in to the server
/// (…)", "the server has asked for the client to provide credentials", "Error from server
/// (Unauthorized)", a bare ": Unauthorized" ending an error, and 401 Status bodies.
/// </summary>
internal sealed class UnauthorizedRule : IAttemptRule
{
    private static readonly Regex Anchor = Patterns.Linear(
        @"You must be logged in to the server( \((?<inner>[^\n]*)\))?"
        + @"|(?<credentials>the server has asked for the client to provide credentials)"
        + @"|Error from server \(Unauthorized\)"
        + @"|(?<upgrade>unable to upgrade connection: )Unauthorized\b"
        + @"|(\A|\n|[:""'(]|401)[ ]{0,2}Unauthorized\b"
        + @"|""code""[ ]{0,4}:[ ]{0,4}401\b");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in Anchor.Matches(text.Value))
        {
            var inner = match.Groups["inner"];
            if (inner.Success && HidesDenial(inner.Value))
            {
                continue;
            }

            var attempt = new AccessAttempt { Kind = AttemptKind.Unauthorized, Reason = ReasonOf(match) };
            attempt = FailedClause.Apply(text, match.Index, attempt);
            yield return new Candidate(match.Index, match.Index + match.Length, attempt);
        }
    }

    // For a while the API server answered RBAC escalation with 401; kubectl then wrapped a
    // real 403 in "You must be logged in". The inner denial is what happened.
    private static bool HidesDenial(string inner) =>
        inner.Contains("attempt to grant", StringComparison.Ordinal)
        || inner.Contains("is forbidden", StringComparison.Ordinal);

    private static string ReasonOf(Match match)
    {
        if (match.Groups["inner"].Success)
        {
            return match.Groups["inner"].Value.Trim();
        }

        if (match.Groups["credentials"].Success)
        {
            return match.Groups["credentials"].Value;
        }

        return match.Groups["upgrade"].Success
            ? "unable to upgrade connection: Unauthorized"
            : "Unauthorized";
    }
}
