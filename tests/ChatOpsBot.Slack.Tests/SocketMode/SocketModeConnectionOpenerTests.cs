using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.SocketMode;
using ChatOpsBot.Slack.Tests.WebApi;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary><c>apps.connections.open</c> against the fake Slack's real HTTP.</summary>
public sealed class SocketModeConnectionOpenerTests
{
    [Fact]
    public async Task PostsWithTheAppTokenAndReturnsTheSocketUrl()
    {
        await using var server = await FakeSlackWebApiServer.StartAsync();
        server.EnqueueJson(
            "/api/apps.connections.open", SocketModeFixtures.Read("apps.connections.open.ok.mock.json"));
        using var http = new HttpClient();

        var result = await Opener(http, server.BaseUrl).OpenAsync(default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("Bearer xapp-1-test", request.Authorization);
        Assert.Equal(new Uri("ws://0.0.0.0:3001/link"), result.Url);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task DocumentedWssAnswerIsAccepted()
    {
        await using var server = await FakeSlackWebApiServer.StartAsync();
        server.EnqueueJson(
            "/api/apps.connections.open", SocketModeFixtures.Read("apps.connections.open.ok.docs.json"));
        using var http = new HttpClient();

        var result = await Opener(http, server.BaseUrl).OpenAsync(default);

        Assert.Equal("wss", result.Url!.Scheme);
        Assert.Contains("ticket=12348", result.Url.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"ok":true,"url":"https://wss.slack.example/link"}""")]
    [InlineData("""{"ok":true,"url":"not a url"}""")]
    [InlineData("""{"ok":true}""")]
    public async Task AnswersWithoutAUsableSocketUrlAreInvalid(string answer)
    {
        await using var server = await FakeSlackWebApiServer.StartAsync();
        server.EnqueueJson("/api/apps.connections.open", answer);
        using var http = new HttpClient();

        var result = await Opener(http, server.BaseUrl).OpenAsync(default);

        Assert.Null(result.Url);
        Assert.Equal("invalid_response", result.Error);
    }

    [Fact]
    public async Task SchemaSupersetAnswerWithEmptyErrorIsInvalid()
    {
        await using var server = await FakeSlackWebApiServer.StartAsync();
        var superset = SocketModeFixtures.Read("apps.connections.open.schema-superset.json");
        server.EnqueueJson("/api/apps.connections.open", superset);
        using var http = new HttpClient();

        var result = await Opener(http, server.BaseUrl).OpenAsync(default);

        Assert.Equal("invalid_response", result.Error);
    }

    [Fact]
    public async Task RateLimitCarriesRetryAfter()
    {
        await using var server = await FakeSlackWebApiServer.StartAsync();
        server.EnqueueJson("/api/apps.connections.open", """{"ok":false,"error":"ratelimited"}""", 429, "30");
        using var http = new HttpClient();

        var result = await Opener(http, server.BaseUrl).OpenAsync(default);

        Assert.Equal("ratelimited", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Fact]
    public async Task RefusalsReturnSlacksCode()
    {
        await using var server = await FakeSlackWebApiServer.StartAsync();
        server.EnqueueJson("/api/apps.connections.open", SocketModeFixtures.Read("invalid_auth.json"));
        using var http = new HttpClient();

        var result = await Opener(http, server.BaseUrl).OpenAsync(default);

        Assert.Equal("invalid_auth", result.Error);
    }

    [Fact]
    public async Task PlainWsIsRefusedWhenTheApiIsHttps()
    {
        // A narrow stub: the rule depends only on the configured scheme, and a TLS fake would add nothing.
        using var http = new HttpClient(
            new CannedHandler("""{"ok":true,"url":"ws://downgrade.example/link"}"""));

        var result = await Opener(http, new Uri("https://slack.example/api/")).OpenAsync(default);

        Assert.Null(result.Url);
        Assert.Equal("invalid_response", result.Error);
    }

    private static SocketModeConnectionOpener Opener(HttpClient http, Uri apiBaseUrl) =>
        new(
            http,
            new SocketModeOptions { AppToken = "xapp-1-test", ApiBaseUrl = apiBaseUrl },
            new FakeTimeProvider());

    private sealed class CannedHandler(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonNode.Parse(json)!.ToJsonString()),
            });
    }
}
