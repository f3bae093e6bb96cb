namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// Slack mrkdwn (as the bot's Block Kit builders write it) turned into the markdown a Teams
/// TextBlock shows: <c>**bold**</c>, <c>_italic_</c>, <c>`code`</c> and <c>[label](https://…)</c>.
/// Mentions and broadcasts become plain words, so copied text never pings anyone; everything
/// else is literal text, escaped so that it cannot forge a link, formatting, a heading, a list
/// or an html tag. One pass, linear in the input, and the output is cut to a length budget.
/// </summary>
public static class TeamsMarkdown
{
    /// <summary>What marks the place where text was cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>The longest output of <see cref="FromMrkdwn(string, Func{string, string?})"/>.</summary>
    public const int DefaultMaxLength = 20_000;

    /// <summary>Converts Slack mrkdwn to Teams markdown, cut to <see cref="DefaultMaxLength"/>.</summary>
    /// <param name="mrkdwn">Slack mrkdwn, untrusted parts escaped (&amp;amp; &amp;lt; &amp;gt;).</param>
    /// <param name="displayNameOf">The display name of a Slack user id, or null when unknown.</param>
    /// <returns>Teams TextBlock markdown.</returns>
    public static string FromMrkdwn(string mrkdwn, Func<string, string?> displayNameOf) =>
        FromMrkdwn(mrkdwn, displayNameOf, DefaultMaxLength);

    /// <summary>
    /// Converts Slack mrkdwn to Teams markdown of at most <paramref name="maxLength"/> characters.
    /// </summary>
    /// <param name="mrkdwn">Slack mrkdwn, untrusted parts escaped (&amp;amp; &amp;lt; &amp;gt;).</param>
    /// <param name="displayNameOf">The display name of a Slack user id, or null when unknown.</param>
    /// <param name="maxLength">The longest output; a cut text ends with <see cref="Ellipsis"/>.</param>
    /// <returns>Teams TextBlock markdown.</returns>
    public static string FromMrkdwn(string mrkdwn, Func<string, string?> displayNameOf, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(displayNameOf);
        var writer = new MarkdownWriter(maxLength);
        new MrkdwnConverter(mrkdwn ?? "", displayNameOf, writer).Convert();
        return writer.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// A Slack plain_text value as Teams markdown: its entities decoded, and every character
    /// that markdown would read escaped.
    /// </summary>
    /// <param name="plainText">The plain text, escaped the way the bot's builders escape it.</param>
    /// <param name="maxLength">The longest output.</param>
    /// <returns>Markdown that shows exactly the text.</returns>
    public static string FromPlainText(string plainText, int maxLength = DefaultMaxLength)
    {
        var writer = new MarkdownWriter(maxLength);
        writer.Literal(MrkdwnConverter.Decode(plainText ?? ""));
        return writer.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The inside of a Slack code fence as Teams markdown for a monospace TextBlock: each line
    /// kept on its own line (Teams needs an empty line between them), leading spaces kept as
    /// no-break spaces, and every markdown character escaped.
    /// </summary>
    /// <param name="code">The code, escaped the way Slack mrkdwn escapes it.</param>
    /// <param name="maxLength">The longest output.</param>
    /// <returns>Markdown that shows the code line by line.</returns>
    public static string FromCode(string code, int maxLength = DefaultMaxLength)
    {
        var writer = new MarkdownWriter(maxLength);
        writer.Literal(CodeLines(MrkdwnConverter.Decode(code ?? "")));
        return writer.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Fenced code as it should be copied: entities decoded, line ends normalised, the fence's
    /// own first and last line breaks dropped, and cut with an ellipsis line when too long.
    /// </summary>
    /// <param name="code">The code, escaped the way Slack mrkdwn escapes it.</param>
    /// <param name="maxLength">The longest output.</param>
    /// <returns>The code itself, not escaped.</returns>
    public static string CodeSnippet(string code, int maxLength = DefaultMaxLength)
    {
        var text = MrkdwnConverter.Decode(code ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        text = (text.StartsWith('\n') ? text[1..] : text).TrimEnd('\n');
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = Math.Max(0, maxLength - Ellipsis.Length - 1);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd('\n') + "\n" + Ellipsis;
    }

    /// <summary>
    /// Slack plain text with its entities decoded, for places that show text as is (button
    /// titles, choice labels): no markdown there, so nothing is escaped, only cut.
    /// </summary>
    /// <param name="plainText">The plain text, escaped the way the bot's builders escape it.</param>
    /// <param name="maxLength">The longest output.</param>
    /// <returns>The text to show.</returns>
    public static string PlainTitle(string plainText, int maxLength)
    {
        var text = string.Join(' ', MrkdwnConverter.Decode(plainText ?? "")
            .Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = Math.Max(0, maxLength - Ellipsis.Length);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + Ellipsis;
    }

    /// <summary>The link target to write for <paramref name="url"/>, or null unless it is http(s).</summary>
    internal static string? SafeLinkTarget(string url)
    {
        if (url.Length > 2000
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        // Parentheses would end the markdown link target early.
        return uri.AbsoluteUri
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal);
    }

    // A code fence's text as lines: the fence's own line breaks dropped, and empty lines given
    // a space so the blank line shows.
    internal static string CodeLines(string code)
    {
        var text = code.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.StartsWith('\n'))
        {
            text = text[1..];
        }

        text = text.TrimEnd('\n');
        return text.Replace("\n\n", "\n \n", StringComparison.Ordinal)
            .Replace("\n\n", "\n \n", StringComparison.Ordinal);
    }
}
