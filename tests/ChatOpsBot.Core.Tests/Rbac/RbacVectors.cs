using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using ChatOpsBot.Kubernetes.Snapshot;

namespace ChatOpsBot.Core.Tests.Rbac;

/// <summary>Reads Kubernetes' RBAC test vectors (Fixtures/kubernetes/rbac-cases.json).</summary>
internal static class RbacVectors
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(FixturePath("rbac-cases.json")))!.AsObject());

    private static readonly Lazy<ClusterState> Bootstrap = new(() =>
        new SnapshotClusterSource(FixturePath("bootstrappolicy/cluster-roles.yaml"))
            .LoadStateAsync(new ClusterQuery(null, null), CancellationToken.None).GetAwaiter().GetResult()
        with
        {
            Bindings = new SnapshotClusterSource(FixturePath("bootstrappolicy/cluster-role-bindings.yaml"))
                .LoadStateAsync(new ClusterQuery(null, null), CancellationToken.None).GetAwaiter().GetResult()
                .Bindings,
        });

    public static string FixturePath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "kubernetes", name);

    public static JsonArray Cases(string key) => Document.Value[key]!.AsArray();

    public static TheoryData<int> Indexes(string key)
    {
        var data = new TheoryData<int>();
        for (var index = 0; index < Cases(key).Count; index++)
        {
            data.Add(index);
        }

        return data;
    }

    public static ClusterState BootstrapState => Bootstrap.Value;

    public static RbacPolicy Policy(string policySetId)
    {
        var set = Document.Value["policySets"]![policySetId]!.AsObject();
        var roles = new List<Role>();
        var bindings = new List<Binding>();

        if (policySetId == "bootstrap-defaults")
        {
            roles.AddRange(Bootstrap.Value.Roles);
            bindings.AddRange(Bootstrap.Value.Bindings);
        }

        roles.AddRange(Items(set, "roles").Select(role => new Role
        {
            Name = Text(role, "name"), Namespace = Text(role, "namespace"), Rules = Rules(role["rules"]),
        }));
        roles.AddRange(Items(set, "clusterRoles").Select(ClusterRole));
        bindings.AddRange(Items(set, "roleBindings").Concat(Items(set, "extraRoleBindings"))
            .Select(binding => Binding(binding, Text(binding, "namespace"))));
        bindings.AddRange(Items(set, "clusterRoleBindings").Concat(Items(set, "extraClusterRoleBindings"))
            .Select(binding => Binding(binding, null)));
        return new RbacPolicy(roles, bindings);
    }

    public static string? SuperUser(string policySetId) =>
        Document.Value["policySets"]![policySetId]!["superUser"]?.ToString();

    public static Role ClusterRole(JsonObject role) => new()
    {
        Name = Text(role, "name"),
        Rules = Rules(role["rules"]),
        Labels = role["labels"]?.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.ToString())
            ?? new Dictionary<string, string>(),
        AggregationSelectors = role["aggregationRule"]?["clusterRoleSelectors"]?.AsArray()
            .Select(selector => new LabelSelector
            {
                MatchLabels = selector!["matchLabels"]?.AsObject()
                    .ToDictionary(pair => pair.Key, pair => pair.Value!.ToString())
                    ?? new Dictionary<string, string>(),
            })
            .ToList(),
    };

    public static Binding Binding(JsonObject binding, string? bindingNamespace) => new()
    {
        Name = binding["name"]?.ToString() ?? "unnamed",
        Namespace = bindingNamespace,
        RoleRef = new RoleRef(
            Text(binding["roleRef"]!.AsObject(), "kind"),
            Text(binding["roleRef"]!.AsObject(), "name")),
        Subjects = Subjects(binding["subjects"]),
    };

    public static List<Subject> Subjects(JsonNode? subjects) =>
        subjects?.AsArray().Select(subject => new Subject(
            Text(subject!.AsObject(), "kind"),
            Text(subject!.AsObject(), "name"),
            subject["namespace"]?.ToString())).ToList() ?? [];

    public static List<PolicyRule> Rules(JsonNode? rules) =>
        rules?.AsArray().Select(rule => Rule(rule!.AsObject())).ToList() ?? [];

    public static PolicyRule Rule(JsonObject rule) => new()
    {
        Verbs = Strings(rule["verbs"]),
        ApiGroups = Strings(rule["apiGroups"]),
        Resources = Strings(rule["resources"]),
        ResourceNames = Strings(rule["resourceNames"]),
        NonResourceUrls = Strings(rule["nonResourceURLs"]),
    };

    public static UserInfo User(JsonNode request) => new(
        request["user"]?.ToString() ?? request["name"]?.ToString() ?? "",
        Strings(request["groups"]));

    public static RequestAttributes Request(JsonNode request) => new()
    {
        Verb = request["verb"]!.ToString(),
        IsResourceRequest = request["resourceRequest"]?.GetValue<bool>() ?? true,
        ApiGroup = request["apiGroup"]?.ToString() ?? "",
        Resource = request["resource"]?.ToString() ?? "",
        Subresource = request["subresource"]?.ToString() ?? "",
        Namespace = request["namespace"]?.ToString() ?? "",
        Name = request["name"]?.ToString() ?? "",
        Path = request["nonResourceURL"]?.ToString() ?? "",
    };

    public static string[] Strings(JsonNode? values) =>
        values is JsonArray array ? array.Select(value => value!.ToString()).ToArray() : [];

    public static string Describe(IEnumerable<PolicyRule> rules) =>
        JsonSerializer.Serialize(rules.Select(rule => new
        {
            rule.Verbs, rule.ApiGroups, rule.Resources, rule.ResourceNames, rule.NonResourceUrls,
        }));

    private static IEnumerable<JsonObject> Items(JsonObject set, string key) =>
        set[key]?.AsArray().Select(item => item!.AsObject()) ?? [];

    private static string Text(JsonObject obj, string key) => obj[key]?.ToString() ?? "";
}
