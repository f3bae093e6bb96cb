using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// GKE's IAM layer: <c>Required "container.pods.getLogs" permission.</c> and
/// <c>requires one of ["container.pods.exec"] permission(s)</c> (and Google Cloud's newer
/// <c>Permission 'container.clusters.get' denied on resource …</c>). Appended to an RBAC
/// sentence it turns that denial into a <see cref="AttemptKind.GkeIam"/> one (see
/// <see cref="IsGkeReason"/>); on its own (gcloud, get-gke-credentials) the permission is
/// the attempted action.
/// </summary>
internal sealed class GkeIamRule : IAttemptRule
{
    private static readonly Regex Permission = Patterns.LinearIgnoreCase(
        @"\brequire[sd]?\s+(one\s+of\s+)?\[?""(?<permission>container\.[A-Za-z0-9_.]+)"""
        + @"[^\n]*?\bpermission(\(s\))?"
        + @"|\bpermission '(?<permission>container\.[A-Za-z0-9_.]+)' denied");

    /// <summary>True when a denial's reason is GKE's IAM wording.</summary>
    public static bool IsGkeReason(string? reason) => reason is not null && Permission.IsMatch(reason);

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in text.MatchesWith(Permission, "container."))
        {
            var end = match.Index + match.Length;
            if (end < text.Length && text.Value[end] == '.')
            {
                end++;
            }

            var attempt = new AccessAttempt
            {
                Kind = AttemptKind.GkeIam,
                Verb = match.Groups["permission"].Value,
                Reason = match.Value.Trim() + (end > match.Index + match.Length ? "." : ""),
            };
            yield return new Candidate(match.Index, end, attempt);
        }
    }
}
