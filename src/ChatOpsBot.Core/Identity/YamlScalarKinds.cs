using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// How the Go YAML reader behind the authenticator (YAML 1.1 rules) types a scalar, so that the
/// same values are refused: an unquoted <c>yes</c> is a boolean there, not the text "yes".
/// </summary>
internal static partial class YamlScalarKinds
{
    /// <summary>What a scalar becomes after YAML 1.1 resolution.</summary>
    internal enum Kind
    {
        Text,
        Null,
        Boolean,
        Number,
    }

    /// <summary>The kind of a scalar node; quoted and block scalars are always text.</summary>
    internal static Kind Of(YamlScalarNode node)
    {
        if (node.Style != ScalarStyle.Plain)
        {
            return Kind.Text;
        }

        var tag = node.Tag.IsEmpty ? "" : node.Tag.Value;
        if (tag.EndsWith(":str", StringComparison.Ordinal))
        {
            return Kind.Text;
        }

        var value = node.Value ?? "";
        if (value.Length == 0 || value is "~" or "null" or "Null" or "NULL")
        {
            return Kind.Null;
        }

        if (IsBoolean(value))
        {
            return Kind.Boolean;
        }

        return value.Length <= 64 && NumberPattern().IsMatch(value) ? Kind.Number : Kind.Text;
    }

    /// <summary>A phrase for the kind, used in problem sentences ("a number").</summary>
    internal static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Of(scalar) switch
        {
            Kind.Boolean => "a boolean",
            Kind.Number => "a number",
            Kind.Null => "empty",
            _ => "text",
        },
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    private static bool IsBoolean(string value) => value is
        "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
        or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
        or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    // Numbers as the Go reader sees them: integers (0b, 0o, 0x, '_' separators), floats, .inf, .nan.
    [GeneratedRegex(
        @"\A[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
        + @"|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))\z|\A\.(?:nan|NaN|NAN)\z",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NumberPattern();
}
