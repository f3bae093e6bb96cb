using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Core.Parsing.Text;

/// <summary>
/// Turns a raw paste into plain text the grammar can read: one line ending, no control
/// characters, straight quotes, JSON and HTML escapes undone, chat-tool decorations
/// (markdown bold, autolinks, box borders) removed, and hard-wrapped words re-joined.
/// Every step is a single linear pass.
/// </summary>
internal static class PasteNormalizer
{
    // Slack writes links as <url|label>; the label is what the user pasted.
    private static readonly Regex SlackLink = Patterns.Linear(
        @"<(https?|mailto):[^|>\s]+\|(?<label>[^>\n]+)>");

    /// <summary>Normalises <paramref name="raw"/>; never throws on odd content.</summary>
    public static string Normalize(string raw)
    {
        var text = CleanCharacters(raw);
        text = Unescape(text);
        text = SlackLink.Replace(text, m => m.Groups["label"].Value);
        text = StripAutolinkSchemes(text);
        text = LineUnwrapper.Unwrap(text);
        return text;
    }

    // Line endings, control characters, typographic quotes, HTML entities and markdown bold.
    private static string CleanCharacters(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < raw.Length && raw[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    sb.Append('\n');
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\uFF02':
                    sb.Append('"');
                    break;
                case '\u2018' or '\u2019' or '\u201A' or '\u2032':
                    sb.Append('\'');
                    break;
                case '*' when IsBoldMarker(raw, i):
                    // Markdown bold markers land inside quoted names when people format pastes;
                    // longer runs of asterisks are masks ("***") and stay.
                    i++;
                    break;
                case '&':
                    i += AppendEntity(raw, i, sb);
                    break;
                default:
                    sb.Append(char.IsControl(c) || c == '\uFFFD' ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static bool IsBoldMarker(string raw, int i) =>
        i + 1 < raw.Length && raw[i + 1] == '*' && (i == 0 || raw[i - 1] != '*')
        && (i + 2 >= raw.Length || raw[i + 2] != '*');

    // Decodes the few HTML entities chat tools use; returns how many extra characters it consumed.
    private static int AppendEntity(string raw, int i, StringBuilder sb)
    {
        ReadOnlySpan<(string Entity, char Value)> entities =
        [
            ("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&'), ("&quot;", '"'), ("&#39;", '\''),
            ("&#34;", '"'),
        ];
        foreach (var (entity, value) in entities)
        {
            if (string.CompareOrdinal(raw, i, entity, 0, entity.Length) == 0)
            {
                sb.Append(value);
                return entity.Length - 1;
            }
        }

        sb.Append('&');
        return 0;
    }

    // Undoes JSON string escaping, however many times it was applied (\" and \\\" both give ").
    // One exception: the server quotes names like Go's %q, so a quote inside a user name is
    // itself escaped, one level deeper than the quotes around it. Those stay \" for the scanner.
    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var innerQuoteRun = InnerQuoteRun(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                sb.Append(text[i]);
                continue;
            }

            var run = i;
            while (run < text.Length && text[run] == '\\')
            {
                run++;
            }

            if (EscapedBackslashes(run - i, innerQuoteRun) is { } literal
                && run < text.Length && text[run] == '"')
            {
                sb.Append('\\', 2 * literal).Append("\\\"");
                i = run;
                continue;
            }

            var consumed = AppendEscape(text, run, sb);
            if (consumed < 0)
            {
                sb.Append(text, i, run - i);
                i = run - 1;
            }
            else
            {
                i = run + consumed - 1;
            }
        }

        return sb.ToString();
    }

    // How many literal backslashes precede an escaped quote inside the name, written in a run
    // of this length; null when the run is a plain (JSON) escape. Each literal backslash is one
    // level deeper too, so it takes innerQuoteRun + 1 backslashes.
    private static int? EscapedBackslashes(int run, int innerQuoteRun) =>
        innerQuoteRun > 0 && run >= innerQuoteRun && (run - innerQuoteRun) % (innerQuoteRun + 1) == 0
            ? (run - innerQuoteRun) / (innerQuoteRun + 1)
            : null;

    // The backslash run an escaped quote inside the quoted user name has: twice the run before
    // the quote that opens the name, plus one. -1 when the text names no user.
    private static int InnerQuoteRun(string text)
    {
        var user = text.IndexOf("User ", StringComparison.Ordinal);
        if (user < 0)
        {
            return -1;
        }

        var at = user + "User ".Length;
        var run = 0;
        while (at + run < text.Length && text[at + run] == '\\')
        {
            run++;
        }

        return at + run < text.Length && text[at + run] == '"' ? 2 * run + 1 : -1;
    }

    // Appends the character an escape stands for; returns its length after the backslashes, or -1.
    private static int AppendEscape(string text, int at, StringBuilder sb)
    {
        if (at >= text.Length)
        {
            return -1;
        }

        switch (text[at])
        {
            case '"' or '/' or '\'':
                sb.Append(text[at]);
                return 1;
            case 'n':
                sb.Append('\n');
                return 1;
            case 't':
                sb.Append(' ');
                return 1;
            case 'u' when at + 5 <= text.Length
                && int.TryParse(text.AsSpan(at + 1, 4), System.Globalization.NumberStyles.HexNumber,
                    System.Globalization.CultureInfo.InvariantCulture, out var code):
                var c = (char)code;
                sb.Append(char.IsControl(c) ? ' ' : c);
                return 5;
            default:
                return -1;
        }
    }

    // Chat tools autolink anything with a dot: "http://apps.deployments". A scheme followed by a
    // bare host-like word (no path, no port) was not in the original paste.
    private static string StripAutolinkSchemes(string text)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var schemeLength = SchemeLengthAt(text, i);
            if (schemeLength > 0 && IsBareHost(text, i + schemeLength))
            {
                i += schemeLength;
                continue;
            }

            sb.Append(text[i]);
            i++;
        }

        return sb.ToString();
    }

    private static int SchemeLengthAt(string text, int i)
    {
        if (text[i] is not ('h' or 'H'))
        {
            return 0;
        }

        if (string.Compare(text, i, "http://", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return 7;
        }

        return string.Compare(text, i, "https://", 0, 8, StringComparison.OrdinalIgnoreCase) == 0 ? 8 : 0;
    }

    private static bool IsBareHost(string text, int start)
    {
        var end = start;
        while (end < text.Length && end - start < 300 && (char.IsLetterOrDigit(text[end])
            || text[end] is '.' or '-' or '_'))
        {
            end++;
        }

        if (end == start || !text.AsSpan(start, end - start).Contains('.'))
        {
            return false;
        }

        return end >= text.Length || text[end] is not ('/' or ':' or '?' or '#' or '@');
    }
}
