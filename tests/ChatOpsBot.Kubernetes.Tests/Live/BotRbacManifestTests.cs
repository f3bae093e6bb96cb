using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using k8s;
using k8s.Models;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>
/// deploy/rbac/bot-clusterrole.yaml grants the bot what the live source uses, and no more:
/// every request the source sends to the fake is allowed by it, and nothing in it writes.
/// </summary>
public sealed class BotRbacManifestTests : IAsyncLifetime
{
    private const string BotNamespace = "k8s-access-bot";
    private const string BotAccount = "k8s-access-bot";

    private readonly List<object> manifest =
        KubernetesYaml.LoadAllFromString(TestFiles.Read("deploy/bot-clusterrole.yaml")).ToList();

    private FakeKubeApi api = null!;

    public async Task InitializeAsync()
    {
        api = await FakeKubeApi.StartAsync();
        new FakeCluster(api).ServeAll();
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public void GrantsOnlyReadsAndReviews()
    {
        var clusterRole = Assert.Single(manifest.OfType<V1ClusterRole>());
        var role = Assert.Single(manifest.OfType<V1Role>());
        Assert.Equal("kube-system", role.Metadata.NamespaceProperty);

        var allRules = clusterRole.Rules.Concat(role.Rules).ToList();
        Assert.DoesNotContain(allRules, rule => rule.Verbs.Contains("*") || rule.Resources.Contains("*")
            || rule.ApiGroups.Contains("*"));
        var writes = allRules.Where(rule => rule.Verbs.Except(["get", "list", "watch"]).Any()).ToList();
        var review = Assert.Single(writes);
        Assert.Equal(["create"], review.Verbs);
        Assert.Equal(["subjectaccessreviews"], review.Resources);
        Assert.Equal(["authorization.k8s.io"], review.ApiGroups);

        // Only the one ConfigMap, and only by name.
        var configMaps = Assert.Single(allRules, rule => rule.Resources.Contains("configmaps"));
        Assert.Same(configMaps, Assert.Single(role.Rules));
        Assert.Equal(["aws-auth"], configMaps.ResourceNames);
        Assert.Equal(["get"], configMaps.Verbs);
        Assert.DoesNotContain(allRules, rule => rule.Resources.Any(resource =>
            resource is "secrets" or "impersonate" || resource.Contains('/', StringComparison.Ordinal)));
    }

    [Fact]
    public void BindsBothRolesToTheBotsServiceAccount()
    {
        var clusterBinding = Assert.Single(manifest.OfType<V1ClusterRoleBinding>());
        var binding = Assert.Single(manifest.OfType<V1RoleBinding>());

        var clusterRole = Assert.Single(manifest.OfType<V1ClusterRole>());
        Assert.Equal(clusterRole.Metadata.Name, clusterBinding.RoleRef.Name);
        Assert.Equal(("Role", Assert.Single(manifest.OfType<V1Role>()).Metadata.Name),
            (binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.Equal("kube-system", binding.Metadata.NamespaceProperty);
        foreach (var subject in clusterBinding.Subjects.Concat(binding.Subjects))
        {
            Assert.Equal(("ServiceAccount", BotAccount, BotNamespace),
                (subject.Kind, subject.Name, subject.NamespaceProperty));
        }
    }

    [Fact]
    public async Task AllowsEveryRequestTheLiveSourceMakes()
    {
        using var source = LiveTestSetup.SourceFor(api, new ListLogger());
        api.OnJson("POST", KubePaths.SubjectAccessReviews,
            TestFiles.Read(
                "kubernetes/api-responses/subjectaccessreview/kubectl-v8-v1-response-body.json"),
            201);

        await source.LoadStateAsync(new ClusterQuery("hello", FakeCluster.HelloPod), default);
        await source.LoadStateAsync(new ClusterQuery("goodbye", null), default);
        await source.ReviewAsync(new UserInfo("jane", ["system:authenticated"]),
            new RequestAttributes { Verb = "get", Resource = "pods", Namespace = "hello" }, default);

        Assert.NotEmpty(api.Requests);
        foreach (var request in api.Requests)
        {
            var attributes = AttributesOf(request);
            Assert.True(Allows(attributes),
                $"the manifest does not allow {request.Method} {request.Path} ({attributes})");
        }
    }

    [Fact]
    public void TheCoverageCheckRefusesWhatTheManifestDoesNotGrant()
    {
        Assert.False(Allows(new Attributes("list", "", "secrets", "hello", "")));
        Assert.False(Allows(new Attributes("get", "", "configmaps", "kube-system", "coredns")));
        Assert.False(Allows(new Attributes("get", "", "configmaps", "default", "aws-auth")));
        Assert.False(Allows(
            new Attributes("create", "rbac.authorization.k8s.io", "rolebindings", "hello", "")));
        Assert.True(Allows(new Attributes("get", "", "configmaps", "kube-system", "aws-auth")));
    }

    private bool Allows(Attributes request)
    {
        var applicable = manifest.OfType<V1ClusterRoleBinding>()
            .Where(binding => BindsBot(binding.Subjects))
            .SelectMany(binding => manifest.OfType<V1ClusterRole>()
                .Where(role => role.Metadata.Name == binding.RoleRef.Name).SelectMany(role => role.Rules))
            .Concat(manifest.OfType<V1RoleBinding>()
                .Where(binding => BindsBot(binding.Subjects)
                    && binding.Metadata.NamespaceProperty == request.Namespace)
                .SelectMany(binding => manifest.OfType<V1Role>()
                    .Where(role => role.Metadata.Name == binding.RoleRef.Name
                        && role.Metadata.NamespaceProperty == binding.Metadata.NamespaceProperty)
                    .SelectMany(role => role.Rules)));

        return applicable.Any(rule => rule.Verbs.Contains(request.Verb)
            && rule.ApiGroups.Contains(request.Group)
            && rule.Resources.Contains(request.Resource)
            && (rule.ResourceNames is not { Count: > 0 } || rule.ResourceNames.Contains(request.Name)));
    }

    private static bool BindsBot(IEnumerable<Rbacv1Subject> subjects) => subjects.Any(subject =>
        subject.Kind == "ServiceAccount" && subject.Name == BotAccount
        && subject.NamespaceProperty == BotNamespace);

    /// <summary>The authorizer's view of an HTTP request, as the API server derives it.</summary>
    private static Attributes AttributesOf(RecordedRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        var (group, rest) = segments[0] == "api" ? ("", segments[2..]) : (segments[1], segments[3..]);
        var (ns, resourceAndName) = rest.Length >= 3 && rest[0] == "namespaces"
            ? (rest[1], rest[2..])
            : ("", rest);
        var name = resourceAndName.Length > 1 ? resourceAndName[1] : "";
        var verb = request.Method switch
        {
            "POST" => "create",
            "GET" when name.Length > 0 => "get",
            "GET" when request.QueryValue("watch") == "true" => "watch",
            "GET" => "list",
            _ => request.Method.ToLowerInvariant(),
        };
        return new Attributes(verb, group, resourceAndName[0], ns, name);
    }

    private sealed record Attributes(
        string Verb, string Group, string Resource, string Namespace, string Name);
}
