using System.Text;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Core.Fixes;

/// <summary>
/// Writes one YAML scalar safely: plain when it cannot be misread, otherwise double-quoted
/// with every special character escaped, so no value (a name from a cluster, a pasted user
/// name) can end the scalar, start a new key, or change its type.
/// </summary>
public static partial class YamlScalar
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>The value as a YAML scalar.</summary>
    public static string Write(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsSafePlain(value) ? value : Quote(value);
    }

    /// <summary>The value double-quoted, with JSON-compatible escapes (valid YAML too).</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            switch (character)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(character) || char.IsSurrogate(character) || character is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool IsSafePlain(string value) =>
        value.Length > 0
        && SafePlain().IsMatch(value)
        && !Reserved.Contains(value)
        && !LooksNumeric().IsMatch(value);

    // Letters, digits, dots, dashes and underscores, starting with a letter or digit: never
    // special in YAML. Everything else (colons included) is quoted.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlain();

    [GeneratedRegex(@"^[-+]?(\.?[0-9][0-9_.eE+-]*|0[xXoObB][0-9a-fA-F_]+|\.inf|\.nan)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LooksNumeric();
}
