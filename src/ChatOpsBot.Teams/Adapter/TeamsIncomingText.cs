using System.Net;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>
/// Turns the text of a Teams message (mentions already removed) into what the person typed or
/// pasted. Teams may send paragraphs and line breaks as HTML tags and characters as HTML
/// entities; only those formatting tags are removed, so a pasted <c>&lt;none&gt;</c> survives.
/// </summary>
public static partial class TeamsIncomingText
{
    /// <summary>The plain text of <paramref name="text"/>.</summary>
    /// <param name="text">The message text as Teams sent it.</param>
    /// <returns>The text with formatting tags turned into line breaks and entities decoded.</returns>
    public static string ToPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var plain = text.Contains('<', StringComparison.Ordinal)
            ? FormattingTag().Replace(text, match => IsBreak(match.Value) ? "\n" : "")
            : text;
        return plain.Contains('&', StringComparison.Ordinal)
            ? WebUtility.HtmlDecode(plain).Replace('\u00a0', ' ')
            : plain;
    }

    private static bool IsBreak(string tag) =>
        tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith("</p", StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith("</div", StringComparison.OrdinalIgnoreCase);

    // Linear time on any input (no backtracking), since pastes may be megabytes.
    [GeneratedRegex(
        @"</?(?:p|br|div|span|pre|code|b|i|strong|em)(?:\s[^<>]{0,500})?\s*/?>",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex FormattingTag();
}
