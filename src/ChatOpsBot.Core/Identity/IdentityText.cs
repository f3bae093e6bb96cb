using System.Globalization;
using System.Text;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Puts outside text (usernames, ARNs, group names) into report sentences so that it cannot
/// break them: quoted, escaped, and cut when long.
/// </summary>
internal static class IdentityText
{
    private const int MaxShown = 200;

    /// <summary>The value in double quotes, escaped.</summary>
    internal static string Quote(string value) => "\"" + Escape(value) + "\"";

    /// <summary>
    /// Backslashes and quotes escaped, control and line-breaking characters written as
    /// escapes, and anything past 200 characters replaced by an ellipsis.
    /// </summary>
    internal static string Escape(string value)
    {
        var shown = value.Length > MaxShown ? value[..MaxShown] : value;
        var builder = new StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '"':
                    builder.Append("\\\"");
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
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        if (value.Length > MaxShown)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
