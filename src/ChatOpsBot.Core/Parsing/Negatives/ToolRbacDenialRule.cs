using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Negatives;

/// <summary>
/// A tool's own RBAC saying no, not the Kubernetes API: Argo CD's <c>permission denied:
/// applications, sync, team-a/web, sub: alice</c>. The fix is in the tool's policy (argocd-rbac-cm),
/// so it reads as <see cref="AttemptKind.NotAnAccessError"/>, with what the tool named.
/// </summary>
internal sealed class ToolRbacDenialRule : IAttemptRule
{
    private static readonly Regex ArgoCd = Patterns.Linear(
        @"permission denied: (?<resource>[a-z]{1,40}), (?<action>[a-z/*-]{1,40}), "
        + @"((?<project>[^/\s,]+)/)?(?<name>[^\s,]+)(, sub: (?<sub>[^\s,]+))?");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in text.MatchesWith(ArgoCd, "permission denied: "))
        {
            var attempt = new AccessAttempt
            {
                Kind = AttemptKind.NotAnAccessError,
                User = match.Groups["sub"].Success ? match.Groups["sub"].Value : null,
                Verb = match.Groups["action"].Value,
                Resource = match.Groups["resource"].Value,
                Name = match.Groups["name"].Value,
                Reason = "Argo CD's own RBAC (argocd-rbac-cm) denied the action; "
                    + "not a Kubernetes API decision",
            };
            yield return new Candidate(match.Index, match.Index + match.Length, attempt);
        }
    }
}
