using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// "… is forbidden: &lt;anything but an authorizer sentence&gt;". The authorizer always words a
/// denial "User … cannot …"; any other text after "is forbidden:" comes from an admission
/// plugin or policy engine (Pod Security, PSP, quota, a terminating namespace, webhooks,
/// ValidatingAdmissionPolicy, OwnerReferencesPermissionEnforcement, project limits).
/// </summary>
internal sealed class AdmissionDenialRule : IAttemptRule
{
    // How far after "user" OpenShift's escalation wording puts "(groups=".
    private const int GroupsWindow = 400;

    private static readonly Regex Anchor = Patterns.Linear(@"\bis\s{1,8}forbidden\s{0,8}:");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in Anchor.Matches(text.Value))
        {
            var tail = TailStart(text.Value, match.Index + match.Length);
            if (tail < 0)
            {
                continue;
            }

            var prefix = ForbiddenPrefix.ReadBefore(text.Value, tail);
            if (prefix is null || IsOtherRule(text.Value, tail))
            {
                continue;
            }

            var (reason, end) = ReasonReader.Read(text.Value, tail);
            if (AdmissionText.WrapsAuthorizerDenial(reason))
            {
                continue;
            }

            yield return new Candidate(prefix.Start, Math.Max(end, tail), Build(text, prefix, reason));
        }
    }

    private static AccessAttempt Build(PasteText text, ForbiddenPrefix prefix, string? reason)
    {
        var attempt = new AccessAttempt
        {
            // "x is forbidden:" with nothing after it lost its explanation; read it as a plain denial.
            Kind = reason is null ? AttemptKind.Forbidden : AttemptKind.AdmissionDenial,
            Verb = VerbCues.Before(text, prefix.Start) ?? (prefix.Resource is null ? null : "create"),
            Resource = prefix.Resource,
            ApiGroup = prefix.Resource is null ? null : prefix.Group ?? "",
            Name = prefix.Name,
            Reason = reason,
        };
        return AdmissionText.Enrich(attempt, reason);
    }

    // The explanation may start on the next line ("is forbidden:\nviolates PodSecurity …").
    private static int TailStart(string text, int afterColon)
    {
        var i = Scan.SkipSpace(text, afterColon, lines: false);
        if (i < text.Length && text[i] == '\n')
        {
            i = Scan.SkipSpace(text, i + 1, lines: false);
        }

        return i;
    }

    // Authorizer sentences and escalation messages are read by their own rules.
    private static bool IsOtherRule(string text, int tail) =>
        Scan.Word(text, tail, "User") > 0
        || Scan.Phrase(text, tail, "attempt", "to", "grant") > 0
        || (Scan.Word(text, tail, "user") > 0
            && text.IndexOf("(groups=", tail, Math.Min(GroupsWindow, text.Length - tail),
                StringComparison.Ordinal) > 0);
}
