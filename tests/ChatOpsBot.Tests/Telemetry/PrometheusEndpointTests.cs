using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatOpsBot.Server;
using ChatOpsBot.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Tests.Telemetry;

/// <summary>
/// The scrape endpoint of the running bot (Kestrel on 127.0.0.1): after a diagnosis through
/// the signed Slack endpoint, /metrics holds the product's counters and histograms in
/// Prometheus text format; the path and the switch are settings, and bad ones stop the start.
/// </summary>
public sealed class PrometheusEndpointTests
{
    private const string Channel = "C0METRIC1";
    private const string MessageTs = "1712345678.000200";

    [Fact]
    public async Task Scrape_after_a_diagnosis_shows_its_cause_its_duration_and_the_ack_latency()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);

        await DiagnoseSeedErrorAsync(bot);
        var text = await ScrapeAsync(bot, "/metrics");

        Assert.True(
            Sample(text, "k8s_access_bot_diagnoses_total", ("cause", "MissingBinding"), ("origin", "message"))
            >= 1);
        Assert.True(Sample(
            text, "k8s_access_bot_diagnosis_duration_seconds_count", ("cause", "MissingBinding")) >= 1);
        Assert.True(
            Sample(text, "k8s_access_bot_diagnosis_duration_seconds_sum", ("cause", "MissingBinding")) > 0);
        Assert.Matches(
            new Regex(
                "^k8s_access_bot_diagnosis_duration_seconds_bucket\\{[^}]*le=\"\\+Inf\"",
                RegexOptions.Multiline),
            text);
        Assert.Contains("# TYPE k8s_access_bot_diagnoses_total counter", text, StringComparison.Ordinal);
        Assert.Contains(
            "# TYPE k8s_access_bot_diagnosis_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.True(Sample(
            text, "k8s_access_bot_chat_ack_duration_seconds_count", ("endpoint", "events")) >= 1);

        // The standard ASP.NET Core instrumentation is there too.
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_setting_moves_the_endpoint_and_the_switch_turns_it_off()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using (var moved = await RunningBot.StartAsync(
                         slack, settings => settings["Telemetry:Prometheus:Path"] = "/internal/metrics"))
        {
            var scraped = await ScrapeAsync(moved, "/internal/metrics");
            Assert.Contains("# TYPE", scraped, StringComparison.Ordinal);
            using var old = await moved.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }

        await using var off = await RunningBot.StartAsync(
            slack, settings => settings["Telemetry:Prometheus:Enabled"] = "false");
        using var none = await off.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Theory]
    [InlineData("Telemetry:Prometheus:Path", "metrics", "Telemetry:Prometheus:Path")]
    [InlineData("Telemetry:Prometheus:Path", "/slack/metrics", "Telemetry:Prometheus:Path")]
    [InlineData("Telemetry:Prometheus:Path", "/metrics?x=1", "Telemetry:Prometheus:Path")]
    [InlineData("Telemetry:Otlp:Endpoint", "collector:4317", "Telemetry:Otlp:Endpoint")]
    [InlineData("Telemetry:Otlp:Endpoint", "ftp://collector:4317", "Telemetry:Otlp:Endpoint")]
    [InlineData("Telemetry:Otlp:Protocol", "udp", "Telemetry:Otlp:Protocol")]
    [InlineData("Telemetry:ServiceName", " ", "Telemetry:ServiceName")]
    public async Task Unusable_setting_stops_the_start_naming_the_setting(
        string key, string value, string named)
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        var settings = RunningBot.Settings(slack);
        settings[key] = value;

        var problem = Assert.Throws<OptionsValidationException>(() => BotServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }));

        Assert.Contains(problem.Failures, failure => failure.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Otlp_endpoint_set_starts_the_bot_without_sending_anything_at_start()
    {
        // A closed loopback port: the exporter may try later, never anywhere else.
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack, settings =>
        {
            settings["Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:9";
            settings["Telemetry:Otlp:Protocol"] = "http/protobuf";
        });

        await DiagnoseSeedErrorAsync(bot);
        var scraped = await ScrapeAsync(bot, "/metrics");
        Assert.Contains("k8s_access_bot_diagnoses_total", scraped, StringComparison.Ordinal);
    }

    private static async Task DiagnoseSeedErrorAsync(RunningBot bot)
    {
        using var sent = await bot.SendAsync(SignedRequests.Event(SlackPayloads.Message(
            $"Ev{Guid.NewGuid():N}"[..12], SeedError.Text, Channel, MessageTs, "U0DEV0001")));
        sent.EnsureSuccessStatusCode();
        await bot.Slack.WaitForPostAsync(Channel);
    }

    private static async Task<string> ScrapeAsync(RunningBot bot, string path)
    {
        using var response = await bot.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(
            "text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The sum of the samples of <paramref name="metric"/> whose labels include the given ones;
    /// fails when there is none.
    /// </summary>
    private static double Sample(string text, string metric, params (string Name, string Value)[] labels)
    {
        var values = text.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(
                $"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
            .Select(line => double.Parse(
                line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(values.Count > 0, $"no sample of {metric} with {string.Join(", ", labels)} in:\n{text}");
        return values.Sum();
    }
}
