using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Tests.Slack;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// <c>/readyz</c> checks every configured cluster: the real bot on 127.0.0.1 with a live
/// cluster served by <see cref="FakeKubeApiServer"/> (healthy, failing or silent) and a
/// snapshot cluster beside it.
/// </summary>
public sealed class ReadinessTests
{
    private const string LiveCluster = "prod-eu";

    private static readonly string[] VersionPaths =
        [ExampleClusterApi.VersionPath, ExampleClusterApi.VersionPath + "/"];

    [Fact]
    public async Task Live_cluster_that_answers_makes_the_bot_ready()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(
            slack, settings => WithLiveCluster(settings, kubeconfig));

        var (status, body) = await ProbeAsync(bot);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)body["ready"]!);
        Assert.Contains(api.Requests, request => VersionPaths.Contains(request.Path));
        Assert.All(api.Requests, request =>
            Assert.Equal("Bearer " + TempKubeconfig.Token, request.Authorization));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(401)]
    public async Task Live_cluster_answering_an_error_makes_the_bot_not_ready_naming_it(int status)
    {
        await using var api = await SeedCase.StartServerAsync();
        FailVersion(api, status);
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(
            slack, settings => WithLiveCluster(settings, kubeconfig));

        var (answer, body) = await ProbeAsync(bot);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer);
        Assert.False((bool)body["ready"]!);
        var reason = (string)body["reason"]!;
        Assert.Contains($"cluster {LiveCluster} ", reason, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", reason, StringComparison.Ordinal);
        Assert.Equal(["seed", LiveCluster], body["clusters"]!.AsArray().Select(name => (string?)name));
        Assert.DoesNotContain(TempKubeconfig.Token, body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(
            bot.Logs.Lines, line => line.Contains(TempKubeconfig.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_cluster_that_never_answers_makes_the_bot_not_ready_within_the_timeout()
    {
        await using var api = await SeedCase.StartServerAsync();
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack, settings =>
        {
            WithLiveCluster(settings, kubeconfig);
            settings["Server:ReadinessTimeout"] = "00:00:00.5";
        });
        api.NeverAnswers = true;

        var watch = Stopwatch.StartNew();
        var (status, body) = await ProbeAsync(bot);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var reason = (string)body["reason"]!;
        Assert.Contains($"cluster {LiveCluster} ", reason, StringComparison.Ordinal);
        Assert.Contains("did not answer within 0.5 s", reason, StringComparison.Ordinal);

        // The probe's own timeout in deploy/base is 2 s; the check gives up long before this limit.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Snapshot_cluster_that_loads_makes_the_bot_ready()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);

        var (status, body) = await ProbeAsync(bot);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("seed", (string?)body["clusters"]![0]);
    }

    [Fact]
    public async Task Snapshot_cluster_that_does_not_load_makes_the_bot_not_ready()
    {
        var empty = Directory.CreateTempSubdirectory("kat-empty-snapshot-");
        try
        {
            await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
            await using var bot = await RunningBot.StartAsync(slack, settings =>
            {
                settings["Clusters:1:Name"] = "empty";
                settings["Clusters:1:Snapshot"] = empty.FullName;
            });

            var (status, body) = await ProbeAsync(bot);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.StartsWith("cluster empty ", (string)body["reason"]!, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Answer_is_reused_within_the_cache_duration_so_probes_do_not_hammer_the_server()
    {
        await using var api = await SeedCase.StartServerAsync();
        FailVersion(api, 500);
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack, settings =>
        {
            WithLiveCluster(settings, kubeconfig);
            settings["Server:ReadinessCacheDuration"] = "01:00:00";
        });

        var probes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ProbeAsync(bot)));
        Assert.All(probes, probe => Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.Status));

        // Healed, but the cached answer stands until the duration passes.
        var failures = VersionPaths.Select(path => api.RequestsTo(path).Count).Sum();
        api.AlwaysFail(VersionPaths[0], new FakeAnswer(200, "{}"));
        api.AlwaysFail(VersionPaths[1], new FakeAnswer(200, "{}"));
        var (later, _) = await ProbeAsync(bot);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, later);
        Assert.Equal(1, failures);
        Assert.Equal(1, VersionPaths.Select(path => api.RequestsTo(path).Count).Sum());
    }

    [Fact]
    public async Task Cluster_that_recovers_makes_the_bot_ready_again_once_the_cache_expires()
    {
        await using var api = await SeedCase.StartServerAsync();
        FailVersion(api, 502);
        using var kubeconfig = TempKubeconfig.For(api.BaseUri);
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(
            slack, settings => WithLiveCluster(settings, kubeconfig));

        var (before, _) = await ProbeAsync(bot);
        api.AlwaysFail(VersionPaths[0], new FakeAnswer(200, "{\"major\":\"1\",\"minor\":\"33\"}"));
        api.AlwaysFail(VersionPaths[1], new FakeAnswer(200, "{\"major\":\"1\",\"minor\":\"33\"}"));
        var (after, _) = await ProbeAsync(bot);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    /// <summary>
    /// The seed snapshot stays cluster 0; the live cluster is added after it. A cluster that
    /// answers must not be timed out by a loaded machine, so only the test of a silent one
    /// shortens the readiness timeout.
    /// </summary>
    private static void WithLiveCluster(Dictionary<string, string?> settings, TempKubeconfig kubeconfig)
    {
        settings["Clusters:1:Name"] = LiveCluster;
        settings["Clusters:1:Kubeconfig"] = kubeconfig.Path;
        settings["Server:ReadinessTimeout"] = "00:00:20";
        settings["Server:ReadinessCacheDuration"] = "00:00:00";
    }

    private static void FailVersion(FakeKubeApiServer api, int status)
    {
        foreach (var path in VersionPaths)
        {
            api.AlwaysFail(path, new FakeAnswer(status, ApiStatusBody(status)));
        }
    }

    private static string ApiStatusBody(int status) =>
        new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["status"] = "Failure",
            ["message"] = "fake failure",
            ["code"] = status,
        }.ToJsonString();

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ProbeAsync(RunningBot bot)
    {
        using var response = await bot.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, body);
    }
}
