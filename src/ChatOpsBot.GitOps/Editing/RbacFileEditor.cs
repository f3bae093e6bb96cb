using ChatOpsBot.Core.Diagnosis;

namespace ChatOpsBot.GitOps.Editing;

/// <summary>
/// Adds a fix to the RBAC repository the way a platform engineer would, with no I/O: finds the
/// right file, appends the new document in that file's own layout (comment header like its
/// neighbours, its <c>---</c> habit, its line breaks), keeps every existing byte, updates the
/// folder's kustomization when a new file is needed, and refuses to add what is already there.
/// </summary>
public static class RbacFileEditor
{
    /// <summary>Most files read; an RBAC repository folder holds far fewer.</summary>
    public const int MaxFiles = 5000;

    /// <summary>Plans the change for a fix.</summary>
    /// <param name="files">The repository's files (path → exact text); non-YAML files may be left out.</param>
    /// <param name="fix">The fix, with its manifest.</param>
    /// <param name="configuredPath">
    /// The file to edit when the platform team has chosen one; may hold <c>{namespace}</c>.
    /// </param>
    public static RbacEditResult Plan(IReadOnlyDictionary<string, string> files, ProposedFix fix, string? configuredPath = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(fix);
        if (!IsRepositoryKind(fix.Kind))
        {
            return new RbacEditRejected(
                $"A {fix.Kind} fix is not an object of the RBAC repository; it has to be applied by hand.");
        }

        if (files.Count > MaxFiles)
        {
            return new RbacEditRejected($"The repository folder holds more than {MaxFiles} files; narrow the folder read.");
        }

        FixManifest manifest;
        try
        {
            manifest = FixManifest.Parse(fix);
        }
        catch (FormatException exception)
        {
            return new RbacEditRejected(exception.Message);
        }

        var repository = Read(files);
        return EquivalentObjects.Find(repository, manifest.Key.Resource) is { } present
            ? present
            : PlanAddition(files, repository, manifest, configuredPath);
    }

    private static RbacEditResult PlanAddition(
        IReadOnlyDictionary<string, string> files, IReadOnlyList<RepositoryFile> repository,
        FixManifest manifest, string? configuredPath)
    {
        var (choice, error) = TargetChooser.Choose(repository, manifest.Key.Resource, configuredPath);
        if (choice is null)
        {
            return new RbacEditRejected(error!);
        }

        // Companion objects (a Role the binding needs) already in the repository are not added twice.
        var documents = manifest.Documents
            .Where(document => document == manifest.Key
                || !repository.Any(file => file.Objects.Any(existing => EquivalentObjects.SameObject(existing, document.Resource))))
            .ToList();
        var existing = repository.FirstOrDefault(file => file.Path == choice.Path);
        if (existing is null && files.ContainsKey(choice.Path))
        {
            return new RbacEditRejected($"{choice.Path} is not a YAML file the editor can append to.");
        }

        if (existing?.Error is { } unreadable)
        {
            return new RbacEditRejected($"Will not append to a file that is not valid YAML: {unreadable}");
        }

        var change = existing is null
            ? NewFile(choice, documents, manifest.Key.Resource)
            : Append(existing, documents, manifest.Key.Resource);
        if (Verify(change, existing, documents) is { } problem)
        {
            return new RbacEditRejected(problem);
        }

        var changes = new List<RbacFileChange> { change };
        if (existing is null)
        {
            try
            {
                changes.AddRange(KustomizationChanges.ForNewFile(files, choice, manifest.Key.Resource.Namespace));
            }
            catch (FormatException exception)
            {
                return new RbacEditRejected($"Cannot list {choice.Path} in its kustomization: {exception.Message}");
            }
        }

        return new RbacEditPlan(choice.Path, choice.Reason, changes, documents.Select(document => document.Resource).ToList());
    }

    private static RbacFileChange Append(RepositoryFile file, IReadOnlyList<FixDocument> documents, RbacDocument key)
    {
        var style = YamlFileStyle.Of(file.Text);
        var header = HeaderTemplate.Learn(style, file.DocumentObjects)?.Render(key) ?? [];
        var addition = DocumentAppender.Addition(file.Text, style, header, documents.Select(document => document.Yaml).ToList());
        return new RbacFileChange(file.Path, file.Text, file.Text + addition, addition);
    }

    private static RbacFileChange NewFile(TargetChoice choice, IReadOnlyList<FixDocument> documents, RbacDocument key)
    {
        var model = choice.Model is { } file ? YamlFileStyle.Of(file.Text) : null;
        var header = model is null ? null : HeaderTemplate.Learn(model, choice.Model!.DocumentObjects)?.Render(key);
        var text = DocumentAppender.NewFile(model, header ?? [], documents.Select(document => document.Yaml).ToList());
        return new RbacFileChange(choice.Path, null, text, text);
    }

    // The edited file must read back as before plus exactly the new objects.
    private static string? Verify(RbacFileChange change, RepositoryFile? before, List<FixDocument> documents)
    {
        var after = RepositoryFile.Read(change.Path, change.NewText, null);
        var expected = (before?.DocumentObjects.Count ?? 0) + documents.Count;
        var added = after.DocumentObjects.Skip(expected - documents.Count).ToList();
        var intact = change.OriginalText is null || change.NewText.StartsWith(change.OriginalText, StringComparison.Ordinal);
        var same = added.Count == documents.Count && added.Zip(documents)
            .All(pair => pair.First is { } read && EquivalentObjects.SameContent(read, pair.Second.Resource));
        return after.Error is null && after.DocumentObjects.Count == expected && intact && same
            ? null
            : $"Appending to {change.Path} would not give a file that reads back as before plus the fix; edit it by hand.";
    }

    private static List<RepositoryFile> Read(IReadOnlyDictionary<string, string> files)
    {
        var namespaces = files
            .Where(file => RepositoryPaths.IsKustomization(file.Key))
            .ToDictionary(file => RepositoryPaths.DirectoryOf(file.Key), file => KustomizationEditor.NamespaceOf(file.Value));
        return files
            .Where(file => RepositoryPaths.IsManifestFile(file.Key))
            .OrderBy(file => file.Key, StringComparer.Ordinal)
            .Select(file => RepositoryFile.Read(file.Key, file.Value,
                namespaces.GetValueOrDefault(RepositoryPaths.DirectoryOf(file.Key))))
            .ToList();
    }

    private static bool IsRepositoryKind(string kind) =>
        kind is RbacKinds.RoleBinding or RbacKinds.ClusterRoleBinding or RbacKinds.Role or RbacKinds.ClusterRole;

    /// <summary>A DNS label, as Kubernetes requires of namespace names: safe to write into a path.</summary>
    internal static bool IsNamespaceName(string name) =>
        name.Length is > 0 and <= 63 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && name[0] != '-' && name[^1] != '-';
}
