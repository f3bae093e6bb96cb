using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// The kubelet's and aggregated API servers' denial: <c>Forbidden (user=U, verb=V,
/// resource=R, subresource=S)</c>. Through <c>kubectl exec</c> or <c>logs</c> it usually
/// means the API server's own kubelet client lacks <c>nodes/proxy</c>.
/// </summary>
internal sealed class KeyValueForbiddenRule : IAttemptRule
{
    private static readonly Regex Anchor = Patterns.Linear(
        @"Forbidden \(user=(?<user>[^,()\n]*), verb=(?<verb>[^,()\n]{0,64}), "
        + @"resource=(?<resource>[^,()\n]*), subresource=(?<sub>[^,()\n]*)\)");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in text.Has("(user=") ? Anchor.Matches(text.Value) : Enumerable.Empty<Match>())
        {
            var (resource, group) = ResourceNames.SplitGroup(match.Groups["resource"].Value.Trim());
            var attempt = new AccessAttempt
            {
                Kind = AttemptKind.Forbidden,
                User = NullIfEmpty(match.Groups["user"].Value),
                Verb = NullIfEmpty(match.Groups["verb"].Value),
                Resource = NullIfEmpty(resource),
                ApiGroup = group,
                Subresource = match.Groups["sub"].Value.Trim(),
                ClusterScope = KnownResources.IsClusterScoped(resource, group),
            };
            yield return new Candidate(match.Index, match.Index + match.Length, attempt);
        }
    }

    private static string? NullIfEmpty(string value) =>
        value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
