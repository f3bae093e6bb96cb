using System.Text;

namespace ChatOpsBot.GitOps.Editing;

/// <summary>
/// Adds an entry to a kustomization's <c>resources:</c> list the way a person would (same
/// indentation, quoting and <c>./</c> prefix as the entries already there, in order when the
/// list is sorted), leaving every other byte of the file as it was.
/// </summary>
public static class KustomizationEditor
{
    /// <summary>The entries of the <c>resources:</c> list as written (quotes removed), in order.</summary>
    public static IReadOnlyList<string> Resources(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return YamlTree.ReadFirst(text) is YamlTreeMapping map && map["resources"] is YamlTreeSequence list
                ? list.Items.OfType<YamlTreeScalar>().Select(item => item.Value).ToList()
                : [];
        }
        catch (FormatException)
        {
            return [];
        }
    }

    /// <summary>True when the list already names the entry (<c>./x</c>, <c>x</c> and <c>x/</c> are the same).</summary>
    public static bool Lists(string text, string entry) =>
        Resources(text).Any(existing => Same(existing, entry));

    /// <summary>The text with the entry added to <c>resources:</c>; the text unchanged when it is listed.</summary>
    /// <exception cref="FormatException">The file is not valid YAML, or lays its list out in a way not edited here.</exception>
    public static string AddResource(string text, string entry) => AddResource(text, entry, out _);

    /// <summary>As <see cref="AddResource(string, string)"/>, also giving the text inserted.</summary>
    internal static string AddResource(string text, string entry, out string inserted)
    {
        inserted = "";
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        if (YamlTree.ReadFirst(text) is not (null or YamlTreeMapping or YamlTreeScalar { Value.Length: 0 }))
        {
            throw new FormatException("The kustomization is not a mapping.");
        }

        if (Lists(text, entry))
        {
            return text;
        }

        var lines = TextLines.Split(text);
        var lineBreak = TextLines.DominantBreak(lines);
        var keyLine = lines.ToList().FindIndex(line => IsKey(line.Content, "resources"));
        if (keyLine < 0)
        {
            var end = TextLines.EndsWithBreak(text) ? "" : lineBreak;
            inserted = end + "resources:" + lineBreak + "- " + entry + lineBreak;
            return text + inserted;
        }

        var value = AfterKey(lines[keyLine].Content, "resources");
        if (value.StartsWith('['))
        {
            return AddToFlowList(text, lines[keyLine], value, entry, out inserted);
        }

        if (value.Length > 0 && !value.StartsWith('#'))
        {
            throw new FormatException("The kustomization's resources are not a list this editor can extend.");
        }

        return AddToBlockList(text, lines, keyLine, entry, lineBreak, out inserted);
    }

    /// <summary>
    /// A kustomization for a new folder modelled on a sibling folder's: the same apiVersion and
    /// kind lines, the namespace when the sibling sets its own, and one resource.
    /// </summary>
    public static string CreateLike(string model, string? modelNamespace, string? @namespace, string resource)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(resource);
        var lines = TextLines.Split(model);
        var lineBreak = TextLines.DominantBreak(lines);
        var text = new StringBuilder();
        foreach (var key in new[] { "apiVersion", "kind" })
        {
            if (lines.FirstOrDefault(line => IsKey(line.Content, key)) is { Content: { } content })
            {
                text.Append(content).Append(lineBreak);
            }
        }

        var modelSetsNamespace = lines.Any(line => IsKey(line.Content, "namespace")
            && Unquote(StripComment(AfterKey(line.Content, "namespace"))) == modelNamespace);
        if (modelSetsNamespace && @namespace is not null)
        {
            text.Append("namespace: ").Append(@namespace).Append(lineBreak);
        }

        var indent = ItemIndent(lines, lines.ToList().FindIndex(line => IsKey(line.Content, "resources")));
        return text.Append("resources:").Append(lineBreak).Append(indent).Append("- ").Append(resource)
            .Append(lineBreak).ToString();
    }

    /// <summary>The <c>namespace:</c> a kustomization sets, or null.</summary>
    public static string? NamespaceOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return YamlTree.ReadFirst(text) is YamlTreeMapping map ? map.Text("namespace") : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string AddToBlockList(
        string text, IReadOnlyList<TextLine> lines, int keyLine, string entry, string lineBreak, out string inserted)
    {
        var items = new List<(int Line, string Indent, string Value)>();
        for (var i = keyLine + 1; i < lines.Count; i++)
        {
            var content = lines[i].Content;
            if (lines[i].IsBlank || lines[i].IsComment)
            {
                continue;
            }

            var trimmed = content.TrimStart(' ');
            if (!trimmed.StartsWith("- ", StringComparison.Ordinal) && trimmed != "-")
            {
                break;
            }

            items.Add((i, content[..(content.Length - trimmed.Length)], StripComment(trimmed[1..].Trim())));
        }

        var written = Written(entry, items.Select(item => item.Value).ToList());
        var indent = items.Count > 0 ? items[^1].Indent : "";
        var values = items.Select(item => Unquote(item.Value)).ToList();
        var after = items.Count == 0 ? keyLine : items[^1].Line;
        if (IsSorted(values))
        {
            var next = items.FindIndex(item => string.CompareOrdinal(Key(Unquote(item.Value)), Key(entry)) > 0);
            after = next < 0 ? after : (next == 0 ? keyLine : items[next - 1].Line);
            indent = next < 0 ? indent : items[next].Indent;
        }

        var insertAt = lines[after].Start + lines[after].Content.Length + lines[after].Break.Length;
        var prefix = lines[after].Break.Length == 0 ? lineBreak : "";
        inserted = prefix + indent + "- " + written + lineBreak;
        return text[..insertAt] + inserted + text[insertAt..];
    }

    private static string AddToFlowList(string text, TextLine line, string value, string entry, out string inserted)
    {
        var close = value.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            throw new FormatException("The kustomization's resources list spans several lines; add the file by hand.");
        }

        var inner = value[1..close];
        var existing = inner.Split(',').Select(item => item.Trim()).Where(item => item.Length > 0).ToList();
        var written = Written(entry, existing);
        inserted = existing.Count == 0 ? written : ", " + written;
        var position = line.Start + line.Content.Length - value.Length + close;

        // "[a, b ]": the new entry goes right after the last one, before any padding.
        while (existing.Count > 0 && position > 0 && text[position - 1] == ' ')
        {
            position--;
        }

        return text[..position] + inserted + text[position..];
    }

    // The entry written like the others: same quotes, same "./" habit, same trailing "/" for folders.
    private static string Written(string entry, List<string> existing)
    {
        var sample = existing.Count > 0 ? existing[^1] : "";
        var unquoted = existing.Select(Unquote).ToList();
        var dotSlash = unquoted.Count > 0 && unquoted.Count(item => item.StartsWith("./", StringComparison.Ordinal)) * 2 > unquoted.Count;
        var slash = !entry.Contains('.', StringComparison.Ordinal) && unquoted.Count(item => item.EndsWith('/')) * 2 > unquoted.Count;
        var value = (dotSlash ? "./" : "") + entry + (slash ? "/" : "");
        return sample.StartsWith('"') ? $"\"{value}\"" : sample.StartsWith('\'') ? $"'{value}'" : value;
    }

    private static bool IsSorted(List<string> values) =>
        values.Count >= 2 && values.Zip(values.Skip(1)).All(pair => string.CompareOrdinal(Key(pair.First), Key(pair.Second)) <= 0);

    private static bool Same(string a, string b) => Key(a) == Key(b);

    private static string Key(string value) => RepositoryPaths.Normalise(Unquote(value)).TrimEnd('/');

    private static string ItemIndent(IReadOnlyList<TextLine> lines, int keyLine)
    {
        if (keyLine < 0 || keyLine + 1 >= lines.Count)
        {
            return "";
        }

        var next = lines.Skip(keyLine + 1).FirstOrDefault(line => !line.IsBlank && !line.IsComment).Content ?? "";
        var trimmed = next.TrimStart(' ');
        return trimmed.StartsWith('-') ? next[..(next.Length - trimmed.Length)] : "";
    }

    private static bool IsKey(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal) && line.Length > key.Length && line[key.Length] == ':'
        && (line.Length == key.Length + 1 || line[key.Length + 1] is ' ' or '\t');

    private static string AfterKey(string line, string key) => line[(key.Length + 1)..].Trim();

    private static string StripComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return (hash < 0 ? value : value[..hash]).Trim();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
