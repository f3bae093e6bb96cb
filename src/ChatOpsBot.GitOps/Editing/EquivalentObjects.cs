namespace ChatOpsBot.GitOps.Editing;

/// <summary>Finds objects in the repository that already give what a fix gives.</summary>
internal static class EquivalentObjects
{
    /// <summary>The first match, or null.</summary>
    public static RbacAlreadyPresent? Find(IEnumerable<RepositoryFile> files, RbacDocument wanted)
    {
        var readable = files.Where(file => file.Error is null).ToList();
        foreach (var file in readable)
        {
            if (file.Objects.FirstOrDefault(existing => SameObject(existing, wanted)) is { } same)
            {
                return new RbacAlreadyPresent(file.Path, same, PresentMatch.SameName,
                    $"{same} is already in {file.Path}.");
            }
        }

        if (!wanted.IsBinding || wanted.RoleRef is null || wanted.Subjects.Count == 0)
        {
            return null;
        }

        var granting = readable
            .SelectMany(file => file.Objects.Where(existing => Grants(existing, wanted)).Select(existing => (file, existing)))
            .ToList();
        var covered = wanted.Subjects.All(subject => granting.Any(entry => entry.existing.Subjects.Contains(subject)));
        if (!covered)
        {
            return null;
        }

        var (path, binding) = granting.First(entry => entry.existing.Subjects.Contains(wanted.Subjects[0]));
        var scope = binding.Kind == RbacKinds.ClusterRoleBinding ? "cluster-wide" : $"in {binding.Namespace}";
        return new RbacAlreadyPresent(path.Path, binding, PresentMatch.SameGrant,
            $"{binding} in {path.Path} already binds {wanted.RoleRef.Kind} {wanted.RoleRef.Name} to " +
            $"{string.Join(", ", wanted.Subjects)} {scope}.");
    }

    /// <summary>Same kind, namespace and name.</summary>
    public static bool SameObject(RbacDocument a, RbacDocument b) =>
        a.Kind == b.Kind && a.Name == b.Name && a.Namespace == b.Namespace;

    /// <summary>Same object with the same role and subjects.</summary>
    public static bool SameContent(RbacDocument a, RbacDocument b) =>
        SameObject(a, b) && Equals(a.RoleRef, b.RoleRef) && a.Subjects.SequenceEqual(b.Subjects);

    // A binding that grants the wanted role in the wanted scope (a ClusterRoleBinding covers every namespace).
    private static bool Grants(RbacDocument existing, RbacDocument wanted) =>
        existing.IsBinding && Equals(existing.RoleRef, wanted.RoleRef)
        && (existing.Kind == RbacKinds.ClusterRoleBinding
            || (wanted.Kind == RbacKinds.RoleBinding && existing.Namespace == wanted.Namespace));
}
