using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Kubernetes.Snapshot;

/// <summary>
/// Reads multi-document YAML (JSON is YAML too) into JSON trees, keeping YAML's scalar
/// typing: plain <c>true</c> and <c>42</c> become a bool and a number, quoted ones stay
/// strings. A node budget stops alias bombs ("billion laughs") from exhausting memory.
/// </summary>
internal sealed class YamlDocumentReader
{
    private readonly int _maxNodes;
    private readonly int _maxNesting;
    private int _nodes;

    /// <summary>
    /// Creates a reader that gives up after <paramref name="maxNodes"/> nodes in all, or at a
    /// flow nesting deeper than <paramref name="maxNesting"/>.
    /// </summary>
    public YamlDocumentReader(int maxNodes, int maxNesting = 256)
    {
        _maxNodes = maxNodes;
        _maxNesting = maxNesting;
    }

    /// <summary>Every non-empty document of the text, as JSON.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    /// <exception cref="InvalidDataException">
    /// The documents are larger than the node budget.
    /// </exception>
    public IEnumerable<JsonNode> ReadDocuments(string text)
    {
        // The YAML parser and the conversion both recurse; refuse a nesting that would
        // overflow the stack before either starts.
        if (FlowNesting(text) > _maxNesting)
        {
            throw new InvalidDataException($"the YAML nests deeper than {_maxNesting} levels");
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        foreach (var document in stream.Documents)
        {
            var node = Convert(document.RootNode);
            if (node is not null)
            {
                yield return node;
            }
        }
    }

    // An upper bound of the flow nesting: brackets inside quoted scalars count too, which
    // only errs towards refusing absurd input. Block nesting is bounded by indentation width.
    private static int FlowNesting(string text)
    {
        int depth = 0, deepest = 0;
        foreach (var character in text)
        {
            if (character is '[' or '{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (character is ']' or '}' && depth > 0)
            {
                depth--;
            }
        }

        return deepest;
    }

    private JsonNode? Convert(YamlNode node)
    {
        if (++_nodes > _maxNodes)
        {
            throw new InvalidDataException($"the YAML holds more than {_maxNodes} nodes");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var json = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode scalarKey
                        ? scalarKey.Value ?? ""
                        : key.ToString();
                    json[name] = Convert(value);
                }

                return json;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                return null;
        }
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        // The YAML 1.2 core schema, which is what Kubernetes' YAML decoder follows.
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(
            value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (value.Any(char.IsDigit)
            && double.TryParse(
                value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(value);
    }
}
