using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>A fake Slack plus a client wired exactly as the host wires it (AddSlackWebApi).</summary>
public sealed class SlackWebApiHarness : IAsyncDisposable
{
    public const string BotToken = "xoxb-1111-2222-SECRETbottoken";

    private readonly ServiceProvider _services;

    private SlackWebApiHarness(
        FakeSlackWebApiServer server, ServiceProvider services, RecordingLoggerProvider logs)
    {
        Server = server;
        _services = services;
        Logs = logs;
        Client = services.GetRequiredService<ISlackWebApi>();
    }

    public FakeSlackWebApiServer Server { get; }

    public ISlackWebApi Client { get; }

    public RecordingLoggerProvider Logs { get; }

    /// <summary>Starts the fake and a fast-retrying client, changed by <paramref name="tweak"/>.</summary>
    public static async Task<SlackWebApiHarness> StartAsync(
        Action<SlackWebApiOptions>? tweak = null, TimeProvider? time = null)
    {
        var server = await FakeSlackWebApiServer.StartAsync();
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSlackWebApi(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.BotToken = BotToken;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(20);
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(20);
            tweak?.Invoke(o);
        });

        return new SlackWebApiHarness(server, services.BuildServiceProvider(), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
