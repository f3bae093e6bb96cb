namespace ChatOpsBot.GitOps.Editing;

/// <summary>The kustomization edits a new file needs so that kustomize (and Argo CD) picks it up.</summary>
internal static class KustomizationChanges
{
    /// <summary>
    /// The folder's kustomization gets the new file; a new folder gets a kustomization like its
    /// sibling's, and the parent kustomization that lists the sibling folder gets the new one.
    /// </summary>
    /// <exception cref="FormatException">A kustomization that must change cannot be edited safely.</exception>
    public static IEnumerable<RbacFileChange> ForNewFile(
        IReadOnlyDictionary<string, string> files, TargetChoice choice, string? @namespace)
    {
        var directory = RepositoryPaths.DirectoryOf(choice.Path);
        var fileName = RepositoryPaths.FileNameOf(choice.Path);
        if (Find(files, directory) is { } own)
        {
            if (Add(files, own, fileName) is { } change)
            {
                yield return change;
            }

            yield break;
        }

        var exists = files.Keys.Any(path => path.StartsWith(directory + "/", StringComparison.Ordinal));
        if (exists || directory.Length == 0 || choice.Model is not { } model || model.Directory == directory
            || Find(files, model.Directory) is not { } sibling)
        {
            yield break;
        }

        var created = RepositoryPaths.Combine(directory, RepositoryPaths.FileNameOf(sibling));
        var text = KustomizationEditor.CreateLike(files[sibling], choice.ModelNamespace, @namespace, fileName);
        yield return new RbacFileChange(created, null, text, text);

        var parent = RepositoryPaths.DirectoryOf(directory);
        if (parent == RepositoryPaths.DirectoryOf(model.Directory) && Find(files, parent) is { } parentKustomization
            && KustomizationEditor.Lists(files[parentKustomization], RepositoryPaths.FileNameOf(model.Directory))
            && Add(files, parentKustomization, RepositoryPaths.FileNameOf(directory)) is { } listed)
        {
            yield return listed;
        }
    }

    private static RbacFileChange? Add(IReadOnlyDictionary<string, string> files, string path, string entry)
    {
        var before = files[path];
        var after = KustomizationEditor.AddResource(before, entry, out var inserted);
        return after == before ? null : new RbacFileChange(path, before, after, inserted);
    }

    private static string? Find(IReadOnlyDictionary<string, string> files, string directory) =>
        RepositoryPaths.KustomizationNames
            .Select(name => RepositoryPaths.Combine(directory, name))
            .FirstOrDefault(files.ContainsKey);
}
