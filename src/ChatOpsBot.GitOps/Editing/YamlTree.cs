using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ChatOpsBot.GitOps.Editing;

/// <summary>A YAML node as far as the editor needs one: scalars, mappings and sequences.</summary>
internal abstract record YamlTreeNode;

/// <summary>A scalar, its value as written (no type resolution).</summary>
internal sealed record YamlTreeScalar(string Value) : YamlTreeNode;

/// <summary>A mapping; keys that are not scalars are dropped.</summary>
internal sealed record YamlTreeMapping(IReadOnlyList<KeyValuePair<string, YamlTreeNode>> Entries) : YamlTreeNode
{
    /// <summary>The value of the first entry with this key, or null.</summary>
    public YamlTreeNode? this[string key] =>
        Entries.FirstOrDefault(entry => entry.Key == key).Value;

    /// <summary>The scalar value under the key, or null when it is missing or not a scalar.</summary>
    public string? Text(string key) => this[key] is YamlTreeScalar scalar ? scalar.Value : null;
}

/// <summary>A sequence.</summary>
internal sealed record YamlTreeSequence(IReadOnlyList<YamlTreeNode> Items) : YamlTreeNode;

/// <summary>An alias, or anything else the editor does not follow.</summary>
internal sealed record YamlTreeOpaque : YamlTreeNode;

/// <summary>
/// Reads every document of a YAML stream into <see cref="YamlTreeNode"/> trees without
/// recursion, refusing nesting deeper than any manifest needs, so hostile files cannot
/// exhaust the stack or memory.
/// </summary>
internal static class YamlTree
{
    private const int MaxDepth = 64;
    private const int MaxEvents = 1_000_000;

    /// <summary>The first document's root, or null for a stream without documents.</summary>
    /// <exception cref="FormatException">The text is not valid YAML, or nests too deeply.</exception>
    public static YamlTreeNode? ReadFirst(string text)
    {
        var documents = ReadAll(text);
        return documents.Count > 0 ? documents[0] : null;
    }

    /// <summary>The documents' roots (an empty document gives an empty scalar).</summary>
    /// <exception cref="FormatException">The text is not valid YAML, or nests too deeply.</exception>
    public static IReadOnlyList<YamlTreeNode> ReadAll(string text)
    {
        var documents = new List<YamlTreeNode>();
        var stack = new Stack<Builder>();
        var events = 0;
        try
        {
            var parser = new Parser(new StringReader(text.TrimStart('\uFEFF')));
            while (parser.MoveNext())
            {
                if (++events > MaxEvents)
                {
                    throw new FormatException("The YAML is too large to read.");
                }

                var node = Step(parser.Current!, stack);
                if (node is not null && stack.Count == 0)
                {
                    documents.Add(node);
                }
                else if (node is not null)
                {
                    stack.Peek().Add(node);
                }
            }
        }
        catch (YamlException exception)
        {
            throw new FormatException(
                $"Not valid YAML at line {exception.Start.Line}: {OneLine(exception.Message)}", exception);
        }

        return documents;
    }

    private static YamlTreeNode? Step(ParsingEvent current, Stack<Builder> stack)
    {
        switch (current)
        {
            case Scalar scalar:
                return new YamlTreeScalar(scalar.Value);
            case AnchorAlias:
                return new YamlTreeOpaque();
            case MappingStart:
                Push(stack, new Builder(isMapping: true));
                return null;
            case SequenceStart:
                Push(stack, new Builder(isMapping: false));
                return null;
            case MappingEnd:
            case SequenceEnd:
                return stack.Pop().Build();
            case DocumentEnd when stack.Count == 0:
                return null;
            default:
                return null;
        }
    }

    private static void Push(Stack<Builder> stack, Builder builder)
    {
        if (stack.Count >= MaxDepth)
        {
            throw new FormatException($"The YAML nests deeper than {MaxDepth} levels.");
        }

        stack.Push(builder);
    }

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private sealed class Builder(bool isMapping)
    {
        private readonly List<YamlTreeNode> _items = [];

        public void Add(YamlTreeNode node) => _items.Add(node);

        public YamlTreeNode Build()
        {
            if (!isMapping)
            {
                return new YamlTreeSequence(_items);
            }

            var entries = new List<KeyValuePair<string, YamlTreeNode>>();
            for (var i = 0; i + 1 < _items.Count; i += 2)
            {
                if (_items[i] is YamlTreeScalar key)
                {
                    entries.Add(new(key.Value, _items[i + 1]));
                }
            }

            return new YamlTreeMapping(entries);
        }
    }
}
