using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using ChatOpsBot.Kubernetes.Mapping;
using k8s;
using k8s.Models;

namespace ChatOpsBot.Kubernetes.Snapshot;

/// <summary>
/// Sorts the objects of a snapshot by kind into what the diagnosis reads. Kinds it does not
/// need are skipped; <c>List</c> objects (and typed lists such as <c>RoleList</c>) are opened.
/// </summary>
internal sealed class SnapshotObjectSorter
{
    private const int MaxListDepth = 8;

    /// <summary>Namespaces found.</summary>
    public List<NamespaceInfo> Namespaces { get; } = [];

    /// <summary>Pods found.</summary>
    public List<PodInfo> Pods { get; } = [];

    /// <summary>Roles and ClusterRoles found.</summary>
    public List<Role> Roles { get; } = [];

    /// <summary>RoleBindings and ClusterRoleBindings found.</summary>
    public List<Binding> Bindings { get; } = [];

    /// <summary>The data of <c>kube-system/aws-auth</c>, if found.</summary>
    public IReadOnlyDictionary<string, string>? AwsAuthData { get; private set; }

    /// <summary>
    /// JSON texts of EKS access entries (<c>aws eks describe-access-entry</c> output).
    /// </summary>
    public List<string> AccessEntryDocuments { get; } = [];

    /// <summary>Adds one document (an object or a list of them).</summary>
    /// <exception cref="InvalidDataException">An object of a known kind is malformed.</exception>
    public void Add(JsonNode document) => Add(document, 0);

    private void Add(JsonNode document, int depth)
    {
        if (document is not JsonObject obj)
        {
            return;
        }

        if (obj.ContainsKey("accessEntry") || obj.ContainsKey("accessEntries"))
        {
            AccessEntryDocuments.Add(obj.ToJsonString());
            return;
        }

        var kind = obj["kind"] is JsonValue value && value.TryGetValue(out string? text)
            ? text
            : null;
        if (kind is null)
        {
            return;
        }

        if (kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
        {
            if (depth >= MaxListDepth)
            {
                throw new InvalidDataException("lists are nested too deeply");
            }

            foreach (var item in items.Where(item => item is not null))
            {
                Add(item!, depth + 1);
            }

            return;
        }

        AddObject(kind, obj);
    }

    private void AddObject(string kind, JsonObject obj)
    {
        switch (kind)
        {
            case "Namespace":
                var ns = Read<V1Namespace>(obj, kind);
                Namespaces.Add(new NamespaceInfo(
                    RequireName(ns.Metadata, kind),
                    ns.Metadata.Labels is null
                        ? new Dictionary<string, string>()
                        : new Dictionary<string, string>(ns.Metadata.Labels)));
                break;
            case "Pod":
                var pod = Read<V1Pod>(obj, kind);
                Pods.Add(new PodInfo(
                    pod.Metadata?.NamespaceProperty ?? "default", RequireName(pod.Metadata, kind)));
                break;
            case "Role":
                Roles.Add(KubernetesObjectMapper.ToRole(Named(Read<V1Role>(obj, kind), kind)));
                break;
            case "ClusterRole":
                Roles.Add(KubernetesObjectMapper.ToRole(
                    Named(Read<V1ClusterRole>(obj, kind), kind)));
                break;
            case "RoleBinding":
                Bindings.Add(KubernetesObjectMapper.ToBinding(
                    Named(Read<V1RoleBinding>(obj, kind), kind)));
                break;
            case "ClusterRoleBinding":
                Bindings.Add(KubernetesObjectMapper.ToBinding(
                    Named(Read<V1ClusterRoleBinding>(obj, kind), kind)));
                break;
            case "ConfigMap":
                AddConfigMap(Read<V1ConfigMap>(obj, kind));
                break;
        }
    }

    private void AddConfigMap(V1ConfigMap configMap)
    {
        // A ConfigMap without a namespace (as in the EKS docs' example) is taken as aws-auth too.
        var isAwsAuth = configMap.Metadata?.Name == "aws-auth"
            && (configMap.Metadata.NamespaceProperty ?? "kube-system") == "kube-system";
        if (isAwsAuth)
        {
            AwsAuthData = configMap.Data is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string>(configMap.Data, StringComparer.Ordinal);
        }
    }

    private static T Read<T>(JsonObject obj, string kind)
    {
        try
        {
            return KubernetesJson.Deserialize<T>(obj.ToJsonString())
                ?? throw new InvalidDataException($"a {kind} is empty");
        }
        catch (JsonException error)
        {
            var name = obj["metadata"]?["name"]?.ToString() ?? "(unnamed)";
            throw new InvalidDataException($"{kind} {name} is malformed: {error.Message}", error);
        }
    }

    private static T Named<T>(T obj, string kind)
        where T : IMetadata<V1ObjectMeta>
    {
        RequireName(obj.Metadata, kind);
        return obj;
    }

    private static string RequireName(V1ObjectMeta? metadata, string kind) =>
        string.IsNullOrEmpty(metadata?.Name)
            ? throw new InvalidDataException($"a {kind} has no metadata.name")
            : metadata.Name;
}
