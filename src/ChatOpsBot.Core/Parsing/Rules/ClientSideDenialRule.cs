using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// Denials reported by tools in their own words rather than the API server's: k9s's access
/// pre-check (<c>get access denied for user on "ns":v1/pods:portforward</c>) and the EKS
/// console's "Your current IAM principal doesn't have access to Kubernetes objects".
/// </summary>
internal sealed class ClientSideDenialRule : IAttemptRule
{
    private static readonly Regex K9s = Patterns.Linear(
        @"\b(?<verb>[a-z]{1,40}) access denied for user on ""(?<ns>[^""\n]*)"":"
        + @"(?<gvr>[A-Za-z0-9./-]+)(:(?<sub>[A-Za-z]{1,63}))?");

    private static readonly Regex EksConsole = Patterns.LinearIgnoreCase(
        @"current (IAM principal|user or role) (doesn't|does not) have access to Kubernetes objects");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in text.MatchesWith(K9s, "access denied for user"))
        {
            yield return new Candidate(match.Index, match.Index + match.Length, FromK9s(match));
        }

        foreach (Match match in text.MatchesWith(EksConsole, "Kubernetes objects"))
        {
            var attempt = new AccessAttempt
            {
                Kind = AttemptKind.Forbidden,
                Reason = "EKS console: the IAM principal has no Kubernetes access (no access entry, "
                    + "aws-auth mapping or RBAC binding)",
            };
            yield return new Candidate(match.Index, match.Index + match.Length, attempt);
        }
    }

    // k9s prints group/version/resource: "v1/pods" (core) or "apps/v1/deployments".
    private static AccessAttempt FromK9s(Match match)
    {
        var parts = match.Groups["gvr"].Value.Split('/');
        var group = parts.Length >= 3 ? string.Join('/', parts[..^2]) : "";
        var ns = match.Groups["ns"].Value;
        return new AccessAttempt
        {
            Kind = AttemptKind.Forbidden,
            Verb = match.Groups["verb"].Value,
            Resource = parts[^1],
            Subresource = match.Groups["sub"].Success ? match.Groups["sub"].Value : null,
            ApiGroup = group,
            Namespace = ns.Length == 0 ? null : ns,
            ClusterScope = ns.Length == 0,
            Reason = "access pre-check of the client tool (k9s), not an API server answer",
        };
    }
}
