using System.Text.RegularExpressions;
using ChatOpsBot.Core.Parsing.Context;
using ChatOpsBot.Core.Parsing.Grammar;
using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// A 403 header whose message was cut off: <c>Error from server (Forbidden): error when
/// retrieving current configuration of: Resource: … Name: "web", Namespace: "team-a"</c>, or a
/// Python client's <c>(403) Reason: Forbidden</c>, .NET's "invalid status code 'Forbidden'".
/// Weak: any real message in the next lines replaces it. kubectl's "the server does not allow
/// access to the requested resource (get pods)", printed for a 403 without a Status body, is
/// the whole message and stands.
/// </summary>
internal sealed class ForbiddenHeaderRule : IAttemptRule
{
    private const int RegionLines = 12;

    private static readonly Regex Anchor = Patterns.Linear(
        @"Error from server \(Forbidden\)|\(403\)[ ]{0,4}\n?[ ]{0,8}Reason: Forbidden"
        + @"|invalid status code '?Forbidden'?"
        + @"|(?<generic>the server does not allow access to the requested resource)");

    // "Error from server (Forbidden): You may not request a new project via this API." keeps
    // the server's own words; a kubectl apply preamble ("error when …") is no explanation.
    private static string? HeaderMessage(PasteText text, Match match)
    {
        var after = Scan.SkipSpace(text.Value, match.Index + match.Length, lines: false);
        if (after >= text.Length || text.Value[after] != ':')
        {
            return null;
        }

        var (message, _) = ReasonReader.Read(text.Value, after + 1);
        return message is null || message.StartsWith("error when", StringComparison.Ordinal) ? null : message;
    }

    /// <inheritdoc />
    public IEnumerable<Candidate> Find(PasteText text)
    {
        foreach (Match match in Anchor.Matches(text.Value))
        {
            var regionEnd = text.LinesAfter(match.Index, RegionLines);
            var preambleEnd = Math.Min(match.Index + PasteText.MaxWindow, text.LinesAfter(match.Index, 4));
            var preamble = ApplyPreamble.Find(text.Slice(match.Index, preambleEnd));
            var attempt = new AccessAttempt
            {
                Kind = AttemptKind.Forbidden,
                Verb = VerbCues.Before(text, text.LineEnd(match.Index)),
                Resource = preamble?.Resource,
                ApiGroup = preamble?.Group,
                Name = preamble?.Name,
                Namespace = preamble?.Namespace,
                Reason = HeaderMessage(text, match) ?? "Forbidden; the server's message was not in the paste",
            };
            yield return new Candidate(match.Index, match.Index + match.Length, attempt)
            {
                // kubectl's generic 403 text is all the server said: it is the message, not a header.
                Weak = !match.Groups["generic"].Success,
                RegionStart = match.Index,
                RegionEnd = regionEnd,
            };
        }
    }
}
