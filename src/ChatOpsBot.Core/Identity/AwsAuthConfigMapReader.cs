using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Finds the <c>data</c> map of the <c>aws-auth</c> ConfigMap in pasted text: YAML or JSON
/// (one ConfigMap, a <c>List</c>, several documents, or just the <c>data</c> keys), or the
/// output of <c>kubectl describe configmap aws-auth</c>.
/// </summary>
internal static class AwsAuthConfigMapReader
{
    private const int MaxTextLength = 4 * 1024 * 1024;

    /// <summary>The data map, or null with one sentence in <paramref name="problem"/>.</summary>
    internal static Dictionary<string, string>? ReadData(string text, out string? problem)
    {
        problem = null;
        if (text.Length > MaxTextLength)
        {
            problem = "The aws-auth ConfigMap text is larger than 4 MiB, so it is not read.";
            return null;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var describeStart = FindDescribeData(lines);
        return describeStart >= 0 ? ReadDescribe(lines, describeStart) : ReadYaml(text, out problem);
    }

    private static Dictionary<string, string>? ReadYaml(string text, out string? problem)
    {
        problem = null;
        List<YamlNode> roots;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            roots = [.. stream.Documents.Select(document => document.RootNode)];
        }
        catch (YamlException exception)
        {
            problem = "The aws-auth ConfigMap is not valid YAML (line "
                + $"{exception.Start.Line}, column {exception.Start.Column}: "
                + $"{exception.Message.Split('\n', 2)[0].Trim()}); Kubernetes would refuse it, "
                + "so nothing is mapped from it.";
            return null;
        }

        var data = FindData(roots);
        if (data is null)
        {
            problem = "No ConfigMap data was found in the aws-auth text.";
            return null;
        }

        return ReadDataNode(data, out problem);
    }

    private static YamlNode? FindData(List<YamlNode> roots)
    {
        var configMaps = roots
            .SelectMany(root => YamlText.ScalarText(YamlText.Child(root, "kind")) == "List"
                && YamlText.Child(root, "items") is YamlSequenceNode items
                    ? items.Children
                    : (IEnumerable<YamlNode>)[root])
            .Where(node => node is YamlMappingNode)
            .ToList();

        var named = configMaps.FirstOrDefault(node =>
            YamlText.ScalarText(YamlText.Child(YamlText.Child(node, "metadata"), "name")) == "aws-auth"
            && YamlText.Child(node, "data") is not null);
        var withData = named ?? configMaps.FirstOrDefault(node => YamlText.Child(node, "data") is not null);
        if (withData is not null)
        {
            return YamlText.Child(withData, "data");
        }

        // Just the data keys, pasted without the object around them.
        return configMaps.FirstOrDefault(node => node is YamlMappingNode mapping
            && mapping.Children.Keys.Any(key =>
                YamlText.ScalarText(key)?.StartsWith("map", StringComparison.OrdinalIgnoreCase) == true));
    }

    private static Dictionary<string, string>? ReadDataNode(YamlNode data, out string? problem)
    {
        problem = null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data is YamlScalarNode empty && YamlScalarKinds.Of(empty) == YamlScalarKinds.Kind.Null)
        {
            return result;
        }

        if (data is not YamlMappingNode mapping)
        {
            problem = $"The aws-auth ConfigMap's data is {YamlScalarKinds.Describe(data)}, not a mapping; "
                + "Kubernetes would refuse it, so nothing is mapped from it.";
            return null;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = YamlText.ScalarText(keyNode) ?? "";
            var kind = value is YamlScalarNode scalar
                ? YamlScalarKinds.Of(scalar)
                : (YamlScalarKinds.Kind?)null;
            if (kind is YamlScalarKinds.Kind.Text or YamlScalarKinds.Kind.Null)
            {
                result[key] = kind == YamlScalarKinds.Kind.Null ? "" : ((YamlScalarNode)value).Value ?? "";
                continue;
            }

            var hint = value is YamlSequenceNode or YamlMappingNode
                ? $" (a block scalar is missing: write \"{key}: |\" and indent the entries under it)"
                : "";
            problem = $"The aws-auth ConfigMap's data.{IdentityText.Escape(key)} is "
                + $"{YamlScalarKinds.Describe(value)}, not text{hint}; Kubernetes would refuse "
                + "the ConfigMap, so nothing is mapped from it.";
            return null;
        }

        return result;
    }

    // "Data" over a line of '=' starts the data section of kubectl describe output.
    private static int FindDescribeData(string[] lines)
    {
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "Data" && IsRule(lines[i + 1], '='))
            {
                return i + 2;
            }
        }

        return -1;
    }

    // Each key is printed as "key:" over a line of '-', then its value, verbatim.
    private static Dictionary<string, string> ReadDescribe(string[] lines, int start)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        var value = new List<string>();
        for (var i = start; i < lines.Length; i++)
        {
            var next = i + 1 < lines.Length ? lines[i + 1] : "";
            var endsData = lines[i].TrimEnd() == "BinaryData" && IsRule(next, '=')
                || lines[i].StartsWith("Events:", StringComparison.Ordinal);
            var startsKey = IsRule(next, '-') && lines[i].EndsWith(':')
                && !lines[i].Contains(' ', StringComparison.Ordinal);
            if (endsData || startsKey)
            {
                Store(result, key, value);
                if (endsData)
                {
                    return result;
                }

                key = lines[i][..^1];
                value.Clear();
                i++;
                continue;
            }

            value.Add(lines[i]);
        }

        Store(result, key, value);
        return result;
    }

    private static void Store(Dictionary<string, string> result, string? key, List<string> value)
    {
        if (key is not null)
        {
            result[key] = string.Join('\n', value).TrimEnd() + "\n";
        }
    }

    private static bool IsRule(string line, char rule)
    {
        var trimmed = line.TrimEnd();
        return trimmed.Length >= 3 && trimmed.All(c => c == rule);
    }
}
