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
        YamlQuoting.AppendEscaped(builder, shown);

        if (value.Length > MaxShown)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
