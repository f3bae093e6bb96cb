using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>
/// A small cluster for the fake API server: the Kubernetes bootstrap RBAC policy (from the
/// upstream golden files) plus the story's namespaces <c>goodbye</c> (with its RoleBinding
/// <c>rb:goodbye</c>) and <c>hello</c> (without one), their pods, and the EKS docs' aws-auth.
/// Lists are served page by page, honouring <c>limit</c> and <c>continue</c>.
/// </summary>
internal sealed class FakeCluster
{
    public const string HelloPod = "hello-beta1-58cf69d988-64qjp";
    public const string ResourceVersion = "4242";

    private readonly FakeKubeApi api;

    public FakeCluster(FakeKubeApi api)
    {
        this.api = api;
        RoleBindings = ItemsOf("kubernetes/bootstrappolicy/namespace-role-bindings.yaml");
        RoleBindings.Add(JsonNode.Parse(GoodbyeRoleBinding));
        ClusterRoleBindings = ItemsOf("kubernetes/bootstrappolicy/cluster-role-bindings.yaml");
        Roles = ItemsOf("kubernetes/bootstrappolicy/namespace-roles.yaml");
        ClusterRoles = ItemsOf("kubernetes/bootstrappolicy/cluster-roles.yaml");
        Namespaces = new JsonArray(
            Namespace("default", []),
            Namespace("kube-system", []),
            Namespace("kube-public", []),
            Namespace("goodbye", [("team", "server")]),
            Namespace("hello", [("team", "server"), ("argocd.argoproj.io/instance", "hello")]));
        Pods = new JsonArray(
            Pod("hello", HelloPod),
            Pod("hello", "hello-beta1-58cf69d988-x7v2n"),
            Pod("goodbye", "goodbye-7d9f8-abcde"));
        AwsAuthData = (JsonObject)YamlToJson.Convert(
            TestFiles.Read("eks/aws-auth/aws-eks-docs-kubectl-edit-example.yaml"))!["data"]!;
    }

    public JsonArray RoleBindings { get; }

    public JsonArray ClusterRoleBindings { get; }

    public JsonArray Roles { get; }

    public JsonArray ClusterRoles { get; }

    public JsonArray Namespaces { get; }

    public JsonArray Pods { get; }

    public JsonObject AwsAuthData { get; }

    /// <summary>Serves every object above at the API server's paths.</summary>
    public FakeCluster ServeAll()
    {
        const string rbac = "rbac.authorization.k8s.io/v1";
        api.On("GET", KubePaths.RoleBindings, PagedList("RoleBindingList", rbac, () => RoleBindings));
        api.On("GET", KubePaths.ClusterRoleBindings,
            PagedList("ClusterRoleBindingList", rbac, () => ClusterRoleBindings));
        api.On("GET", KubePaths.Roles, PagedList("RoleList", rbac, () => Roles));
        api.On("GET", KubePaths.ClusterRoles, PagedList("ClusterRoleList", rbac, () => ClusterRoles));
        api.On("GET", KubePaths.Namespaces, PagedList("NamespaceList", "v1", () => Namespaces));
        foreach (var ns in Namespaces.Select(item => (string)item!["metadata"]!["name"]!))
        {
            api.On("GET", KubePaths.Pods(ns), PagedList("PodList", "v1", () => PodsIn(ns)));
        }

        foreach (var pod in Pods)
        {
            var metadata = pod!["metadata"]!;
            var path = KubePaths.Pod((string)metadata["namespace"]!, (string)metadata["name"]!);
            api.OnJson("GET", path, WithKind(pod, "Pod", "v1").ToJsonString());
        }

        api.OnJson("GET", KubePaths.AwsAuth, AwsAuthConfigMap().ToJsonString());
        return this;
    }

    public JsonArray PodsIn(string @namespace) =>
        new([.. Pods
            .Where(pod => (string)pod!["metadata"]!["namespace"]! == @namespace)
            .Select(pod => pod!.DeepClone())]);

