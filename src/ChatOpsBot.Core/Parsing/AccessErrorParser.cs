using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Negatives;
using ChatOpsBot.Core.Parsing.Resolution;
using ChatOpsBot.Core.Parsing.Rules;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing;

/// <summary>
/// Reads Kubernetes access errors out of pasted text: kubectl output, controller logs (klog,
/// logrus, zap), JSON Status bodies, Helm, Argo CD and Flux messages, in any wording since
/// Kubernetes 1.6, also when a chat tool or terminal mangled them (escaped or typographic
/// quotes, autolinks, box borders, hard wraps). Look-alikes that are not authorization
/// decisions (admission denials, cloud IAM, warnings) are told apart.
/// </summary>
public static class AccessErrorParser
{
    /// <summary>The largest paste accepted, in characters (64 MiB of text).</summary>
    public const int MaxInputLength = 64 * 1024 * 1024;

    private static readonly IAttemptRule[] Rules =
    [
        new AuthorizerSentenceRule(), new EscalationRule(), new AdmissionDenialRule(),
        new AdmissionWebhookRule(), new UnauthorizedRule(), new GkeIamRule(), new KeyValueForbiddenRule(),
        new LegacyOpenShiftRule(), new UrlForbiddenRule(), new ForbiddenHeaderRule(),
        new ClientSideDenialRule(), new UpgradeForbiddenRule(), new CredentialPluginRule(),
        new CloudIamDenialRule(), new NonDenialNoticeRule(), new ToolRbacDenialRule(),
    ];

    /// <summary>
    /// Every access error found in <paramref name="text"/>, in order of appearance, with
    /// identical consecutive repeats merged. Never empty: text holding no access error gives
    /// one attempt of kind <see cref="AttemptKind.NotAnAccessError"/>, carrying what the text
    /// states when it is a known look-alike (a cloud IAM denial's principal and action, say).
    /// </summary>
    /// <param name="text">The pasted text; any content, empty included.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// When the text is longer than <see cref="MaxInputLength"/>.
    /// </exception>
    public static IReadOnlyList<AccessAttempt> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxInputLength)
        {
            throw new ArgumentException(
                $"The text is {text.Length} characters long; at most {MaxInputLength} are read.",
                nameof(text));
        }

        var paste = new PasteText(PasteNormalizer.Normalize(text));
        var candidates = Rules.SelectMany(rule => rule.Find(paste)).ToList();
        var enricher = new AttemptEnricher(paste);

        // Look-alikes only speak when there is nothing else, so they never hide a real denial.
        var denials = candidates.Where(c => c.Attempt.Kind != AttemptKind.NotAnAccessError).ToList();
        var accessErrors = AttemptMerger.Merge(CandidateResolver.Resolve(denials).Select(enricher.Enrich));
        if (accessErrors.Count > 0)
        {
            return accessErrors;
        }

        var lookAlike = CandidateResolver.Resolve(candidates).FirstOrDefault();
        return [lookAlike is null ? AccessAttempt.None : enricher.Enrich(lookAlike)];
    }
}
