using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Cluster;

/// <summary>A namespace as the diagnosis needs it.</summary>
public sealed record NamespaceInfo(string Name, IReadOnlyDictionary<string, string> Labels);

/// <summary>A pod, identified by namespace and name.</summary>
public sealed record PodInfo(string Namespace, string Name);

/// <summary>
/// What the diagnosis reads from a cluster: RBAC objects, namespaces, the pods it asked about,
/// the EKS identity mapping, and anything the source could not read.
/// </summary>
public sealed record ClusterState
{
    /// <summary>Namespaces of the cluster.</summary>
    public IReadOnlyList<NamespaceInfo> Namespaces { get; init; } = [];

    /// <summary>Pods; a live source holds only those of the namespace asked about.</summary>
    public IReadOnlyList<PodInfo> Pods { get; init; } = [];

    /// <summary>Roles and ClusterRoles.</summary>
    public IReadOnlyList<Role> Roles { get; init; } = [];

    /// <summary>RoleBindings and ClusterRoleBindings.</summary>
    public IReadOnlyList<Binding> Bindings { get; init; } = [];

    /// <summary>The data of the <c>kube-system/aws-auth</c> ConfigMap, or null.</summary>
    public IReadOnlyDictionary<string, string>? AwsAuthData { get; init; }

    /// <summary>EKS access entries, when the source has them.</summary>
    public IReadOnlyList<AccessEntry> AccessEntries { get; init; } = [];

    /// <summary>
    /// True when the namespace and pod lists are complete (a snapshot, or a full read).
    /// </summary>
    public bool NamespacesKnown { get; init; } = true;

    /// <summary>
    /// What the source could not read, each as one sentence: for example the bot's own
    /// missing permission. The diagnosis reports these as the bot's problem, never the user's.
    /// </summary>
    public IReadOnlyList<string> ReadProblems { get; init; } = [];
}
