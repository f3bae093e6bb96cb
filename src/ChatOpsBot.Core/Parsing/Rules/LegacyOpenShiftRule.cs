using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// OpenShift's pre-RBAC wording (2015): <c>"/osapi/…" is forbidden because system:anonymous
/// cannot get on namespaces with name "default" in default</c>.
/// </summary>
internal sealed class LegacyOpenShiftRule : IAttemptRule
{
    private static readonly Regex Anchor = Patterns.Linear(
        @"is forbidden because (?<user>[^\s""]+) cannot (?<verb>[a-z]{1,40}) on (?<resource>[a-z][a-z0-9.-]*)"
        + @"( with name ""(?<name>[^""\n]*)"")?( in (?<ns>[a-z0-9][a-z0-9-]{0,62}))?");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in text.MatchesWith(Anchor, "forbidden because"))
        {
            var (resource, group) = ResourceNames.SplitGroup(match.Groups["resource"].Value);
            var attempt = new AccessAttempt
            {
                Kind = AttemptKind.Forbidden,
                User = match.Groups["user"].Value,
                Verb = match.Groups["verb"].Value,
                Resource = resource,
                ApiGroup = group,
                Name = match.Groups["name"].Success ? match.Groups["name"].Value : null,
                Namespace = match.Groups["ns"].Success ? match.Groups["ns"].Value : null,
            };
            yield return new Candidate(match.Index, match.Index + match.Length, attempt);
        }
    }
}
