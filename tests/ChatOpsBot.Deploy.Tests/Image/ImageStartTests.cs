using System.Net;
using System.Text.Json;
using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Image;

/// <summary>
/// The image built from the Dockerfile's own steps, started with its own entry point, command
/// and environment: it serves, answers its probes, and stops cleanly on SIGTERM.
/// </summary>
[Collection(BuiltImageGroup.Name)]
public sealed class ImageStartTests(BuiltImageFixture built)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ServesProbesThenExitsWithZeroOnSigterm()
    {
        var signingSecret = "signing-" + Guid.NewGuid().ToString("N");
        var botToken = "xoxb-test-" + Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string>(built.Image.Environment)
        {
            ["Clusters__0__Name"] = "seed",
            ["Clusters__0__Snapshot"] = Repository.PathOf("examples/seed-exec-forbidden/cluster"),
            ["Slack__SigningSecret"] = signingSecret,
            ["Slack__BotToken"] = botToken,
            // Nothing may leave this machine: Slack's Web API is a closed loopback port.
            ["Slack__ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}/api/",
        };

        await using var bot = StartImage(environment);

        using (var health = await bot.WaitForOkAsync("/healthz", StartLimit))
        {
            Assert.Equal("ok", await health.Content.ReadAsStringAsync());
        }

        using (var ready = await bot.WaitForOkAsync("/readyz", StartLimit))
        {
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.GetProperty("ready").GetBoolean());
            var clusters = body.RootElement.GetProperty("clusters").EnumerateArray();
            Assert.Equal(["seed"], clusters.Select(cluster => cluster.GetString()));
        }

        // The Slack endpoints are live in the published app, and check signatures.
        using (var http = new HttpClient { BaseAddress = bot.BaseAddress })
        using (var form = new FormUrlEncodedContent([new("command", "/k8s-access"), new("text", "hello")]))
        using (var unsigned = await http.PostAsync(new Uri("/slack/commands", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        Assert.Equal(0, await bot.TerminateAsync(StopLimit));
        Assert.DoesNotContain(signingSecret, bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(botToken, bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsJsonLinesOnStandardOutputAndServesPrometheusMetrics()
    {
        var environment = new Dictionary<string, string>(built.Image.Environment)
        {
            ["Clusters__0__Name"] = "seed",
            ["Clusters__0__Snapshot"] = Repository.PathOf("examples/seed-exec-forbidden/cluster"),
            ["Slack__SigningSecret"] = "signing-" + Guid.NewGuid().ToString("N"),
            ["Slack__BotToken"] = "xoxb-test-" + Guid.NewGuid().ToString("N"),
            ["Slack__ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}/api/",
        };

        await using var bot = StartImage(environment);
        (await bot.WaitForOkAsync("/readyz", StartLimit)).Dispose();
        using (var metrics = await bot.WaitForOkAsync("/metrics", StartLimit))
        {
            Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
            Assert.Contains("# TYPE", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var http = new HttpClient { BaseAddress = bot.BaseAddress })
        using (var form = new FormUrlEncodedContent([new("command", "/k8s-access")]))
        using (var unsigned = await http.PostAsync(
                   new Uri("/slack/commands?probe=1", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        Assert.Equal(0, await bot.TerminateAsync(StopLimit));

        var lines = bot.StandardOutputLines.Where(line => line.Length > 0).ToList();
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => ParseLogLine(line, bot.Output)).ToList();
        var request = Assert.Single(entries, entry =>
            entry.GetProperty("Category").GetString() == "ChatOpsBot.Telemetry.RequestLogMiddleware"
            && entry.GetProperty("LogLevel").GetString() == "Information");
        var state = request.GetProperty("State");
        Assert.Equal("POST", state.GetProperty("Method").GetString());
        Assert.Equal("/slack/commands", state.GetProperty("Route").GetString());
        Assert.Equal(401, state.GetProperty("StatusCode").GetInt32());
    }

    [Fact]
    public async Task ExitsWithCodeTwoAndOneLineWhenNoClusterIsConfigured()
    {
        var environment = new Dictionary<string, string>(built.Image.Environment)
        {
            ["Slack__SigningSecret"] = "signing",
            ["Slack__BotToken"] = "xoxb-test",
        };

        await using var bot = StartImage(environment);

        Assert.Equal(2, await bot.WaitForExitAsync(StartLimit));
        Assert.Contains(
            "serve: configuration: no cluster is configured", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildLeavesTheAppInTheWorkingDirectoryAndRunsNoBuildStepInTheFinalStage()
    {
        var app = built.Image.OnHost(built.Image.WorkingDirectory);
        var entryDll = Assert.Single(
            built.Image.EntryPoint.Concat(built.Image.Command),
            word => word.EndsWith(".dll", StringComparison.Ordinal));
        Assert.True(
            File.Exists(Path.Combine(app, entryDll)),
            $"{entryDll} is not in the image's {built.Image.WorkingDirectory}");
        Assert.True(File.Exists(Path.Combine(app, "ChatOpsBot.runtimeconfig.json")));

        // The final stage only prepares the OS; anything that builds belongs in the build stage.
        Assert.DoesNotContain(
            built.Image.SkippedSteps, step => step.Arguments.Contains("dotnet", StringComparison.Ordinal));
    }

    // One JSON object per line, with the fields a log collector keys on.
    private static JsonElement ParseLogLine(string line, string output)
    {
        JsonElement entry;
        try
        {
            using var document = JsonDocument.Parse(line);
            entry = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"a standard output line is not JSON: {line}\n{output}");
        }

        Assert.Equal(JsonValueKind.Object, entry.ValueKind);
        foreach (var field in new[] { "Timestamp", "LogLevel", "Category", "Message" })
        {
            Assert.True(entry.TryGetProperty(field, out _), $"no {field} in {line}");
        }

        return entry;
    }

    private RunningBot StartImage(IReadOnlyDictionary<string, string> environment) =>
        RunningBot.Start(
            built.Image.Root,
            [.. built.Image.EntryPoint, .. built.Image.Command],
            built.Image.OnHost(built.Image.WorkingDirectory),
            environment);
}
