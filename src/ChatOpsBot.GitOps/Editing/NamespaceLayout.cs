namespace ChatOpsBot.GitOps.Editing;

/// <summary>
/// A repository that keeps one file per namespace (<c>namespaces/goodbye/rbac.yaml</c>,
/// <c>rbac/goodbye.yaml</c>), learned from where its namespaced objects live.
/// </summary>
internal sealed class NamespaceLayout
{
    private const string Slot = "\u0001";

    private NamespaceLayout(string template, IReadOnlyList<(RepositoryFile File, string Namespace)> examples)
    {
        Template = template;
        Examples = examples;
    }

    /// <summary>The path with the namespace replaced by a placeholder.</summary>
    public string Template { get; }

    /// <summary>The files that follow the template, with their namespace.</summary>
    public IReadOnlyList<(RepositoryFile File, string Namespace)> Examples { get; }

    /// <summary>"namespaces/{namespace}/rbac.yaml".</summary>
    public string Display => Template.Replace(Slot, "{namespace}", StringComparison.Ordinal);

    /// <summary>The file for a namespace.</summary>
    public string PathFor(string @namespace) => Template.Replace(Slot, @namespace, StringComparison.Ordinal);

    /// <summary>
    /// The layout, when files that each hold one namespace's objects and are named after it
    /// outnumber the namespaces kept together in shared files; null otherwise.
    /// </summary>
    public static NamespaceLayout? Detect(IEnumerable<RepositoryFile> files)
    {
        var perNamespace = new List<(string Template, RepositoryFile File, string Namespace)>();
        var shared = 0;
        foreach (var file in files.Where(file => file.Error is null))
        {
            var namespaces = file.Objects.Select(document => document.Namespace).OfType<string>().Distinct().ToList();
            if (namespaces.Count > 1)
            {
                shared += namespaces.Count;
            }
            else if (namespaces.Count == 1 && TemplateOf(file.Path, namespaces[0]) is { } template)
            {
                perNamespace.Add((template, file, namespaces[0]));
            }
        }

        var best = perNamespace
            .GroupBy(entry => entry.Template, StringComparer.Ordinal)
            .Select(group => (Template: group.Key, Examples: group.Select(entry => (entry.File, entry.Namespace)).ToList()))
            .OrderByDescending(group => group.Examples.Select(example => example.Namespace).Distinct().Count())
            .ThenBy(group => group.Template, StringComparer.Ordinal)
            .FirstOrDefault();
        var support = best.Examples?.Select(example => example.Namespace).Distinct().Count() ?? 0;
        var applies = support >= 2 ? support > shared : support == 1 && shared == 0;
        return applies ? new NamespaceLayout(best.Template, best.Examples!) : null;
    }

    // The path with the namespace as a whole folder name or as a word of the file name replaced.
    private static string? TemplateOf(string path, string @namespace)
    {
        var segments = path.Split('/');
        var replaced = false;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i] == @namespace)
            {
                segments[i] = Slot;
                replaced = true;
            }
        }

        var file = segments[^1];
        var dot = file.LastIndexOf('.');
        var stem = dot > 0 ? file[..dot] : file;
        var words = stem.Split('-', '_', '.');
        if (words.Contains(@namespace) && stem.Contains(@namespace, StringComparison.Ordinal))
        {
            segments[^1] = ReplaceWord(stem, @namespace) + (dot > 0 ? file[dot..] : "");
            replaced = true;
        }

        return replaced ? string.Join('/', segments) : null;
    }

    private static string ReplaceWord(string stem, string word)
    {
        for (var at = stem.IndexOf(word, StringComparison.Ordinal); at >= 0; at = stem.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || stem[at - 1] is '-' or '_' or '.') && (end == stem.Length || stem[end] is '-' or '_' or '.'))
            {
                return stem[..at] + Slot + stem[end..];
            }
        }

        return stem;
    }
}
