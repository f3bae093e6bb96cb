using System.Text.Json.Nodes;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using ChatOpsBot.Kubernetes.Live;
using k8s;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>LoadStateAsync against a fake API server that pages and answers like the real one.</summary>
public sealed class LoadStateTests : IAsyncLifetime
{
    private const string Rbac = "rbac.authorization.k8s.io/v1";

    private readonly ListLogger logger = new();
    private FakeKubeApi api = null!;
    private FakeCluster cluster = null!;

    public async Task InitializeAsync()
    {
        api = await FakeKubeApi.StartAsync();
        cluster = new FakeCluster(api).ServeAll();
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task ReadsEveryRbacListCompletelyAcrossPages()
    {
        using var source = LiveTestSetup.SourceFor(api, logger, LiveTestSetup.Fast(pageSize: 3));

        var state = await source.LoadStateAsync(new ClusterQuery("hello", FakeCluster.HelloPod), default);

        Assert.Empty(state.ReadProblems);
        Assert.Equal(Keys(cluster.RoleBindings), Keys(state.Bindings.Where(b => !b.IsClusterRoleBinding)));
        Assert.Equal(
            Keys(cluster.ClusterRoleBindings), Keys(state.Bindings.Where(b => b.IsClusterRoleBinding)));
        Assert.Equal(Keys(cluster.Roles), Keys(state.Roles.Where(r => !r.IsClusterRole)));
        Assert.Equal(Keys(cluster.ClusterRoles), Keys(state.Roles.Where(r => r.IsClusterRole)));

        // Each list was read page by page: limit on every call, each continue token used once.
        foreach (var (path, count) in new[]
        {
            (KubePaths.RoleBindings, cluster.RoleBindings.Count),
            (KubePaths.ClusterRoles, cluster.ClusterRoles.Count),
        })
        {
            var calls = api.RequestsTo(path);
            Assert.Equal((count + 2) / 3, calls.Count);
            Assert.All(calls, call => Assert.Equal("3", call.QueryValue("limit")));
            Assert.Null(calls[0].QueryValue("continue"));
            Assert.Equal(
                Enumerable.Range(1, calls.Count - 1).Select(page => FakeCluster.Encode(page * 3)),
                calls.Skip(1).Select(call => call.QueryValue("continue")));
        }
    }

    [Fact]
    public async Task MapsRbacObjectsWithTheSharedMapper()
    {
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        var goodbye = Assert.Single(state.Bindings, b => b.Name == "rb:goodbye");
        Assert.Equal("goodbye", goodbye.Namespace);
        Assert.Equal(new RoleRef("ClusterRole", "edit"), goodbye.RoleRef);
        Assert.Equal([new Subject("Group", "fake_company:server")], goodbye.Subjects);

        foreach (var expected in cluster.ClusterRoles)
        {
            var name = (string)expected!["metadata"]!["name"]!;
            var role = Assert.Single(state.Roles, r => r.IsClusterRole && r.Name == name);
            Assert.Equal(expected["rules"]?.AsArray().Count ?? 0, role.Rules.Count);
            Assert.Equal(expected["aggregationRule"] is not null, role.AggregationSelectors is not null);
        }

        var admin = Assert.Single(state.Roles, r => r.IsClusterRole && r.Name == "admin");
        var selector = Assert.Single(admin.AggregationSelectors!);
        Assert.Equal("true", selector.MatchLabels["rbac.authorization.k8s.io/aggregate-to-admin"]);
    }

    [Fact]
    public async Task ReadsNamespacesWithTheirLabels()
    {
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.True(state.NamespacesKnown);
        Assert.Equal(Keys(cluster.Namespaces), state.Namespaces.Select(n => "/" + n.Name).ToList());
        var hello = Assert.Single(state.Namespaces, n => n.Name == "hello");
        Assert.Equal("server", hello.Labels["team"]);
        Assert.Equal("hello", hello.Labels["argocd.argoproj.io/instance"]);
    }

    [Fact]
    public async Task ReadsThePodNamedInTheQuery()
    {
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", FakeCluster.HelloPod), default);

        Assert.Equal([new PodInfo("hello", FakeCluster.HelloPod)], state.Pods);
        Assert.Single(api.RequestsTo(KubePaths.Pod("hello", FakeCluster.HelloPod)));
        Assert.Empty(api.RequestsTo(KubePaths.Pods("hello")));
    }

    [Fact]
    public async Task APodThatIsNotThereIsAbsentNotAProblem()
    {
        api.OnJson("GET", KubePaths.Pod("hello", "hello-gone-1"),
            KubeStatus.NotFound("pods", "hello-gone-1"), 404);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", "hello-gone-1"), default);

        Assert.Empty(state.Pods);
        Assert.Empty(state.ReadProblems);
        Assert.True(state.NamespacesKnown);
        Assert.Single(api.RequestsTo(KubePaths.Pod("hello", "hello-gone-1")));
    }

    [Fact]
    public async Task WithoutAPodNameListsThePodsOfTheNamespace()
    {
        using var source = LiveTestSetup.SourceFor(api, logger, LiveTestSetup.Fast(pageSize: 1));

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        var expected = cluster.PodsIn("hello").Select(p => (string)p!["metadata"]!["name"]!).Order().ToList();
        Assert.Equal(expected, state.Pods.Select(p => p.Name).Order().ToList());
        Assert.All(state.Pods, pod => Assert.Equal("hello", pod.Namespace));
        Assert.Equal(expected.Count, api.RequestsTo(KubePaths.Pods("hello")).Count);
    }

    [Fact]
    public async Task AtClusterScopeReadsNoPods()
    {
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery(null, null), default);

        Assert.Empty(state.Pods);
        Assert.DoesNotContain(api.Requests, r => r.Path.Contains("/pods", StringComparison.Ordinal));
        Assert.NotEmpty(state.Bindings);
    }

