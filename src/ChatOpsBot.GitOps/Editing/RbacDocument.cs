namespace ChatOpsBot.GitOps.Editing;

/// <summary>The role a binding refers to.</summary>
/// <param name="Kind"><c>ClusterRole</c> or <c>Role</c>.</param>
/// <param name="Name">The role's name.</param>
public sealed record RbacRoleRef(string Kind, string Name);

/// <summary>A subject of a binding.</summary>
/// <param name="Kind"><c>User</c>, <c>Group</c> or <c>ServiceAccount</c>.</param>
/// <param name="Name">The subject's name.</param>
/// <param name="Namespace">The ServiceAccount's namespace; null for users and groups.</param>
public sealed record RbacSubjectRef(string Kind, string Name, string? Namespace)
{
    /// <summary>"Group fake_company:server", "ServiceAccount ci/deployer".</summary>
    public override string ToString() =>
        Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}

/// <summary>What the editor knows of one Kubernetes object in a YAML file.</summary>
/// <param name="Kind">The object's kind.</param>
/// <param name="Namespace">Its namespace; null for cluster-scoped objects or when not written.</param>
/// <param name="Name">Its name.</param>
/// <param name="RoleRef">For bindings, the role bound.</param>
/// <param name="Subjects">For bindings, the subjects bound.</param>
public sealed record RbacDocument(
    string Kind, string? Namespace, string Name, RbacRoleRef? RoleRef, IReadOnlyList<RbacSubjectRef> Subjects)
{
    /// <summary>A RoleBinding or a ClusterRoleBinding.</summary>
    public bool IsBinding => Kind is RbacKinds.RoleBinding or RbacKinds.ClusterRoleBinding;

    /// <summary>"RoleBinding hello/rb:hello", "ClusterRoleBinding ops-view".</summary>
    public override string ToString() =>
        Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}

/// <summary>The kinds the editor knows by name.</summary>
public static class RbacKinds
{
    /// <summary>A namespaced binding.</summary>
    public const string RoleBinding = "RoleBinding";

    /// <summary>A cluster-wide binding.</summary>
    public const string ClusterRoleBinding = "ClusterRoleBinding";

    /// <summary>A namespaced role.</summary>
    public const string Role = "Role";

    /// <summary>A cluster-wide role.</summary>
    public const string ClusterRole = "ClusterRole";

    /// <summary>Kinds whose objects live in a namespace.</summary>
    public static bool IsNamespaced(string kind) => kind is RoleBinding or Role;
}
