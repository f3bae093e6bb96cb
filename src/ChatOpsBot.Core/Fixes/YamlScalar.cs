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

    /// <summary>The value double-quoted, every character YAML cannot show raw escaped.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Identity.YamlQuoting.DoubleQuoted(value);
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

    [GeneratedRegex(
        @"^[-+]?(\.?[0-9][0-9_.eE+-]*|0[xXoObB][0-9a-fA-F_]+|\.inf|\.nan)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LooksNumeric();
}
