namespace ChatOpsBot.Slack.Commands;

/// <summary>
/// Common Kubernetes resources with their API group and scope, and kubectl's short names, so
/// <c>get deploy -n hello</c> means <c>deployments.apps</c>. Unknown resources are still
/// accepted (with an unknown group) because clusters have custom resources.
/// </summary>
internal static class KnownResources
{
    internal sealed record Info(string Plural, string Group, bool Namespaced);

    private static readonly Dictionary<string, Info> ByName = Build();

    /// <summary>Looks a resource up by plural, singular or short name.</summary>
    public static Info? Find(string name) => ByName.GetValueOrDefault(name);

    private static Dictionary<string, Info> Build()
    {
        var map = new Dictionary<string, Info>(StringComparer.Ordinal);
        void Add(string plural, string group, bool namespaced, params string[] aliases)
        {
            var info = new Info(plural, group, namespaced);
            map[plural] = info;
            foreach (var alias in aliases)
            {
                map[alias] = info;
            }
        }

        Add("pods", "", true, "pod", "po");
        Add("services", "", true, "service", "svc");
        Add("secrets", "", true, "secret");
        Add("configmaps", "", true, "configmap", "cm");
        Add("serviceaccounts", "", true, "serviceaccount", "sa");
        Add("persistentvolumeclaims", "", true, "persistentvolumeclaim", "pvc");
        Add("endpoints", "", true, "ep");
        Add("events", "", true, "event", "ev");
        Add("resourcequotas", "", true, "resourcequota", "quota");
        Add("limitranges", "", true, "limitrange", "limits");
        Add("namespaces", "", false, "namespace", "ns");
        Add("nodes", "", false, "node", "no");
        Add("persistentvolumes", "", false, "persistentvolume", "pv");
        Add("deployments", "apps", true, "deployment", "deploy");
        Add("replicasets", "apps", true, "replicaset", "rs");
        Add("statefulsets", "apps", true, "statefulset", "sts");
        Add("daemonsets", "apps", true, "daemonset", "ds");
        Add("jobs", "batch", true, "job");
        Add("cronjobs", "batch", true, "cronjob", "cj");
        Add("ingresses", "networking.k8s.io", true, "ingress", "ing");
        Add("networkpolicies", "networking.k8s.io", true, "networkpolicy", "netpol");
        Add("horizontalpodautoscalers", "autoscaling", true, "horizontalpodautoscaler", "hpa");
        Add("poddisruptionbudgets", "policy", true, "poddisruptionbudget", "pdb");
        Add("roles", "rbac.authorization.k8s.io", true, "role");
        Add("rolebindings", "rbac.authorization.k8s.io", true, "rolebinding");
        Add("clusterroles", "rbac.authorization.k8s.io", false, "clusterrole");
        Add("clusterrolebindings", "rbac.authorization.k8s.io", false, "clusterrolebinding");
        Add("customresourcedefinitions", "apiextensions.k8s.io", false,
            "customresourcedefinition", "crd", "crds");
        Add("storageclasses", "storage.k8s.io", false, "storageclass", "sc");
        return map;
    }
}
