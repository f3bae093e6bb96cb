using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Negatives;

/// <summary>
/// Text that looks like a denial but reports an allowed request: Pod Security warnings
/// ("would violate PodSecurity"), policy-audit events (Kyverno's PolicyViolation) and
/// <c>kubectl auth can-i</c> answering "no".
/// </summary>
internal sealed class NonDenialNoticeRule : IAttemptRule
{
    private static readonly Regex WouldViolate = Patterns.Linear(
        @"would violate PodSecurity ""(?<level>[^""\n]+)""");

    private static readonly Regex PolicyEvent = Patterns.Linear(
        @"(\A|\n)[ ]{0,8}((?<ns>[a-z0-9][a-z0-9-]{0,62})[ ]+)?[0-9a-z<>]{1,12}[ ]+"
        + @"Warning[ ]+PolicyViolation[ ]+"
        + @"(?<kind>[A-Za-z]{1,63})/(?<name>[^\s/]+)");

    private static readonly Regex CanINo = Patterns.Linear(@"auth can-i[^\n]*\n(?<answer>no( - [^\n]*)?)");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in text.MatchesWith(WouldViolate, "would violate"))
        {
            yield return Notice(match, new AccessAttempt
            {
                Kind = AttemptKind.NotAnAccessError,
                Reason = $"warning: would violate PodSecurity \"{match.Groups["level"].Value}\" "
                    + "(the request was allowed)",
            });
        }

        foreach (Match match in text.MatchesWith(PolicyEvent, "PolicyViolation"))
        {
            yield return Notice(match, new AccessAttempt
            {
                Kind = AttemptKind.NotAnAccessError,
                Resource = KnownResources.PluralOf(match.Groups["kind"].Value),
                Namespace = match.Groups["ns"].Success ? match.Groups["ns"].Value : null,
                Name = match.Groups["name"].Value,
                Reason = "policy audit event (PolicyViolation): the request was not denied",
            });
        }

        foreach (Match match in text.MatchesWith(CanINo, "can-i"))
        {
            yield return Notice(match, new AccessAttempt
            {
                Kind = AttemptKind.NotAnAccessError,
                Reason = $"kubectl auth can-i answered: {match.Groups["answer"].Value}",
            });
        }
    }

    private static Candidate Notice(Match match, AccessAttempt attempt) =>
        new(match.Index, match.Index + match.Length, attempt);
}
