using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Playground.Tests.Support;
using ChatOpsBot.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Playground.Tests;

/// <summary>
/// When the playground runs (only without Slack settings, only on loopback), and what its API
/// refuses, over real HTTP.
/// </summary>
public sealed class PlaygroundModeTests
{
    [Fact]
    public async Task With_slack_settings_there_is_no_playground()
    {
        var folder = Path.Combine(
            Path.GetTempPath(), "k8s-access-playground-tests", Guid.NewGuid().ToString("N"));
        var app = BotServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Clusters:0:Name"] = "seed",
                ["Clusters:0:Snapshot"] = Path.Combine(PlaygroundBot.ExampleFolder, "cluster"),
                ["Storage:SqlitePath"] = Path.Combine(folder, "store.db"),
                ["Slack:SigningSecret"] = "a-signing-secret-for-tests",
                ["Slack:BotToken"] = "xoxb-test-not-real",
                ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await using (app)
        {
            await app.StartAsync();
            var server = app.Services.GetRequiredService<IServer>();
            var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            foreach (var path in new[] { "/", "/playground/api/messages?role=developer" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }

            Assert.Null(app.Services.GetService<PlaygroundChat>());
            await app.StopAsync();
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.0.2.10:5080")]
    public void The_playground_refuses_an_address_beyond_this_machine(string urls)
    {
        var refusal = Assert.Throws<ServerConfigurationException>(() => BotServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(NoSlack());
            builder.WebHost.UseUrls(urls);
        }));

        Assert.Contains("127.0.0.1 only", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Slack__BotToken", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ports_alone_mean_every_interface_and_are_refused()
    {
        var settings = NoSlack();
        settings["http_ports"] = "8080";

        var refusal = Assert.Throws<ServerConfigurationException>(() => BotServer.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(settings)));

        Assert.Contains("HTTP_PORTS", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explicit_settings_win_over_the_playground_defaults()
    {
        await using var bot = await PlaygroundBot.StartAsync(settings =>
        {
            settings["Approvals:Channel"] = "C0OWNAPPR";
            settings["Verification:Deadline"] = "00:07:00";
        });

        var configuration = bot.App.Services.GetRequiredService<IConfiguration>();
        Assert.Equal("C0OWNAPPR", configuration["Approvals:Channel"]);
        Assert.Equal("00:07:00", configuration["Verification:Deadline"]);
        Assert.Equal("00:00:00.200", configuration["Verification:Interval"]);
        Assert.Equal("U0PLAYADM", configuration["Approvals:Approvers:0"]);
        Assert.EndsWith("store.db", configuration["Storage:SqlitePath"], StringComparison.Ordinal);
        Assert.Equal("playground", configuration["Clusters:0:Name"]);
        Assert.Null(configuration["Clusters:1:Name"]);
    }

    [Fact]
    public async Task The_page_is_self_contained_and_served_with_a_strict_policy()
    {
        await using var bot = await PlaygroundBot.StartAsync();

        using var page = await bot.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        foreach (var asset in new[] { "/playground/playground.js", "/playground/playground.css" })
        {
            var text = await bot.Client.GetStringAsync(new Uri(asset, UriKind.Relative));
            Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
            Assert.DoesNotContain("fonts.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused()
    {
        await using var bot = await PlaygroundBot.StartAsync();
        using var request = new HttpRequestMessage(
            HttpMethod.Get, new Uri("/playground/api/messages?role=developer", UriKind.Relative));
        request.Headers.Host = "attacker.example";

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Bad_posts_and_clicks_are_refused_and_change_nothing()
    {
        await using var bot = await PlaygroundBot.StartAsync();
        var chat = bot.App.Services.GetRequiredService<PlaygroundChat>();

        const HttpStatusCode Bad = HttpStatusCode.BadRequest;
        Assert.Equal(Bad, await StatusAsync(bot, "messages", new { role = "root", text = "hi" }));
        Assert.Equal(Bad, await StatusAsync(bot, "messages", new { role = "developer", text = " " }));
        Assert.Equal(Bad, await StatusAsync(
            bot, "messages", new { role = "developer", text = new string('x', 40_001) }));
        Assert.Equal(Bad, await StatusAsync(
            bot, "messages", new { role = "developer", text = "hi", channel = "C0NO" }));
        Assert.Equal(Bad, await StatusAsync(
            bot, "messages", new { role = "developer", text = "hi", threadTs = "1.01" }));
        Assert.Equal(0, chat.Version);

        // The developer's own ephemeral acknowledgement of a command is not the admin's to click or read.
        var posted = await PostAsync(bot, "messages", new { role = "developer", text = "/k8s-access help" });
        posted.EnsureSuccessStatusCode();
        var developer = await ReadAsync(bot, "developer");
        var admin = await ReadAsync(bot, "admin");
        Assert.NotEmpty(developer);
        Assert.Empty(admin);
        var key = (string)developer[0]!["key"]!;
        const HttpStatusCode Missing = HttpStatusCode.NotFound;
        Assert.Equal(Missing, await StatusAsync(bot, "actions", Click("admin", key)));
        Assert.Equal(Missing, await StatusAsync(bot, "actions", Click("developer", key)));
        Assert.Equal(Missing, await StatusAsync(bot, "actions", Click("developer", "C0PLAYTEAM:1.1")));
    }

    [Theory]
    [InlineData("messages", "not json", HttpStatusCode.BadRequest)]
    [InlineData("messages", "[1, 2]", HttpStatusCode.BadRequest)]
    [InlineData("actions", "{\"role\": \"admin\", \"blockIndex\": \"first\"}", HttpStatusCode.BadRequest)]
    [InlineData("messages", "null", HttpStatusCode.BadRequest)]
    [InlineData("messages", "oversized", HttpStatusCode.RequestEntityTooLarge)]
    public async Task Malformed_or_oversized_bodies_get_a_problem_that_says_why_and_change_nothing(
        string path, string body, HttpStatusCode expected)
    {
        await using var bot = await PlaygroundBot.StartAsync();
        var chat = bot.App.Services.GetRequiredService<PlaygroundChat>();
        var json = body == "oversized"
            ? "{\"role\":\"developer\",\"text\":\"" + new string('x', 3_000_000) + "\"}"
            : body;
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await bot.Client.PostAsync(
            new Uri($"/playground/api/{path}", UriKind.Relative), content);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.False(string.IsNullOrWhiteSpace((string?)problem?["detail"]));
        }

        Assert.Equal(0, chat.Version);
    }

    private static Dictionary<string, string?> NoSlack() => new()
    {
        ["Clusters:0:Name"] = "seed",
        ["Clusters:0:Snapshot"] = Path.Combine(PlaygroundBot.ExampleFolder, "cluster"),
        ["Slack:SigningSecret"] = null,
        ["Slack:SigningSecretFile"] = null,
        ["Slack:BotToken"] = null,
        ["Slack:BotTokenFile"] = null,
        ["Slack:AppToken"] = null,
        ["Slack:AppTokenFile"] = null,
        ["Playground:Enabled"] = null,
    };

    private static Task<HttpResponseMessage> PostAsync(PlaygroundBot bot, string path, object body) =>
        bot.Client.PostAsJsonAsync(new Uri($"/playground/api/{path}", UriKind.Relative), body);

    private static object Click(string role, string key) =>
        new { role, messageKey = key, blockIndex = 0, actionId = "x" };

    private static async Task<HttpStatusCode> StatusAsync(PlaygroundBot bot, string path, object body)
    {
        using var response = await PostAsync(bot, path, body);
        return response.StatusCode;
    }

    private static async Task<JsonArray> ReadAsync(PlaygroundBot bot, string role)
    {
        var feed = await bot.Client.GetFromJsonAsync<JsonObject>(
            new Uri($"/playground/api/messages?role={role}&since=0", UriKind.Relative));
        return (JsonArray)feed!["messages"]!;
    }
}
