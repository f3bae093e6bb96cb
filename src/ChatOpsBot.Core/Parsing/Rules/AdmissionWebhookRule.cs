using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// A policy denial printed without the "x is forbidden:" head: <c>admission webhook "v.gatekeeper.sh"
/// denied the request: …</c> or <c>ValidatingAdmissionPolicy 'p' with binding 'b' denied request: …</c>.
/// When the head is there, <see cref="AdmissionDenialRule"/> reads the whole message instead.
/// </summary>
internal sealed class AdmissionWebhookRule : IAttemptRule
{
    // A webhook's message may quote a multi-line template before the denial it wraps.
    private const int WrapLines = 3;

    private static readonly Regex Anchor = Patterns.Linear(
        @"(admission webhook ""[^""\n]+"" denied the request"
        + @"|ValidatingAdmissionPolicy '[^'\n]+'( with binding '[^'\n]+')? denied request)\s{0,8}:?");

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in text.MatchesWith(Anchor, "denied"))
        {
            var (detail, end) = ReasonReader.Read(text.Value, match.Index + match.Length);
            var reason = detail ?? match.Value.TrimEnd(':', ' ');
            var wrapped = Math.Min(
                match.Index + PasteText.MaxWindow, text.LinesAfter(match.Index, WrapLines));
            if (AdmissionText.WrapsAuthorizerDenial(text.Slice(match.Index, wrapped)))
            {
                continue;
            }

            var denial = new AccessAttempt { Kind = AttemptKind.AdmissionDenial, Reason = reason };
            var attempt = AdmissionText.Enrich(denial, reason);
            attempt = attempt with
            {
                Verb = VerbCues.Before(text, match.Index) ?? (attempt.Resource is null ? null : "create"),
            };
            yield return new Candidate(match.Index, Math.Max(end, match.Index + match.Length), attempt);
        }
    }
}
