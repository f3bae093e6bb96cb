using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Kubernetes.Live;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>
/// How LoadStateAsync handles a failing API server: the bot's own missing permissions become
/// read problems, transient failures are retried, and a dead server or refused credentials
/// end the load with one clear ClusterSourceException.
/// </summary>
public sealed class ReadFailureTests : IAsyncLifetime
{
    private const string BotUser = "system:serviceaccount:k8s-access-bot:k8s-access-bot";
    private const string Rbac = "rbac.authorization.k8s.io";

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
    public async Task TheBotsForbiddenRoleBindingReadIsReportedAndTheRestGoesOn()
    {
        api.OnJson("GET", KubePaths.RoleBindings,
            KubeStatus.Forbidden(BotUser, "list", Rbac, "rolebindings"), 403);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", FakeCluster.HelloPod), default);

        var problem = Assert.Single(state.ReadProblems);
        Assert.StartsWith("The bot cannot list rolebindings", problem, StringComparison.Ordinal);
        Assert.Contains("403", problem, StringComparison.Ordinal);
        Assert.Contains("grant it", problem, StringComparison.Ordinal);
        Assert.Contains(BotUser, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);

        // Everything else was still read.
        Assert.DoesNotContain(state.Bindings, b => !b.IsClusterRoleBinding);
        Assert.Equal(cluster.ClusterRoleBindings.Count, state.Bindings.Count(b => b.IsClusterRoleBinding));
        Assert.Equal(cluster.Roles.Count + cluster.ClusterRoles.Count, state.Roles.Count);
        Assert.Single(state.Pods);
        Assert.NotNull(state.AwsAuthData);
        Assert.True(state.NamespacesKnown);

        // A 403 is an answer, not a hiccup: asked once, and logged as a structured warning.
        Assert.Single(api.RequestsTo(KubePaths.RoleBindings));
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("{Operation}", warning.Template, StringComparison.Ordinal);
        Assert.Equal("list rolebindings in all namespaces", warning.Values["Operation"]);
    }

    [Fact]
    public async Task ForbiddenNamespacesAndPodsMakeThemUnknown()
    {
        api.OnJson("GET", KubePaths.Namespaces, KubeStatus.Forbidden(BotUser, "list", "", "namespaces"), 403);
        api.OnJson("GET", KubePaths.Pod("hello", FakeCluster.HelloPod),
            KubeStatus.Forbidden(BotUser, "get", "", "pods", @namespace: "hello", name: FakeCluster.HelloPod),
            403);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", FakeCluster.HelloPod), default);

        Assert.False(state.NamespacesKnown);
        Assert.Empty(state.Namespaces);
        Assert.Equal(2, state.ReadProblems.Count);
        Assert.Contains(state.ReadProblems,
            p => p.StartsWith("The bot cannot list namespaces", StringComparison.Ordinal));
        Assert.Contains(state.ReadProblems, p => p.StartsWith(
            $"The bot cannot get pod hello/{FakeCluster.HelloPod}", StringComparison.Ordinal));
        Assert.NotEmpty(state.Bindings);
    }

