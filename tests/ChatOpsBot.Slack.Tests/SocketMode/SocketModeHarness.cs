using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.SocketMode;
using ChatOpsBot.Slack.Tests.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary>A fake Slack plus a <see cref="SocketModeClient"/> wired as the host wires it.</summary>
public sealed class SocketModeHarness : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A111-222-SECRETapptoken";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider _services;
    private bool _stopped;

    private SocketModeHarness(
        FakeSocketModeServer server, ServiceProvider services, RecordingLoggerProvider logs,
        RecordingInboundHandler handler)
    {
        Server = server;
        _services = services;
        Logs = logs;
        Handler = handler;
        Client = services.GetRequiredService<SocketModeClient>();
    }

    public FakeSocketModeServer Server { get; }

    public SocketModeClient Client { get; }

    public RecordingLoggerProvider Logs { get; }

    public RecordingInboundHandler Handler { get; }

    /// <summary>Starts the fake (with <paramref name="script"/> per socket) but not the client.</summary>
    public static async Task<SocketModeHarness> CreateAsync(
        Func<FakeSocketConnection, Task>? script = null, Action<SocketModeOptions>? tweak = null)
    {
        var server = await FakeSocketModeServer.StartAsync();
        if (script is not null)
        {
            server.Script = script;
        }

        var logs = new RecordingLoggerProvider();
        var handler = new RecordingInboundHandler();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));

        // Scoped, as a host with per-request services would register it.
        services.AddScoped<ISlackInboundHandler>(_ => handler);
        services.AddSlackSocketMode(o =>
        {
            o.AppToken = AppToken;
            o.ApiBaseUrl = server.ApiBaseUrl;
            o.ReconnectBaseDelay = TimeSpan.FromMilliseconds(20);
            o.ReconnectMaxDelay = TimeSpan.FromMilliseconds(100);
            o.HelloTimeout = TimeSpan.FromSeconds(5);
            o.CloseTimeout = TimeSpan.FromSeconds(2);
            tweak?.Invoke(o);
        });

        return new SocketModeHarness(server, services.BuildServiceProvider(), logs, handler);
    }

    public Task StartAsync() => Client.StartAsync(CancellationToken.None);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            using var timeout = new CancellationTokenSource(Wait);
            await Client.StopAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
