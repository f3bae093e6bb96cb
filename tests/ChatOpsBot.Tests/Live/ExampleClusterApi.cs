using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// Answers the API server's GET paths from an <see cref="ExampleCluster"/>: the RBAC lists,
/// namespaces, pods and ConfigMaps, with typed list kinds and 404 Status bodies. Lists come
/// whole in one page (no <c>continue</c>): the example clusters are far below any page size.
/// </summary>
internal sealed class ExampleClusterApi(ExampleCluster cluster)
{
    public const string ResourceVersion = "81723";

    private const string RbacPrefix = "/apis/rbac.authorization.k8s.io/v1/";
    private const string RbacVersion = "rbac.authorization.k8s.io/v1";

    /// <summary>The API server's version endpoint (the client asks for it with a trailing slash).</summary>
    public const string VersionPath = "/version";

    // The shape of a real API server's /version answer.
    private const string VersionInfo = """
        {"major":"1","minor":"33","gitVersion":"v1.33.4-eks-1","gitCommit":"0000000",
         "gitTreeState":"clean","buildDate":"2025-08-01T00:00:00Z","goVersion":"go1.24.5",
         "compiler":"gc","platform":"linux/amd64"}
        """;

    public static string ListPath(string rbacResource) => RbacPrefix + rbacResource;

    /// <summary>The answer to a GET of <paramref name="path"/>.</summary>
    public FakeAnswer Get(string path)
    {
        switch (path)
        {
            case RbacPrefix + "rolebindings":
                return List("RoleBindingList", RbacVersion, cluster.OfKind("RoleBinding"));
            case RbacPrefix + "clusterrolebindings":
                return List("ClusterRoleBindingList", RbacVersion, cluster.OfKind("ClusterRoleBinding"));
            case RbacPrefix + "roles":
                return List("RoleList", RbacVersion, cluster.OfKind("Role"));
            case RbacPrefix + "clusterroles":
                return List("ClusterRoleList", RbacVersion, cluster.OfKind("ClusterRole"));
            case "/api/v1/namespaces":
                return List("NamespaceList", "v1", cluster.OfKind("Namespace"));
            case VersionPath or VersionPath + "/":
                return new FakeAnswer(200, VersionInfo);
        }

        // /api/v1/namespaces/{namespace}/{resource}[/{name}]
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not ["api", "v1", "namespaces", var ns, var resource, .. var rest] || rest.Length > 1)
        {
            return ApiStatus.NoSuchPath();
        }

        return (resource, rest) switch
        {
            ("pods", []) => List("PodList", "v1",
                [.. cluster.OfKind("Pod").Where(pod => ExampleCluster.NamespaceOf(pod) == ns)]),
            ("pods", [var name]) => One("Pod", "pods", ns, name),
            ("configmaps", [var name]) => One("ConfigMap", "configmaps", ns, name),
            _ => ApiStatus.NoSuchPath(),
        };
    }

    private FakeAnswer One(string kind, string resource, string @namespace, string name)
    {
        var item = cluster.Find(kind, @namespace, name);
        if (item is null)
        {
            return ApiStatus.NotFound(resource, name);
        }

        item["kind"] = kind;
        item["apiVersion"] = "v1";
        return new FakeAnswer(200, item.ToJsonString());
    }

    private static FakeAnswer List(string kind, string apiVersion, IReadOnlyList<JsonObject> items)
    {
        // The items of a typed list carry no kind or apiVersion of their own.
        foreach (var item in items)
        {
            item.Remove("kind");
            item.Remove("apiVersion");
        }

        var list = new JsonObject
        {
            ["kind"] = kind,
            ["apiVersion"] = apiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = ResourceVersion },
            ["items"] = new JsonArray([.. items]),
        };
        return new FakeAnswer(200, list.ToJsonString());
    }
}
