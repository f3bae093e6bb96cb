using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Configuration;
using ChatOpsBot.Teams.Connector;
using ChatOpsBot.Teams.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Teams.Tests.Connector;

/// <summary>The real client and retry pipeline against an in-process token and connector fake.</summary>
public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Conversation = "19:abc@thread.tacv2;messageid=1759881511856";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeBotConnector _fake = null!;
    private ServiceProvider _services = null!;

    private string ServiceUrl => _fake.BaseAddress + "/amer/";

    public async Task InitializeAsync()
    {
        _fake = await FakeBotConnector.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "test-secret-not-real",
            ["Teams:TokenEndpoint"] = _fake.TokenEndpoint,
            ["Teams:OutboundRetryBaseDelay"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTeamsFrontEnd(configuration);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_is_posted_to_the_threaded_path_with_a_client_credentials_token()
    {
        var id = await Client().ReplyToActivityAsync(
            ServiceUrl, Conversation, "1759944781430", Message("hi"), default);

        Assert.Equal("reply-1", id);
        var (path, authorization, body) = Assert.Single(_fake.Activities);
        Assert.Equal("/amer/v3/conversations/" + Uri.EscapeDataString(Conversation) + "/activities/1759944781430",
            path);
        Assert.Equal("Bearer token-1", authorization);
        Assert.Equal("hi", body["text"]!.GetValue<string>());
        var form = Assert.Single(_fake.TokenForms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("test-secret-not-real", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task An_update_is_a_put_on_the_activity_with_its_id_in_the_body()
    {
        await Client().UpdateActivityAsync(
            ServiceUrl, Conversation, "1:abc/def", Message("new text"), default);

        Assert.Empty(_fake.Activities);
        var (path, authorization, body) = Assert.Single(_fake.Updates);
        Assert.Equal("/amer/v3/conversations/" + Uri.EscapeDataString(Conversation) + "/activities/"
            + Uri.EscapeDataString("1:abc/def"), path);
        Assert.Equal("Bearer token-1", authorization);
        Assert.Equal("new text", body["text"]!.GetValue<string>());
        Assert.Equal("1:abc/def", body["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_of_an_unknown_activity_is_an_error_and_not_retried()
    {
        _fake.Failures.Enqueue((404, null));
        _fake.Failures.Enqueue((404, null));

        await Assert.ThrowsAsync<BotConnectorException>(() => Client().UpdateActivityAsync(
            ServiceUrl, Conversation, "1759944781430", Message("x"), default));
        Assert.Empty(_fake.Updates);
        Assert.Single(_fake.Failures);
    }

    [Fact]
    public async Task The_token_is_reused_until_five_minutes_before_it_expires()
    {
        // Fake time for the token cache only: the retry delays keep real time.
        using var tokens = new BotConnectorTokenProvider(
            _services.GetRequiredService<IHttpClientFactory>(),
            _services.GetRequiredService<IOptions<TeamsOptions>>(),
            _time);
        var client = new BotConnectorClient(_services.GetRequiredService<IHttpClientFactory>(), tokens);
        await client.ReplyToActivityAsync(ServiceUrl, Conversation, "1", Message("a"), default);
        _time.Advance(TimeSpan.FromMinutes(54));
        await client.ReplyToActivityAsync(ServiceUrl, Conversation, "2", Message("b"), default);
        Assert.Equal(1, _fake.TokensIssued);

        _time.Advance(TimeSpan.FromMinutes(2));
        await client.ReplyToActivityAsync(ServiceUrl, Conversation, "3", Message("c"), default);

        Assert.Equal(2, _fake.TokensIssued);
        Assert.Equal("Bearer token-2", _fake.Activities.Last().Authorization);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried()
    {
        _fake.Failures.Enqueue((429, 1));

        var started = DateTime.UtcNow;
        var id = await Client().ReplyToActivityAsync(ServiceUrl, Conversation, "1", Message("a"), default);

        Assert.Equal("reply-1", id);
        Assert.Single(_fake.Activities);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(900), "Retry-After was not honoured");
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        _fake.Failures.Enqueue((503, null));
        _fake.Failures.Enqueue((500, null));

        var id = await Client().ReplyToActivityAsync(ServiceUrl, Conversation, "1", Message("a"), default);

        Assert.Equal("reply-1", id);
        Assert.True(_fake.Failures.IsEmpty);
    }

    [Fact]
    public async Task Persistent_server_errors_end_in_an_exception_after_three_retries()
    {
        for (var i = 0; i < 4; i++)
        {
            _fake.Failures.Enqueue((502, null));
        }

        var error = await Assert.ThrowsAsync<BotConnectorException>(
            () => Client().ReplyToActivityAsync(ServiceUrl, Conversation, "1", Message("a"), default));

        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.True(_fake.Failures.IsEmpty);
        Assert.Empty(_fake.Activities);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _fake.Failures.Enqueue((400, null));
        _fake.Failures.Enqueue((400, null));

        await Assert.ThrowsAsync<BotConnectorException>(
            () => Client().ReplyToActivityAsync(ServiceUrl, Conversation, "1", Message("a"), default));

        Assert.Single(_fake.Failures);
    }

    [Fact]
    public async Task A_refused_token_is_replaced_once()
    {
        _fake.Failures.Enqueue((401, null));

        await Client().ReplyToActivityAsync(ServiceUrl, Conversation, "1", Message("a"), default);

        Assert.Equal(2, _fake.TokensIssued);
        Assert.Equal("Bearer token-2", Assert.Single(_fake.Activities).Authorization);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("not a url")]
    public async Task A_service_url_that_is_not_https_is_refused_before_any_call(string serviceUrl)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Client().ReplyToActivityAsync(serviceUrl, Conversation, "1", Message("a"), default));

        Assert.Equal(0, _fake.TokensIssued);
    }

    private BotConnectorClient Client() => _services.GetRequiredService<BotConnectorClient>();

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };
}
