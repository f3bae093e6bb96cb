using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// A refused streaming upgrade that kept only the status line: <c>Expected HTTP 101 response
/// but was '403 Forbidden'</c>. Clients upgrade for exec, attach and port-forward; the paste's
/// wording picks one, exec when it says nothing. Weak: a real message anywhere later wins.
/// </summary>
internal sealed class UpgradeForbiddenRule : IAttemptRule
{
    private static readonly Regex Anchor = Patterns.Linear(@"Expected HTTP 101 response but was '?403");

    private static readonly Regex PortForward = Patterns.LinearIgnoreCase(@"port-?forward");

    private static readonly Regex Attach = Patterns.LinearIgnoreCase(@"\battach");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        string? subresource = null;
        foreach (Match match in text.MatchesWith(Anchor, "HTTP 101"))
        {
            subresource ??= SubresourceOf(text.Value);
            var attempt = new AccessAttempt
            {
                Kind = AttemptKind.Forbidden,
                Subresource = subresource,
                Reason = "HTTP 403 on the connection upgrade; the server's message was not shown",
            };
            yield return new Candidate(match.Index, match.Index + match.Length, attempt)
            {
                Weak = true,
                RegionStart = match.Index,
                RegionEnd = text.Length,
            };
        }
    }

    private static string SubresourceOf(string text) =>
        PortForward.IsMatch(text) ? "portforward" : Attach.IsMatch(text) ? "attach" : "exec";
}
