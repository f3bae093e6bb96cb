using System.Text;

namespace ChatOpsBot.Slack.Blocks;

/// <summary>
/// Makes untrusted text (from users or the cluster) safe for Slack. Only <c>&amp;</c>,
/// <c>&lt;</c> and <c>&gt;</c> carry meaning to Slack (mentions, <c>&lt;!channel&gt;</c>, links),
/// so escaping those three means pasted text can neither ping anyone nor disguise a link.
/// </summary>
public static class Mrkdwn
{
    /// <summary>What is appended where text was cut.</summary>
    public const string Ellipsis = "…";

    private const char ZeroWidthSpace = '\u200B';

    /// <summary>Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Pastes can be long and most hold none of the three: no copy then, and no string per
        // character otherwise.
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Escaped text on one line, cut to at most <paramref name="maxLength"/> characters.
    /// Suits plain_text fields (headers, option labels) and running text.
    /// </summary>
    public static string Line(string? text, int maxLength) =>
        Truncate(Escape(OneLine(text)), maxLength);

    /// <summary>
    /// Inline code for untrusted text: escaped, on one line, with backticks replaced so the
    /// value cannot close the code span, and cut to <paramref name="maxLength"/> characters
    /// of content.
    /// </summary>
    public static string Code(string? text, int maxLength = 200)
    {
        var safe = OneLine(text).Replace('`', '\'');
        return "`" + Truncate(Escape(safe), maxLength) + "`";
    }

    /// <summary>
    /// A fenced code block of at most <paramref name="maxLength"/> characters in all, fences
    /// included. Whole lines are kept while they fit; <paramref name="omittedLines"/> says how
    /// many did not (0 when everything fits).
    /// </summary>
    public static string CodeBlock(string? text, int maxLength, out int omittedLines)
    {
        const string Open = "```\n";
        const string Close = "\n```";
        var budget = maxLength - Open.Length - Close.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 16, nameof(maxLength));

        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var body = new StringBuilder();
        var kept = 0;
        foreach (var line in lines)
        {
            var safe = BreakBacktickRuns(Escape(line));
            var needed = safe.Length + (kept > 0 ? 1 : 0);
            if (body.Length + needed > budget)
            {
                if (kept == 0)
                {
                    // A single huge line: show its start rather than nothing.
                    body.Append(Truncate(safe, budget));
                    kept = 1;
                }

                break;
            }

            if (kept > 0)
            {
                body.Append('\n');
            }

            body.Append(safe);
            kept++;
        }

        omittedLines = lines.Length - kept;
        return Open + body + Close;
    }

    /// <summary>
    /// Cuts already escaped text to <paramref name="maxLength"/> characters, ending with an
    /// ellipsis, without splitting an entity such as <c>&amp;amp;</c> or a surrogate pair.
    /// </summary>
    public static string Truncate(string escaped, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (escaped.Length <= maxLength)
        {
            return escaped;
        }

        var cut = maxLength - Ellipsis.Length;
        if (cut <= 0)
        {
            return Ellipsis[..maxLength];
        }

        // An entity is at most 5 characters (&amp;): back off if the cut falls inside one.
        var amp = escaped.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && escaped.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(escaped[cut - 1]))
        {
            cut--;
        }

        return escaped[..cut] + Ellipsis;
    }

    private static string OneLine(string? text) =>
        string.IsNullOrEmpty(text)
            ? ""
            : string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    // Three backticks inside a code block would end it early; a zero-width space between
    // neighbouring backticks keeps the look and removes the meaning.
    private static string BreakBacktickRuns(string text)
    {
        if (!text.Contains("``", StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '`' && i > 0 && text[i - 1] == '`')
            {
                builder.Append(ZeroWidthSpace);
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
