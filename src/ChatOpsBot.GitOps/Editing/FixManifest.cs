using ChatOpsBot.Core.Diagnosis;

namespace ChatOpsBot.GitOps.Editing;

/// <summary>One object of a fix: its YAML (with its own comments) and what it is.</summary>
/// <param name="Yaml">The document's lines, <c>\n</c>-separated, without separator or final break.</param>
/// <param name="Resource">The object it holds.</param>
public sealed record FixDocument(string Yaml, RbacDocument Resource);

/// <summary>
/// The manifest of a <see cref="ProposedFix"/>, split into its documents and checked: every
/// document one Kubernetes object, one of them the object the fix names.
/// </summary>
public sealed class FixManifest
{
    /// <summary>Largest manifest accepted; a fix is a few objects.</summary>
    public const int MaxLength = 64 * 1024;

    private FixManifest(IReadOnlyList<FixDocument> documents, FixDocument key)
    {
        Documents = documents;
        Key = key;
    }

    /// <summary>The documents, in the order they are to be added.</summary>
    public IReadOnlyList<FixDocument> Documents { get; }

    /// <summary>The document the fix names (kind, namespace, name).</summary>
    public FixDocument Key { get; }

    /// <summary>Reads and checks a fix's manifest.</summary>
    /// <exception cref="FormatException">The manifest is not what the fix says, with a one-line reason.</exception>
    public static FixManifest Parse(ProposedFix fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        if (fix.Yaml.Length > MaxLength)
        {
            throw new FormatException($"The fix's manifest is longer than {MaxLength} characters.");
        }

        var documents = Split(fix.Yaml).Select(Read).ToList();
        if (documents.Count == 0)
        {
            throw new FormatException("The fix's manifest holds no Kubernetes object.");
        }

        var key = documents.FirstOrDefault(document =>
            document.Resource.Kind == fix.Kind && document.Resource.Name == fix.Name
            && document.Resource.Namespace == fix.Namespace);
        return key is null
            ? throw new FormatException(
                $"The fix names {fix.Kind} {fix.Name} but its manifest does not hold that object.")
            : new FixManifest(documents, key);
    }

    // Documents at "---" lines; comment lines before a document belong to it.
    private static IEnumerable<string> Split(string yaml)
    {
        var current = new List<string>();
        foreach (var line in TextLines.Split(yaml))
        {
            if (line.IsDocumentStart || line.IsDocumentEnd)
            {
                if (current.Any(text => IsContent(text)))
                {
                    yield return Trim(current);
                    current.Clear();
                }

                continue;
            }

            current.Add(line.Content);
        }

        if (current.Any(text => IsContent(text)))
        {
            yield return Trim(current);
        }
    }

    private static bool IsContent(string line) => new TextLine(0, line, "").IsContent;

    private static string Trim(List<string> lines)
    {
        var first = lines.FindIndex(line => !new TextLine(0, line, "").IsBlank);
        var last = lines.FindLastIndex(line => !new TextLine(0, line, "").IsBlank);
        return string.Join('\n', lines.Skip(first).Take(last - first + 1));
    }

    private static FixDocument Read(string yaml)
    {
        var roots = YamlTree.ReadAll(yaml);
        if (roots.Count != 1 || RbacDocumentReader.ToDocument(roots[0]) is not { } document)
        {
            throw new FormatException("A document of the fix's manifest is not one Kubernetes object.");
        }

        return new FixDocument(yaml, document);
    }
}
