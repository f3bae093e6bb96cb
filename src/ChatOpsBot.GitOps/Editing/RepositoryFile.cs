namespace ChatOpsBot.GitOps.Editing;

/// <summary>A YAML file of the RBAC repository, read once.</summary>
internal sealed class RepositoryFile
{
    /// <summary>Largest file the editor reads or edits.</summary>
    public const int MaxLength = 1024 * 1024;

    private RepositoryFile(string path, string text, IReadOnlyList<RbacDocument?> documentObjects,
        IReadOnlyList<RbacDocument> objects, string? error)
    {
        Path = path;
        Text = text;
        DocumentObjects = documentObjects;
        Objects = objects;
        Error = error;
    }

    /// <summary>The path in the repository.</summary>
    public string Path { get; }

    /// <summary>The exact text.</summary>
    public string Text { get; }

    /// <summary>For each document with content, the object at its root (null for a List or a non-object).</summary>
    public IReadOnlyList<RbacDocument?> DocumentObjects { get; }

    /// <summary>Every object, List items included, with the kustomization's namespace where none is written.</summary>
    public IReadOnlyList<RbacDocument> Objects { get; }

    /// <summary>Why the file could not be read, or null.</summary>
    public string? Error { get; }

    /// <summary>The folder the file is in ("" for the root).</summary>
    public string Directory => RepositoryPaths.DirectoryOf(Path);

    /// <summary>Reads a file; a file that is not valid YAML is kept with its error and no objects.</summary>
    public static RepositoryFile Read(string path, string text, string? defaultNamespace)
    {
        if (text.Length > MaxLength)
        {
            return new RepositoryFile(path, text, [], [], $"{path} is larger than {MaxLength} bytes.");
        }

        try
        {
            var roots = YamlTree.ReadAll(text).Where(root => root is not YamlTreeScalar { Value.Length: 0 }).ToList();
            var perDocument = roots.Select(root => WithNamespace(RbacDocumentReader.ToDocument(root), defaultNamespace)).ToList();
            var objects = RbacDocumentReader.ReadAll(text)
                .Select(document => WithNamespace(document, defaultNamespace)!)
                .ToList();
            return new RepositoryFile(path, text, perDocument, objects, null);
        }
        catch (FormatException exception)
        {
            return new RepositoryFile(path, text, [], [], $"{path}: {exception.Message}");
        }
    }

    private static RbacDocument? WithNamespace(RbacDocument? document, string? defaultNamespace) =>
        document is { Namespace: null } && defaultNamespace is not null && RbacKinds.IsNamespaced(document.Kind)
            ? document with { Namespace = defaultNamespace }
            : document;
}
