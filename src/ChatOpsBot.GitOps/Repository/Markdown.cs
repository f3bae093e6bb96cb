using System.Text;

namespace ChatOpsBot.GitOps.Repository;

/// <summary>
/// Writes untrusted text into GitHub Markdown so that it shows as typed: no formatting, no
/// HTML, no @mentions or #references, no way out of a code span or block.
/// </summary>
internal static class Markdown
{
    private const string Specials = "\\`*_{}[]()<>#+-.!|~=";

    /// <summary>The text on one line, every Markdown special escaped and mentions defused.</summary>
    public static string Text(string? value, int maxLength = 500)
    {
        var builder = new StringBuilder();
        foreach (var c in OneLine(value, maxLength))
        {
            if (c == '@')
            {
                // A zero-width joiner after "@" keeps the text readable but stops the mention.
                builder.Append("@\u200D");
            }
            else if (Specials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The text as an inline code span on one line.</summary>
    public static string Code(string? value, int maxLength = 500)
    {
        var text = OneLine(value, maxLength);
        var fence = new string('`', LongestRun(text, '`') + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{text}{pad}{fence}";
    }

    /// <summary>A fenced code block that the text cannot close early.</summary>
    public static string Block(string value, string language)
    {
        var fence = new string('`', Math.Max(3, LongestRun(value, '`') + 1));
        var body = value.EndsWith('\n') ? value : value + "\n";
        return $"{fence}{language}\n{body}{fence}\n";
    }

    private static string OneLine(string? value, int maxLength)
    {
        var text = new string((value ?? "").Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray()).Trim();
        return text.Length > maxLength ? text[..maxLength] + "…" : text;
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