    public JsonObject AwsAuthConfigMap() => new()
    {
        ["kind"] = "ConfigMap",
        ["apiVersion"] = "v1",
        ["metadata"] = Metadata("aws-auth", "kube-system", []),
        ["data"] = AwsAuthData.DeepClone(),
    };

    /// <summary>
    /// A list endpoint that pages like the API server: <c>limit</c> objects per answer and an
    /// opaque <c>continue</c> token (with <c>remainingItemCount</c>) while more remain.
    /// </summary>
    public static FakeHandler PagedList(string kind, string apiVersion, Func<JsonArray> items) =>
        (request, _) => Task.FromResult(Page(kind, apiVersion, items(), request));

    private static FakeResponse Page(string kind, string apiVersion, JsonArray all, RecordedRequest request)
    {
        var offset = 0;
        if (request.QueryValue("continue") is { Length: > 0 } token && !TryDecode(token, out offset))
        {
            return FakeResponse.Json(KubeStatus.BadRequest("continue key is not valid"), 400);
        }

        var limit = int.TryParse(request.QueryValue("limit"), CultureInfo.InvariantCulture, out var asked)
            && asked > 0
            ? asked
            : all.Count;
        var metadata = new JsonObject { ["resourceVersion"] = ResourceVersion };
        var next = offset + limit;
        if (next < all.Count)
        {
            metadata["continue"] = Encode(next);
            metadata["remainingItemCount"] = all.Count - next;
        }

        // Items of a typed list carry no kind or apiVersion of their own.
        var page = all.Skip(offset).Take(limit).Select(item =>
        {
            var copy = item!.DeepClone().AsObject();
            copy.Remove("kind");
            copy.Remove("apiVersion");
            return (JsonNode)copy;
        });
        var list = new JsonObject
        {
            ["kind"] = kind,
            ["apiVersion"] = apiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page]),
        };
        return FakeResponse.Json(list.ToJsonString());
    }

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"rv\":{ResourceVersion},\"start\":{offset}}}"));

    private static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            offset = (int)json!["start"]!;
            return offset >= 0;
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException
            or InvalidOperationException or NullReferenceException)
        {
            return false;
        }
    }

    private static JsonArray ItemsOf(string fixture)
    {
        var list = YamlToJson.Convert(TestFiles.Read(fixture))!;
        return list["items"]!.DeepClone().AsArray();
    }

    private static JsonObject Namespace(string name, (string Key, string Value)[] labels)
    {
        (string, string)[] all = [("kubernetes.io/metadata.name", name), .. labels];
        return new JsonObject
        {
            ["metadata"] = Metadata(name, null, all),
            ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
            ["status"] = new JsonObject { ["phase"] = "Active" },
        };
    }

    private static JsonObject Pod(string @namespace, string name) => new()
    {
        ["metadata"] = Metadata(name, @namespace, [("app", name.Split('-')[0])]),
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }),
        },
        ["status"] = new JsonObject { ["phase"] = "Running" },
    };

    private static JsonObject Metadata(string name, string? @namespace, (string Key, string Value)[] labels)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["resourceVersion"] = ResourceVersion;
        metadata["creationTimestamp"] = "2025-03-14T09:26:53Z";
        if (labels.Length > 0)
        {
            metadata["labels"] = new JsonObject(labels.Select(label =>
                KeyValuePair.Create(label.Key, (JsonNode?)JsonValue.Create(label.Value))));
        }

        return metadata;
    }

    private static JsonObject WithKind(JsonNode item, string kind, string apiVersion)
    {
        var copy = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion };
        foreach (var (key, value) in item.AsObject())
        {
            copy[key] = value?.DeepClone();
        }

        return copy;
    }

    private const string GoodbyeRoleBinding = """
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
         "metadata":{"name":"rb:goodbye","namespace":"goodbye","uid":"6a1f2c1e-0f43-4c55-9d0c-6b0f3f1d2a10",
                     "resourceVersion":"4242","creationTimestamp":"2025-03-14T09:26:53Z"},
         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"edit"},
         "subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"fake_company:server"}]}
        """;
}
