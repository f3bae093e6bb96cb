using ChatOpsBot.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// The real bot (<see cref="BotServer.Build"/>: the diagnosis engine over the seed snapshot,
/// the Slack endpoints, the queue and the Web API client) on Kestrel at 127.0.0.1, talking to
/// a <see cref="FakeSlackServer"/>. One background worker keeps work in arrival order, so a
/// later message answered proves that every earlier one has been dealt with.
/// </summary>
internal sealed class RunningBot : IAsyncDisposable
{
    public const string SigningSecret = "e2e-signing-secret-3f9a1c7b52d8";
    public const string BotToken = "xoxb-e2e-0000000000-bot-token-not-real";
    public const string BotUserId = "UBOTE2E01";
    public const string Command = "/k8s-access";

    /// <summary>The channel <see cref="DrainAsync"/> posts in.</summary>
    public const string SentinelChannel = "CDRAIN001";

    private int drains;

    private RunningBot(WebApplication app, FakeSlackServer slack, CapturedLogs logs, Uri address)
    {
        App = app;
        Slack = slack;
        Logs = logs;
        Client = new HttpClient { BaseAddress = address, Timeout = BotTimeouts.Request };
    }

    public WebApplication App { get; }

    public FakeSlackServer Slack { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Client { get; }

    /// <summary>The seed case's cluster folder in the test output.</summary>
    public static string SeedSnapshot =>
        Path.Combine(AppContext.BaseDirectory, "examples", "seed-exec-forbidden", "cluster");

    /// <summary>The settings of a working bot; tests change or remove entries.</summary>
    public static Dictionary<string, string?> Settings(FakeSlackServer slack) => new()
    {
        ["Clusters:0:Name"] = "seed",
        ["Clusters:0:Snapshot"] = SeedSnapshot,
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        ["Slack:BotUserId"] = BotUserId,
        ["Slack:MaxConcurrentWork"] = "1",

        // Each bot gets its own SQLite file, so tests never see each other's records.
        ["Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), "k8s-access-tests", $"{Guid.NewGuid():N}.db"),

        // Overrides anything in the environment: no Socket Mode, no secret files.
        ["Slack:AppToken"] = null,
        ["Slack:SigningSecretFile"] = null,
        ["Slack:BotTokenFile"] = null,
    };

    /// <summary>
    /// The bot built with <paramref name="settings"/> and a capturing logger, not started;
    /// <paramref name="customize"/> changes the builder last (another logger, say).
    /// </summary>
    public static WebApplication Build(
        Dictionary<string, string?> settings,
        CapturedLogs logs,
        Action<WebApplicationBuilder>? customize = null) =>
        BotServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            customize?.Invoke(builder);
        });

    public static async Task<RunningBot> StartAsync(
        FakeSlackServer slack,
        Action<Dictionary<string, string?>>? configure = null,
        Action<WebApplicationBuilder>? customize = null)
    {
        var settings = Settings(slack);
        configure?.Invoke(settings);
        var logs = new CapturedLogs();
        var app = Build(settings, logs, customize);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningBot(app, slack, logs, new Uri(address));
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    /// <summary>
    /// Posts a pasted seed error in its own channel and waits for the threaded reply: with one
    /// worker taking work in order, everything sent before it is finished by then.
    /// </summary>
    public async Task<SlackCall> DrainAsync()
    {
        var n = Interlocked.Increment(ref drains);
        var ts = $"1700009999.{n:D6}";
        using var request = SignedRequests.Event(SlackPayloads.Message(
            $"EvDRAIN{n:D6}", SeedError.Text, SentinelChannel, ts, "UDRAIN001"));
        using var response = await SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await Slack.WaitForAsync(call =>
            call.Method == "chat.postMessage" && call.Channel == SentinelChannel && call.ThreadTs == ts);
    }

    /// <summary>What reached the fake Slack apart from the drain replies.</summary>
    public IReadOnlyList<SlackCall> CallsBesidesDrain =>
        Slack.Calls
            .Where(call => call.Method != "chat.postMessage" || call.Channel != SentinelChannel)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(stop.Token);
        await App.DisposeAsync();
        Logs.Dispose();
    }
}
