namespace ChatOpsBot.GitOps.Editing;

/// <summary>The file chosen for a fix.</summary>
/// <param name="Path">The file to append to or create.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Model">A file whose layout a new file copies (and whose folder's kustomization is
/// the model).</param>
/// <param name="ModelNamespace">The namespace the model file is for, when the layout is one file
/// per namespace.</param>
internal sealed record TargetChoice(string Path, string Reason, RepositoryFile? Model,
    string? ModelNamespace);

/// <summary>
/// Chooses the file a fix goes into: the configured path; else, when the repository keeps one file
/// per namespace, the namespace's file; else the file holding the most bindings like it in other
/// namespaces (same subject and role, then same subject, same role, same naming).
/// </summary>
internal static class TargetChooser
{
    /// <summary>The placeholder a configured path may hold.</summary>
    public const string NamespacePlaceholder = "{namespace}";

    /// <summary>The choice, or a one-line reason why none is safe.</summary>
    public static (TargetChoice? Choice, string? Error) Choose(
        IReadOnlyList<RepositoryFile> files, RbacDocument wanted, string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Configured(files, wanted, configuredPath);
        }

        var readable = files.Where(file => file.Error is null).ToList();
        if (wanted.Namespace is { } @namespace && NamespaceLayout.Detect(readable) is { } layout)
        {
            if (!RbacFileEditor.IsNamespaceName(@namespace))
            {
                return (null, "The fix's namespace is not a valid namespace name, so it cannot name a file.");
            }

            var path = layout.PathFor(@namespace);
            var model = layout.Examples.OrderByDescending(example => Similarity(example.File, wanted))
                .ThenBy(example => example.File.Path, StringComparer.Ordinal).First();
            return (new TargetChoice(path, $"The repository keeps one file per namespace ({layout.Display}).",
                model.File, model.Namespace), null);
        }

        var ranked = readable
            .Select(file => (File: file, Score: Similarity(file, wanted)))
            .Where(entry => entry.Score.CompareTo(default) > 0)
            .OrderByDescending(entry => entry.Score)
            .ThenBy(entry => entry.File.Path, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count > 0)
        {
            var best = ranked[0];
            return (new TargetChoice(best.File.Path, Explain(best.File, wanted), best.File, null), null);
        }

        var manifests = files.Where(file => RepositoryPaths.IsManifestFile(file.Path)).ToList();
        if (manifests.Count == 1 && manifests[0].Error is null)
        {
            return (new TargetChoice(manifests[0].Path,
                $"{manifests[0].Path} is the repository's only YAML file.",
                manifests[0], null), null);
        }

        // An unreadable file may be the very one to follow: say so, or the fix for the admin
        // (repair that file) stays hidden behind "set the file path".
        var unreadable = manifests.Where(file => file.Error is not null).ToList();
        var why = unreadable.Count switch
        {
            0 => "",
            1 => $" Could not read {unreadable[0].Error}",
            _ => $" Could not read {unreadable.Count} YAML files, first {unreadable[0].Error}",
        };
        return (null,
            "No file of the RBAC repository holds RBAC objects to follow; set the file path to edit."
            + why);
    }

    /// <summary>
    /// How much a file looks like the wanted object's home: its objects in other scopes with the
    /// same subject and role, the same subject, the same role, the same naming, the same kind.
    /// </summary>
    private static Score Similarity(RepositoryFile file, RbacDocument wanted)
    {
        var score = default(Score);
        foreach (var existing in file.Objects.Where(existing
            => existing.Namespace != wanted.Namespace || existing.Name != wanted.Name))
        {
            var subject = existing.Subjects.Intersect(wanted.Subjects).Any();
            var role = existing.RoleRef is not null && Equals(existing.RoleRef, wanted.RoleRef);
            score = score with
            {
                Both = score.Both + (subject && role ? 1 : 0),
                Subject = score.Subject + (subject ? 1 : 0),
                Role = score.Role + (role ? 1 : 0),
                Naming = score.Naming + (SameNaming(existing, wanted) ? 1 : 0),
                Kind = score.Kind + (existing.Kind == wanted.Kind ? 1 : 0),
            };
        }

        return score;
    }

    private static string Explain(RepositoryFile file, RbacDocument wanted)
    {
        var like = file.Objects
            .Where(existing => existing.Kind == wanted.Kind && existing.Namespace != wanted.Namespace)
            .OrderByDescending(existing => existing.Subjects.Intersect(wanted.Subjects).Any()
                && Equals(existing.RoleRef, wanted.RoleRef))
            .Take(3)
            .Select(existing
                => existing.Namespace is null ? existing.Name : $"{existing.Name} in {existing.Namespace}")
            .ToList();
        return like.Count == 0
            ? $"{file.Path} holds the repository's RBAC objects most like this one."
            : $"{file.Path} holds the bindings of the sibling namespaces ({string.Join(", ", like)}).";
    }

    // "rb:goodbye" in goodbye and "rb:hello" in hello share the naming "rb:<namespace>".
    private static bool SameNaming(RbacDocument existing, RbacDocument wanted) =>
        existing.Kind == wanted.Kind && existing.Namespace is { Length: > 0 } theirs
            && wanted.Namespace is { Length: > 0 } ours
        && existing.Name.Contains(theirs, StringComparison.Ordinal)
        && existing.Name.Replace(theirs, "\u0001",
            StringComparison.Ordinal) == wanted.Name.Replace(ours, "\u0001", StringComparison.Ordinal);

    private static (TargetChoice?, string?) Configured(IReadOnlyList<RepositoryFile> files,
        RbacDocument wanted, string configured)
    {
        var path = RepositoryPaths.Normalise(configured.Trim());
        if (path.Contains(NamespacePlaceholder, StringComparison.Ordinal))
        {
            if (wanted.Namespace is null)
            {
                return (null,
                    $"The configured file path {configured} names a namespace, "
                    + $"but {wanted} is cluster-wide.");
            }

            if (!RbacFileEditor.IsNamespaceName(wanted.Namespace))
            {
                return (null, "The fix's namespace is not a valid namespace name, so it cannot name a file.");
            }

            path = path.Replace(NamespacePlaceholder, wanted.Namespace, StringComparison.Ordinal);
        }

        if (!RepositoryPaths.IsSafeRelative(path))
        {
            return (null, $"The file path {path} is not a plain relative path in the repository.");
        }

        var model = files.FirstOrDefault(file => file.Path == path)
            ?? files.Where(file => file.Error is null && RepositoryPaths.IsManifestFile(file.Path))
                .OrderByDescending(file => Similarity(file, wanted)).FirstOrDefault();
        return (new TargetChoice(path, $"{path} is the file configured for RBAC changes.", model,
            null), null);
    }

    /// <summary>Counts compared in order: a file with more bindings of the same subject and role
    /// wins.</summary>
    private readonly record struct Score(int Both, int Subject, int Role, int Naming,
        int Kind) : IComparable<Score>
    {
        public int CompareTo(Score other)
        {
            var order = new[]
            {
                Both.CompareTo(other.Both), Subject.CompareTo(other.Subject), Role.CompareTo(other.Role),
                Naming.CompareTo(other.Naming), Kind.CompareTo(other.Kind),
            };
            return order.FirstOrDefault(comparison => comparison != 0);
        }
    }
}
