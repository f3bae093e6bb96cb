using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Kubernetes.Live;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>FromKubeconfig, InCluster and the options: clear one-line errors, no leaked secrets.</summary>
public sealed class FactoryTests : IAsyncLifetime, IDisposable
{
    private const string OtherToken = "kat-other-token-5be1a0c3d2";

    private readonly ListLogger logger = new();
    private readonly string folder = Directory.CreateTempSubdirectory("k8s-access-live-").FullName;
    private FakeKubeApi api = null!;
    private FakeKubeApi otherApi = null!;

    public async Task InitializeAsync()
    {
        api = await FakeKubeApi.StartAsync();
        new FakeCluster(api).ServeAll();
        otherApi = await FakeKubeApi.StartAsync();
        new FakeCluster(otherApi).ServeAll();
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await otherApi.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ConnectsWithTheCurrentContextOfAKubeconfig()
    {
        var path = WriteKubeconfig();
        using var source = LiveClusterSource.FromKubeconfig(path, null, LiveTestSetup.Fast(), logger);

        var state = await source.LoadStateAsync(new ClusterQuery("hello", FakeCluster.HelloPod), default);

        Assert.NotEmpty(state.Bindings);
        Assert.NotEmpty(api.Requests);
        Assert.All(api.Requests,
            request => Assert.Equal("Bearer " + LiveTestSetup.Token, request.Authorization));
        Assert.Empty(otherApi.Requests);
        Assert.Contains(api.BaseUri.Authority, source.Description, StringComparison.Ordinal);
        Assert.Contains("fake-admin", source.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveTestSetup.Token, source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsesTheContextAskedFor()
    {
        var path = WriteKubeconfig();
        using var source = LiveClusterSource.FromKubeconfig(path, "staging", LiveTestSetup.Fast(), logger);

        await source.LoadStateAsync(new ClusterQuery("hello", null), default);

        Assert.Empty(api.Requests);
        Assert.All(otherApi.Requests, request => Assert.Equal("Bearer " + OtherToken, request.Authorization));
        Assert.Contains("staging", source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeitherLogsNorErrorsCarryTheToken()
    {
        api.On("GET", KubePaths.RoleBindings, FakeHandlers.InTurn(
            FakeHandlers.Status(503, KubeStatus.ServiceUnavailable()),
            FakeHandlers.Status(401, KubeStatus.Unauthorized())));
        var path = WriteKubeconfig();
        using var source = LiveClusterSource.FromKubeconfig(path, null, LiveTestSetup.Fast(), logger);

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => source.LoadStateAsync(new ClusterQuery("hello", null), default));

        Assert.Contains("credentials were refused", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(logger.Entries);
        Assert.DoesNotContain(LiveTestSetup.Token, logger.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(LiveTestSetup.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownContextIsOneClearLine()
    {
        var path = WriteKubeconfig();

        var error = Assert.Throws<ClusterSourceException>(
            () => LiveClusterSource.FromKubeconfig(path, "prod-eu", LiveTestSetup.Fast(), logger));

        Assert.Equal(
            $"context \"prod-eu\" is not in kubeconfig {path} (it has: fake-admin, staging)",
            error.Message);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void AMissingFileIsOneClearLine()
    {
        var path = Path.Combine(folder, "nope", "config");

        var error = Assert.Throws<ClusterSourceException>(
            () => LiveClusterSource.FromKubeconfig(path, null, LiveTestSetup.Fast(), logger));

        Assert.Equal($"kubeconfig file not found: {path}", error.Message);
    }

    [Fact]
    public void BrokenYamlIsReportedWithoutQuotingTheFile()
    {
        var path = Path.Combine(folder, "broken");
        File.WriteAllText(path,
            $"apiVersion: v1\nusers:\n- name: bot\n  user: {{token: \"{LiveTestSetup.Token}\"\n  : [\n");

        var error = Assert.Throws<ClusterSourceException>(
            () => LiveClusterSource.FromKubeconfig(path, null, LiveTestSetup.Fast(), logger));

        Assert.StartsWith($"kubeconfig {path} ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveTestSetup.Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AKubeconfigWithoutCurrentContextAsksForOne()
    {
        var path = WriteKubeconfig(currentContext: "");

        var error = Assert.Throws<ClusterSourceException>(
            () => LiveClusterSource.FromKubeconfig(path, null, LiveTestSetup.Fast(), logger));

        Assert.Contains("no current-context", error.Message, StringComparison.Ordinal);
        Assert.Contains("fake-admin, staging", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AContextWithoutItsClusterIsOneClearLine()
    {
        var path = WriteKubeconfig(stagingCluster: "missing-cluster");

        var error = Assert.Throws<ClusterSourceException>(
            () => LiveClusterSource.FromKubeconfig(path, "staging", LiveTestSetup.Fast(), logger));

        Assert.Equal($"kubeconfig {path}, context \"staging\" refers to cluster \"missing-cluster\", "
            + "which the file does not define", error.Message);
    }

    [Fact]
    public void AContextWithoutItsUserIsOneClearLine()
    {
        var path = WriteKubeconfig(stagingUser: "nobody");

        var error = Assert.Throws<ClusterSourceException>(
            () => LiveClusterSource.FromKubeconfig(path, "staging", LiveTestSetup.Fast(), logger));

        Assert.Equal($"kubeconfig {path}, context \"staging\" refers to user \"nobody\", "
            + "which the file does not define", error.Message);
    }

    [Fact]
    public void OutsideAPodInClusterSaysSo()
    {
        var host = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_HOST", null);
        try
        {
            var error = Assert.Throws<ClusterSourceException>(
                () => LiveClusterSource.InCluster(LiveTestSetup.Fast(), logger));

            Assert.Contains("not running inside a Kubernetes pod", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_HOST", host);
        }
    }

    [Fact]
    public void RejectsOptionsOutsideTheirRange()
    {
        var configuration = LiveTestSetup.ConfigurationFor(api);
        LiveClusterOptions[] invalid =
        [
            new() { MaxRetries = -1 },
            new() { PageSize = 0 },
            new() { RequestTimeout = TimeSpan.Zero },
            new() { BaseDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(1) },
            new() { MaxPages = 0 },
        ];

        foreach (var options in invalid)
        {
            Assert.Throws<ArgumentOutOfRangeException>(
                () => LiveClusterSource.FromConfiguration(configuration, options, logger));
        }
    }

    private string WriteKubeconfig(
        string currentContext = "fake-admin",
        string stagingCluster = "other",
        string stagingUser = "other-bot")
    {
        var path = Path.Combine(folder, $"config-{Guid.NewGuid():N}");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {api.BaseUri.ToString().TrimEnd('/')}
            - name: other
              cluster:
                server: {otherApi.BaseUri.ToString().TrimEnd('/')}
            contexts:
            - name: fake-admin
              context:
                cluster: fake
                user: bot
            - name: staging
              context:
                cluster: {stagingCluster}
                user: {stagingUser}
                namespace: hello
            current-context: "{currentContext}"
            users:
            - name: bot
              user:
                token: {LiveTestSetup.Token}
            - name: other-bot
              user:
                token: {OtherToken}
            """);
        return path;
    }
}
