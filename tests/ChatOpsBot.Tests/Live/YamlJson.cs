using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// Converts the YAML kubectl writes into the JSON the API server sends. Plain scalars are typed
/// as YAML 1.2's core schema types them (null, booleans, integers); quoted ones stay strings,
/// so a label value written <c>'true'</c> remains the string "true".
/// </summary>
internal static class YamlJson
{
    /// <summary>Every document of the text, in order (empty documents left out).</summary>
    public static IReadOnlyList<JsonNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(document => ToJson(document.RootNode)).OfType<JsonNode>()];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? "", ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"YAML node of type {node.NodeType} in an example cluster"),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.StartsWith('t') || text.StartsWith('T'));
        }

        var isInteger = long.TryParse(
            text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
        return isInteger
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }
}
