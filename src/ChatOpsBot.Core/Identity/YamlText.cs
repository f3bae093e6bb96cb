using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Core.Identity;

/// <summary>Loading YAML text into nodes without letting a parser exception escape.</summary>
internal static class YamlText
{
    /// <summary>
    /// The root node of the first document (the Go reader also reads only the first), null
    /// for a document-less text; <paramref name="error"/> says why the text is not YAML.
    /// </summary>
    internal static YamlNode? LoadFirst(string text, out string? error)
    {
        error = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException exception)
        {
            error = $"line {exception.Start.Line}, column {exception.Start.Column}: "
                + FirstSentence(exception.Message);
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            error = FirstSentence(exception.Message);
            return null;
        }
    }

    /// <summary>The scalar's text, or null when the node is not a scalar.</summary>
    internal static string? ScalarText(YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>A child of a mapping by exact key, or null.</summary>
    internal static YamlNode? Child(YamlNode? node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var (childKey, value) in mapping.Children)
        {
            if (childKey is YamlScalarNode scalar
                && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
