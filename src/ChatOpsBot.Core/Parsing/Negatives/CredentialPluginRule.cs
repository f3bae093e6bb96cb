using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Negatives;

/// <summary>
/// kubectl's exec credential plugin failed before any request was sent (<c>getting
/// credentials: exec: exit status 255</c>). When the paste shows the plugin was refused by
/// cloud IAM (an AssumeRole denial), the caller cannot authenticate: that reads as
/// <see cref="AttemptKind.Unauthorized"/> for the denied principal. Otherwise (plugin
/// missing, API version mismatch) it is a client set-up problem, not an access error.
/// </summary>
internal sealed class CredentialPluginRule : IAttemptRule
{
    private static readonly Regex Anchor = Patterns.Linear(
        @"getting credentials: (?<detail>[^\n]+)");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        string? principal = null;
        var looked = false;
        foreach (Match match in text.MatchesWith(Anchor, "getting credentials"))
        {
            if (!looked)
            {
                principal = CloudIamDenialRule.DeniedPrincipal(text.Value);
                looked = true;
            }

            var detail = match.Groups["detail"].Value.Trim();
            var attempt = principal is null
                ? new AccessAttempt
                {
                    Kind = AttemptKind.NotAnAccessError,
                    Reason = $"credential plugin failed: {detail}",
                }
                : new AccessAttempt
                {
                    Kind = AttemptKind.Unauthorized,
                    User = principal,
                    Reason = $"credential plugin failed after a cloud IAM denial: {detail}",
                };
            yield return new Candidate(match.Index, match.Index + match.Length, attempt);
        }
    }
}
