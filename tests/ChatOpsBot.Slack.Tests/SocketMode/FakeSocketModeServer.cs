using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatOpsBot.Slack.Tests.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary>
/// An in-process Slack for Socket Mode on 127.0.0.1: <c>/api/apps.connections.open</c> hands out
/// <c>ws://…/link?ticket=N</c>, and <c>/link</c> accepts the socket and runs the test's script
/// for that connection. It keeps a timeline of opens and closes to check ordering.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _openReplies = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<FakeSocketConnection>> _connections =
        new();
    private readonly List<string> _timeline = [];
    private readonly List<string?> _openAuthorizations = [];
    private readonly object _gate = new();
    private int _tickets;

    private FakeSocketModeServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The API root to configure as <c>SocketModeOptions.ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>The WebSocket endpoint's base address (ws://127.0.0.1:port/link).</summary>
    public Uri SocketUrl { get; private set; } = null!;

    /// <summary>
    /// Runs for each accepted socket; the connection stays open until it returns and the client closes.
    /// </summary>
    public Func<FakeSocketConnection, Task> Script { get; set; } = c => c.SendAsync(
        SocketModeFixtures.Read("hello.json"));

    public IReadOnlyList<string> Timeline
    {
        get
        {
            lock (_gate)
            {
                return _timeline.ToList();
            }
        }
    }

    public IReadOnlyList<string?> OpenAuthorizations
    {
        get
        {
            lock (_gate)
            {
                return _openAuthorizations.ToList();
            }
        }
    }

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First());
        server.ApiBaseUrl = new Uri(address, "/api/");
        server.SocketUrl = new UriBuilder(address) { Scheme = "ws", Path = "/link" }.Uri;
        return server;
    }

    /// <summary>Queues a scripted answer for the next <c>apps.connections.open</c> call.</summary>
    public void EnqueueOpenReply(Func<HttpContext, Task> reply) => _openReplies.Enqueue(reply);

    /// <summary>Completes with socket number <paramref name="number"/> (from 1) once accepted.</summary>
    public Task<FakeSocketConnection> WaitForConnectionAsync(int number, TimeSpan timeout) =>
        _connections.GetOrAdd(number, _ => NewConnectionSource()).Task.WaitAsync(timeout);

    /// <summary>Position of <paramref name="entry"/> in the timeline, or -1.</summary>
    public int IndexOf(string entry) => Timeline.ToList().IndexOf(entry);

    internal void Note(string entry)
    {
        lock (_gate)
        {
            _timeline.Add(entry);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _connections.Values)
        {
            if (source.Task.IsCompletedSuccessfully)
            {
                source.Task.Result.Abort();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource<FakeSocketConnection> NewConnectionSource() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/api/apps.connections.open":
                await OpenAsync(context);
                return;

            case "/link" when context.WebSockets.IsWebSocketRequest:
                await AcceptAsync(context);
                return;

            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    private async Task OpenAsync(HttpContext context)
    {
        lock (_gate)
        {
            _openAuthorizations.Add(context.Request.Headers.Authorization.FirstOrDefault());
            _timeline.Add($"{context.Request.Method} apps.connections.open");
        }

        if (_openReplies.TryDequeue(out var scripted))
        {
            await scripted(context);
            return;
        }

        // Slack's documented answer, with the URL pointing here.
        var answer = JsonNode.Parse(
            SocketModeFixtures.Read("apps.connections.open.ok.docs.json"))!.AsObject();
        answer["url"] = $"{SocketUrl}?ticket={Interlocked.Increment(ref _tickets)}";
        await FakeSlackWebApiServer.WriteJsonAsync(context, answer.ToJsonString(), 200, null);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        int number;
        lock (_gate)
        {
            number = _timeline.Count(e => e.StartsWith("open:", StringComparison.Ordinal)) + 1;
            _timeline.Add($"open:{number}");
        }

        using var connection = new FakeSocketConnection(
            number, socket, context.Request.QueryString.Value ?? "", this);
        _connections.GetOrAdd(number, _ => NewConnectionSource()).TrySetResult(connection);

        var reading = connection.ReadUntilClosedAsync();
        try
        {
            await Script(connection);
        }
        catch (Exception ex) when (
            ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away mid-script; the test's assertions will say whether that was expected.
        }

        await reading;
    }
}

/// <summary>The server's end of one socket: send frames, read the client's acks.</summary>
public sealed class FakeSocketConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly FakeSocketModeServer _server;
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    internal FakeSocketConnection(int number, WebSocket socket, string query, FakeSocketModeServer server)
    {
        Number = number;
        _socket = socket;
        Query = query;
        _server = server;
    }

    public int Number { get; }

    /// <summary>The query string the client connected with.</summary>
    public string Query { get; }

    /// <summary>Completes when the client closed (or dropped) this socket.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Sends one text message in one frame.</summary>
    public Task SendAsync(string json) => SendFragmentsAsync(json, int.MaxValue);

    /// <summary>Sends one text message split into frames of <paramref name="fragmentBytes"/> bytes.</summary>
    public async Task SendFragmentsAsync(string json, int fragmentBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await _sendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < bytes.Length || offset == 0; offset += fragmentBytes)
            {
                var count = Math.Min(fragmentBytes, bytes.Length - offset);
                var last = offset + count >= bytes.Length;
                await _socket.SendAsync(
                    bytes.AsMemory(offset, count), WebSocketMessageType.Text, last, default);
                if (last)
                {
                    break;
                }
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next text message from the client, parsed.</summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan timeout)
    {
        var text = await _received.Reader.ReadAsync().AsTask().WaitAsync(timeout);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>True when a message from the client is waiting.</summary>
    public bool HasPendingMessage => _received.Reader.TryPeek(out _);

    /// <summary>Starts the close handshake from the server side, as Slack does after a refresh.</summary>
    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "server closing", default);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort() => _socket.Abort();

    internal async Task ReadUntilClosedAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), default);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _server.Note($"closed:{Number}");
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", default);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    await _received.Writer.WriteAsync(Encoding.UTF8.GetString(message.ToArray()));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (
            ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _server.Note($"dropped:{Number}");
        }
        finally
        {
            _received.Writer.TryComplete();
            _closed.TrySetResult();
        }
    }
}
