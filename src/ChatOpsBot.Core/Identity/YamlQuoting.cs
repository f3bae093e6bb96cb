using System.Globalization;
using System.Text;

namespace ChatOpsBot.Core.Identity;

/// <summary>Writes any text as a YAML double-quoted scalar that stays on one line.</summary>
internal static class YamlQuoting
{
    /// <summary>
    /// The text in double quotes, with backslash, quote and every character YAML cannot show
    /// raw (control characters, line and paragraph separators, BOM, lone surrogates) escaped.
    /// </summary>
    internal static string DoubleQuoted(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        AppendEscaped(builder, text);
        return builder.Append('"').ToString();
    }

    /// <summary>Appends the text with the escapes of <see cref="DoubleQuoted"/>, without quotes.</summary>
    internal static void AppendEscaped(StringBuilder builder, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (NeedsEscape(c))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF';
}
