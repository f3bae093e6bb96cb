namespace ChatOpsBot.Core.Parsing.Context;

/// <summary>A built-in Kubernetes resource: its API group, kind and scope.</summary>
/// <param name="Resource">The plural resource name (<c>replicasets</c>).</param>
/// <param name="Group">The API group (<c>""</c> for core).</param>
/// <param name="Kind">The kind (<c>ReplicaSet</c>).</param>
/// <param name="ClusterScoped">True for cluster-scoped resources.</param>
internal sealed record KnownResource(string Resource, string Group, string Kind, bool ClusterScoped);

/// <summary>
/// The built-in resources a message or command line may name by plural, short name or kind.
/// Used only to fill what the text leaves implicit (kubectl's "po", a kind spelled "replica
/// set", the scope of "nodes"); custom resources pass through unchanged.
/// </summary>
internal static class KnownResources
{
    private static readonly KnownResource[] All =
    [
        new("pods", "", "Pod", false), new("services", "", "Service", false),
        new("configmaps", "", "ConfigMap", false), new("secrets", "", "Secret", false),
        new("serviceaccounts", "", "ServiceAccount", false), new("namespaces", "", "Namespace", true),
        new("nodes", "", "Node", true), new("persistentvolumes", "", "PersistentVolume", true),
        new("persistentvolumeclaims", "", "PersistentVolumeClaim", false),
        new("endpoints", "", "Endpoints", false), new("events", "", "Event", false),
        new("replicationcontrollers", "", "ReplicationController", false),
        new("resourcequotas", "", "ResourceQuota", false), new("limitranges", "", "LimitRange", false),
        new("componentstatuses", "", "ComponentStatus", true),
        new("deployments", "apps", "Deployment", false), new("replicasets", "apps", "ReplicaSet", false),
        new("statefulsets", "apps", "StatefulSet", false), new("daemonsets", "apps", "DaemonSet", false),
        new("controllerrevisions", "apps", "ControllerRevision", false),
        new("jobs", "batch", "Job", false), new("cronjobs", "batch", "CronJob", false),
        new("ingresses", "networking.k8s.io", "Ingress", false),
        new("networkpolicies", "networking.k8s.io", "NetworkPolicy", false),
        new("ingressclasses", "networking.k8s.io", "IngressClass", true),
        new("roles", "rbac.authorization.k8s.io", "Role", false),
        new("rolebindings", "rbac.authorization.k8s.io", "RoleBinding", false),
        new("clusterroles", "rbac.authorization.k8s.io", "ClusterRole", true),
        new("clusterrolebindings", "rbac.authorization.k8s.io", "ClusterRoleBinding", true),
        new("customresourcedefinitions", "apiextensions.k8s.io", "CustomResourceDefinition", true),
        new("storageclasses", "storage.k8s.io", "StorageClass", true),
        new("volumeattachments", "storage.k8s.io", "VolumeAttachment", true),
        new("poddisruptionbudgets", "policy", "PodDisruptionBudget", false),
        new("podsecuritypolicies", "policy", "PodSecurityPolicy", true),
        new("horizontalpodautoscalers", "autoscaling", "HorizontalPodAutoscaler", false),
        new("certificatesigningrequests", "certificates.k8s.io", "CertificateSigningRequest", true),
        new("validatingwebhookconfigurations", "admissionregistration.k8s.io",
            "ValidatingWebhookConfiguration", true),
        new("mutatingwebhookconfigurations", "admissionregistration.k8s.io",
            "MutatingWebhookConfiguration", true),
        new("leases", "coordination.k8s.io", "Lease", false),
        new("priorityclasses", "scheduling.k8s.io", "PriorityClass", true),
        new("selfsubjectaccessreviews", "authorization.k8s.io", "SelfSubjectAccessReview", true),
        new("subjectaccessreviews", "authorization.k8s.io", "SubjectAccessReview", true),
        new("tokenreviews", "authentication.k8s.io", "TokenReview", true),
    ];

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["po"] = "pods", ["svc"] = "services", ["cm"] = "configmaps", ["sa"] = "serviceaccounts",
        ["ns"] = "namespaces", ["no"] = "nodes", ["pv"] = "persistentvolumes",
        ["pvc"] = "persistentvolumeclaims", ["ep"] = "endpoints", ["ev"] = "events",
        ["rc"] = "replicationcontrollers", ["quota"] = "resourcequotas", ["limits"] = "limitranges",
        ["cs"] = "componentstatuses", ["deploy"] = "deployments", ["rs"] = "replicasets",
        ["sts"] = "statefulsets", ["ds"] = "daemonsets", ["cj"] = "cronjobs", ["ing"] = "ingresses",
        ["netpol"] = "networkpolicies", ["crd"] = "customresourcedefinitions",
        ["crds"] = "customresourcedefinitions", ["sc"] = "storageclasses",
        ["pdb"] = "poddisruptionbudgets", ["psp"] = "podsecuritypolicies",
        ["hpa"] = "horizontalpodautoscalers", ["csr"] = "certificatesigningrequests",
        ["pc"] = "priorityclasses",
    };

    private static readonly Dictionary<string, KnownResource> ByName = BuildIndex();

    /// <summary>The plural names of all built-in resources.</summary>
    public static IEnumerable<string> Names => All.Select(known => known.Resource);

    /// <summary>
    /// The built-in resource named by a plural, a short name or a kind in any case
    /// (<c>pods</c>, <c>po</c>, <c>Pod</c>, <c>pod</c>); null for anything else.
    /// </summary>
    public static KnownResource? Find(string name)
    {
        var key = name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (ShortNames.TryGetValue(key, out var plural))
        {
            key = plural;
        }

        return ByName.GetValueOrDefault(key);
    }

    /// <summary>True when <paramref name="resource"/> is a built-in cluster-scoped resource.</summary>
    public static bool IsClusterScoped(string? resource, string? group) =>
        resource is not null && ByName.TryGetValue(resource, out var known) && known.ClusterScoped
        && (group is null || group == known.Group);

    /// <summary>
    /// The plural resource for a kind: the built-in one when known, else the usual English
    /// plural of the lowercased kind (what the API server derives for custom resources).
    /// </summary>
    public static string PluralOf(string kind)
    {
        var known = Find(kind);
        if (known is not null)
        {
            return known.Resource;
        }

        var lower = kind.ToLowerInvariant();
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal))
        {
            return lower + "es";
        }

        var consonantY = lower.EndsWith('y') && lower.Length > 1
            && !"aeiou".Contains(lower[^2], StringComparison.Ordinal);
        return consonantY
            ? lower[..^1] + "ies"
            : lower + "s";
    }

    private static Dictionary<string, KnownResource> BuildIndex()
    {
        var index = new Dictionary<string, KnownResource>(StringComparer.Ordinal);
        foreach (var known in All)
        {
            index[known.Resource] = known;
            index.TryAdd(known.Kind.ToLowerInvariant(), known);
        }

        return index;
    }
}