    [Fact]
    public async Task AForbiddenAwsAuthReadSaysWhatItCosts()
    {
        api.OnJson("GET", KubePaths.AwsAuth,
            KubeStatus.Forbidden(
                BotUser, "get", "", "configmaps", @namespace: "kube-system", name: "aws-auth"),
            403);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Null(state.AwsAuthData);
        var problem = Assert.Single(state.ReadProblems);
        Assert.Contains("aws-auth", problem, StringComparison.Ordinal);
        Assert.Contains("resourceNames", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedCredentialsEndTheLoadWithoutRetrying()
    {
        api.OnJson("GET", KubePaths.ClusterRoles, KubeStatus.Unauthorized(), 401);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => source.LoadStateAsync(new ClusterQuery("hello", null), default));

        Assert.Contains("the bot's credentials were refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(LiveTestSetup.Token, error.Message, StringComparison.Ordinal);
        Assert.Single(api.RequestsTo(KubePaths.ClusterRoles));
    }

    [Fact]
    public async Task AServerErrorIsRetriedAndRecovers()
    {
        var paged = FakeCluster.PagedList("RoleBindingList", $"{Rbac}/v1", () => cluster.RoleBindings);
        api.On("GET", KubePaths.RoleBindings, FakeHandlers.InTurn(
            FakeHandlers.Status(500, KubeStatus.InternalError()), paged));
        using var source = LiveTestSetup.SourceFor(api, logger, LiveTestSetup.Fast(pageSize: 500));

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Empty(state.ReadProblems);
        Assert.Equal(cluster.RoleBindings.Count, state.Bindings.Count(b => !b.IsClusterRoleBinding));
        Assert.Equal(2, api.RequestsTo(KubePaths.RoleBindings).Count);
        var retry = Assert.Single(logger.Entries, e => e.EventId.Name == "KubernetesRetry");
        Assert.Equal("HTTP 500", retry.Values["Failure"]);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task GatewayAndAvailabilityErrorsAreRetried(int status)
    {
        api.On("GET", KubePaths.Namespaces, FakeHandlers.InTurn(
            FakeHandlers.Status(status, KubeStatus.ServiceUnavailable()),
            FakeHandlers.Status(status, KubeStatus.ServiceUnavailable()),
            FakeCluster.PagedList("NamespaceList", "v1", () => cluster.Namespaces)));
        using var source = LiveTestSetup.SourceFor(api, logger, LiveTestSetup.Fast(pageSize: 500));

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Equal(cluster.Namespaces.Count, state.Namespaces.Count);
        Assert.Equal(3, api.RequestsTo(KubePaths.Namespaces).Count);
    }

    [Fact]
    public async Task TooManyRequestsWaitsAsLongAsRetryAfterSays()
    {
        api.On("GET", KubePaths.ClusterRoleBindings, FakeHandlers.InTurn(
            FakeHandlers.Status(429, KubeStatus.TooManyRequests(),
                new Dictionary<string, string> { ["Retry-After"] = "1" }),
            FakeCluster.PagedList(
                "ClusterRoleBindingList", $"{Rbac}/v1", () => cluster.ClusterRoleBindings)));
        using var source = LiveTestSetup.SourceFor(api, logger, LiveTestSetup.Fast(pageSize: 500));

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Equal(cluster.ClusterRoleBindings.Count, state.Bindings.Count(b => b.IsClusterRoleBinding));
        var calls = api.RequestsTo(KubePaths.ClusterRoleBindings);
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= TimeSpan.FromMilliseconds(900),
            $"waited only {(calls[1].ReceivedAt - calls[0].ReceivedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task APersistentServerErrorEndsTheLoadAfterBoundedAttempts()
    {
        api.OnJson("GET", KubePaths.Roles, KubeStatus.ServiceUnavailable(), 503);
        var options = LiveTestSetup.Fast() with { MaxRetries = 3 };
        using var source = LiveTestSetup.SourceFor(api, logger, options);

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => source.LoadStateAsync(new ClusterQuery("hello", null), default));

        Assert.Contains("kept failing", error.Message, StringComparison.Ordinal);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, api.RequestsTo(KubePaths.Roles).Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task AnswersThatRetryingCannotChangeAreAskedOnce(int status)
    {
        api.OnJson("GET", KubePaths.ClusterRoles, KubeStatus.Invalid("limit: Invalid value"), status);
        using var source = LiveTestSetup.SourceFor(api, logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        var problem = Assert.Single(state.ReadProblems);
        Assert.StartsWith("The bot could not list clusterroles", problem, StringComparison.Ordinal);
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(code, problem, StringComparison.Ordinal);
        Assert.Single(api.RequestsTo(KubePaths.ClusterRoles));
    }

    [Fact]
    public async Task ASlowAnswerTimesOutAndTheRetrySucceeds()
    {
        var list = FakeCluster.PagedList("NamespaceList", "v1", () => cluster.Namespaces);
        api.On("GET", KubePaths.Namespaces, FakeHandlers.InTurn(
            FakeHandlers.After(TimeSpan.FromSeconds(5), list), list));
        var options = LiveTestSetup.Fast(pageSize: 500) with
        {
            RequestTimeout = TimeSpan.FromSeconds(1),
        };
        using var source = LiveTestSetup.SourceFor(api, logger, options);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        // Two attempts, or three when a loaded machine also made the quick retry pass 1 s.
        Assert.Equal(cluster.Namespaces.Count, state.Namespaces.Count);
        Assert.InRange(api.RequestsTo(KubePaths.Namespaces).Count, 2, 3);
        Assert.Contains(logger.Entries,
            e => e.EventId.Name == "KubernetesRetry" && (string?)e.Values["Failure"] == "timeout");
    }

    [Fact]
    public async Task AServerThatNeverAnswersEndsTheLoadInBoundedTime()
    {
        api.On("GET", KubePaths.RoleBindings, FakeHandlers.Never());
        var options = LiveTestSetup.Fast() with
        {
            MaxRetries = 2,
            RequestTimeout = TimeSpan.FromSeconds(1),
        };
        using var source = LiveTestSetup.SourceFor(api, logger, options);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => source.LoadStateAsync(new ClusterQuery("hello", null), default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains("did not answer within 1 s (3 attempts)", error.Message, StringComparison.Ordinal);
        Assert.Contains("list rolebindings", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, api.RequestsTo(KubePaths.RoleBindings).Count);
    }

    [Fact]
    public async Task AnUnreachableServerGivesAClearError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var configuration = new k8s.KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" };
        using var source = LiveClusterSource.FromConfiguration(configuration, LiveTestSetup.Fast(), logger);

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => source.LoadStateAsync(new ClusterQuery("hello", null), default));

        Assert.Contains($"could not connect to the Kubernetes API server at http://127.0.0.1:{port}",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatIsNotKubernetesGivesAClearError()
    {
        api.OnJson("GET", KubePaths.ClusterRoles, "<html><body>Welcome to nginx!</body></html>");
        using var source = LiveTestSetup.SourceFor(api, logger);

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => source.LoadStateAsync(new ClusterQuery("hello", null), default));

        Assert.Contains(
            "did not answer like a Kubernetes API server", error.Message, StringComparison.Ordinal);
        Assert.Single(api.RequestsTo(KubePaths.ClusterRoles));
    }

    [Fact]
    public async Task TheCallersCancellationIsNotDisguisedAsAFailure()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = FakeHandlers.Never();
        api.On("GET", KubePaths.Roles, (request, aborted) =>
        {
            arrived.TrySetResult();
            return never(request, aborted);
        });
        using var source = LiveTestSetup.SourceFor(api, logger);
        using var cancel = new CancellationTokenSource();

        var load = source.LoadStateAsync(new ClusterQuery("hello", null), cancel.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => load);
        Assert.Single(api.RequestsTo(KubePaths.Roles));
    }
}