    [Theory]
    [InlineData("hello", "../../secrets/x")]
    [InlineData("hello", "Hello-Pod")]
    [InlineData("../kube-system", null)]
    [InlineData("hello world", "pod")]
    public async Task NamesThatCannotExistAreNeverSent(string ns, string? pod)
    {
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery(ns, pod), default);

        Assert.Empty(state.Pods);
        Assert.Empty(state.ReadProblems);
        Assert.DoesNotContain(api.Requests, r => r.Path.Contains("/pods", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadsTheAwsAuthConfigMap()
    {
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.NotNull(state.AwsAuthData);
        Assert.Equal(
            cluster.AwsAuthData.Select(pair => (pair.Key, (string)pair.Value!)).Order(),
            state.AwsAuthData.Select(pair => (pair.Key, pair.Value)).Order());
        Assert.Contains("rolearn: arn:aws:iam::111122223333:role/my-role", state.AwsAuthData["mapRoles"],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingAwsAuthIsNullAndNoProblem()
    {
        api.OnJson("GET", KubePaths.AwsAuth, KubeStatus.NotFound("configmaps", "aws-auth"), 404);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Null(state.AwsAuthData);
        Assert.Empty(state.ReadProblems);
        Assert.Single(api.RequestsTo(KubePaths.AwsAuth));
    }

    [Fact]
    public async Task RunsTheReadsConcurrently()
    {
        // Every read waits until all of them have arrived: only concurrent reads can finish. The
        // bounds are generous: on a loaded machine the last read can arrive seconds after the first.
        string[] paths =
            [.. KubePaths.Lists, KubePaths.Pod("hello", FakeCluster.HelloPod), KubePaths.AwsAuth];
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var path in paths)
        {
            var inner = RouteOf(path);
            api.On("GET", path, async (request, aborted) =>
            {
                if (Interlocked.Increment(ref arrived) == paths.Length)
                {
                    allArrived.TrySetResult();
                }

                await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), aborted);
                return await inner(request, aborted);
            });
        }

        var options = LiveTestSetup.Fast(pageSize: 500) with
        {
            MaxRetries = 0,
            RequestTimeout = TimeSpan.FromSeconds(40),
        };
        using var source = LiveTestSetup.SourceFor(api, logger, options);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", FakeCluster.HelloPod), default);

        Assert.Empty(state.ReadProblems);
        Assert.Single(state.Pods);
        Assert.True(allArrived.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task StartsAListAgainWhenItsContinueTokenExpired()
    {
        var paged = FakeCluster.PagedList("RoleBindingList", Rbac, () => cluster.RoleBindings);
        var expiredOnce = 0;
        api.On("GET", KubePaths.RoleBindings, (request, aborted) =>
            request.QueryValue("continue") is not null && Interlocked.Exchange(ref expiredOnce, 1) == 0
                ? Task.FromResult(FakeResponse.Json(KubeStatus.Expired(), 410))
                : paged(request, aborted));
        using var source = LiveTestSetup.SourceFor(api, logger, LiveTestSetup.Fast(pageSize: 3));

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Empty(state.ReadProblems);
        Assert.Equal(Keys(cluster.RoleBindings), Keys(state.Bindings.Where(b => !b.IsClusterRoleBinding)));
        var calls = api.RequestsTo(KubePaths.RoleBindings);
        Assert.Equal(2, calls.Count(call => call.QueryValue("continue") is null));
    }

    [Fact]
    public async Task StopsPagingAtThePageLimitAndSaysTheListIsIncomplete()
    {
        var options = LiveTestSetup.Fast(pageSize: 2) with { MaxPages = 2 };
        using var source = LiveTestSetup.SourceFor(api, logger, options);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Equal(4, state.Bindings.Count(b => !b.IsClusterRoleBinding));
        Assert.Contains(state.ReadProblems, p => p.Contains("rolebindings", StringComparison.Ordinal)
            && p.Contains("incomplete", StringComparison.Ordinal));
        Assert.Equal(2, api.RequestsTo(KubePaths.RoleBindings).Count);
    }

    [Fact]
    public async Task AServerRepeatingAContinueTokenDoesNotLoopForEver()
    {
        var stuck = new JsonObject
        {
            ["kind"] = "NamespaceList",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "1", ["continue"] = "c2FtZQ==" },
            ["items"] = new JsonArray(
                new JsonObject { ["metadata"] = new JsonObject { ["name"] = "hello" } }),
        };
        api.OnJson("GET", KubePaths.Namespaces, stuck.ToJsonString());
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Contains(state.ReadProblems, p => p.Contains("namespaces", StringComparison.Ordinal));
        Assert.False(state.NamespacesKnown);
        Assert.Equal(2, api.RequestsTo(KubePaths.Namespaces).Count);
    }

    [Fact]
    public async Task WorksThroughAClientMadeByTheCaller()
    {
        using var client = new k8s.Kubernetes(LiveTestSetup.ConfigurationFor(api));
        using var source = new LiveClusterSource(client, LiveTestSetup.Fast(), logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", FakeCluster.HelloPod), default);

        Assert.Contains(api.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            source.Description, StringComparison.Ordinal);
        Assert.NotEmpty(state.Bindings);
        Assert.All(api.Requests, r => Assert.Equal("Bearer " + LiveTestSetup.Token, r.Authorization));
    }

    private FakeHandler RouteOf(string path) => path switch
    {
        KubePaths.AwsAuth => FakeHandlers.Json(cluster.AwsAuthConfigMap().ToJsonString()),
        KubePaths.RoleBindings =>
            FakeCluster.PagedList("RoleBindingList", Rbac, () => cluster.RoleBindings),
        KubePaths.ClusterRoleBindings =>
            FakeCluster.PagedList("ClusterRoleBindingList", Rbac, () => cluster.ClusterRoleBindings),
        KubePaths.Roles => FakeCluster.PagedList("RoleList", Rbac, () => cluster.Roles),
        KubePaths.ClusterRoles => FakeCluster.PagedList("ClusterRoleList", Rbac, () => cluster.ClusterRoles),
        KubePaths.Namespaces => FakeCluster.PagedList("NamespaceList", "v1", () => cluster.Namespaces),
        _ => FakeHandlers.Json(new JsonObject
        {
            ["kind"] = "Pod",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["name"] = FakeCluster.HelloPod, ["namespace"] = "hello" },
        }.ToJsonString()),
    };

    private static List<string> Keys(JsonArray items) => items
        .Select(item => $"{(string?)item!["metadata"]!["namespace"]}/{(string)item["metadata"]!["name"]!}")
        .ToList();

    private static List<string> Keys(IEnumerable<Binding> bindings) =>
        bindings.Select(b => $"{b.Namespace}/{b.Name}").ToList();

    private static List<string> Keys(IEnumerable<Role> roles) =>
        roles.Select(r => $"{r.Namespace}/{r.Name}").ToList();
}
