using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Tests.Support;
using ChatOpsBot.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Tests.Teams;

/// <summary>
/// The real bot in Teams mode (<c>Teams:AppId</c> set) on Kestrel at 127.0.0.1: it trusts the
/// tokens of a local OpenID server publishing <see cref="Key"/> and talks to a
/// <see cref="FakeBotConnector"/>. One background worker keeps work in arrival order.
/// </summary>
internal sealed class TeamsBot : IAsyncDisposable
{
    public const string AppId = "5e1f7b2a-0c3d-4e5f-8a9b-0c1d2e3f4a5b";

    private TeamsBot(
        WebApplication app, FakeOpenIdServer openId, TestSigningKey key, FakeBotConnector connector,
        CapturedLogs logs, Uri address)
    {
        App = app;
        OpenId = openId;
        Key = key;
        Connector = connector;
        Logs = logs;
        Client = new HttpClient { BaseAddress = address, Timeout = BotTimeouts.Request };
    }

    public WebApplication App { get; }

    public FakeOpenIdServer OpenId { get; }

    public TestSigningKey Key { get; }

    public FakeBotConnector Connector { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Client { get; }

    public static Dictionary<string, string?> Settings(
        FakeBotConnector connector, FakeOpenIdServer openId) => new()
    {
        ["Clusters:0:Name"] = "seed",
        ["Clusters:0:Snapshot"] = RunningBot.SeedSnapshot,
        ["Storage:SqlitePath"] =
            Path.Combine(Path.GetTempPath(), "k8s-access-tests", $"{Guid.NewGuid():N}.db"),
        ["Slack:MaxConcurrentWork"] = "1",
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = "teams-secret-not-real",
        ["Teams:OpenIdMetadataUrl"] = openId.MetadataUrl,
        ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
        ["Teams:OutboundRetryBaseDelay"] = "00:00:00.010",

        // Overrides anything in the environment: no Slack, no playground.
        ["Slack:SigningSecret"] = null,
        ["Slack:BotToken"] = null,
        ["Slack:AppToken"] = null,
        ["Slack:SigningSecretFile"] = null,
        ["Slack:BotTokenFile"] = null,
        ["Playground:Enabled"] = null,
    };

    public static async Task<TeamsBot> StartAsync(
        FakeBotConnector connector, Action<Dictionary<string, string?>>? configure = null)
    {
        var key = new TestSigningKey("teams-e2e-key", "msteams");
        var openId = await FakeOpenIdServer.StartAsync(key);
        var settings = Settings(connector, openId);
        configure?.Invoke(settings);
        var logs = new CapturedLogs();
        var app = RunningBot.Build(settings, logs);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TeamsBot(app, openId, key, connector, logs, new Uri(address));
    }

    /// <summary>A valid Authorization header for an activity from <paramref name="serviceUrl"/>.</summary>
    public string Bearer(string serviceUrl) => "Bearer " + Key.CreateToken(AppId, serviceUrl);

    /// <summary>Posts an activity with a valid token for its own service URL.</summary>
    public Task<HttpResponseMessage> SendAsync(JsonObject activity) =>
        SendAsync(activity, Bearer((string)activity["serviceUrl"]!));

    /// <summary>Posts an activity with the given Authorization value (none when null).</summary>
    public Task<HttpResponseMessage> SendAsync(JsonObject activity, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(
                activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Client.SendAsync(request);
    }

    /// <summary>
    /// The developer pastes <paramref name="text"/> (the seed error when null) as a new channel
    /// thread whose first message is <paramref name="root"/>, and the bot answers with a card.
    /// </summary>
    /// <returns>The bot's card reply and the thread's conversation id.</returns>
    public async Task<(ConnectorCall Reply, string Thread)> DiagnoseInChannelAsync(
        string root, string? text = null)
    {
        var thread = $"{TeamsPayloads.Channel};messageid={root}";
        using var response = await SendAsync(TeamsPayloads.ChannelMessage(
            Connector.ServiceUrl, text ?? SeedError.Text, root, root, Person.Developer, mention: false));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Connector.WaitForAsync(
            call => call.ConversationId == thread && call.Card is not null);
        return (reply, thread);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(stop.Token);
        await App.DisposeAsync();
        await OpenId.DisposeAsync();
        Key.Dispose();
        Logs.Dispose();
    }
}
