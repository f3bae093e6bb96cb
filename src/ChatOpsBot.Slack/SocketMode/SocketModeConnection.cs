using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>How a socket's receive loop ended.</summary>
/// <param name="Description">Why, for logs (close status, exception type); never a payload.</param>
internal sealed record SocketModeConnectionEnd(string Description);

/// <summary>
/// One WebSocket to Slack: reads frames, answers <c>hello</c> and <c>disconnect</c> through its
/// signals, and runs envelopes through the dispatcher, sending each ack on this same socket.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SocketModeOptions _options;
    private readonly SocketModeEnvelopeDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _concurrency;
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _receiveStop = new();
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<SocketModeConnectionEnd> _receiveLoop =
        Task.FromResult(new SocketModeConnectionEnd("not started"));
    private volatile bool _closing;

    private SocketModeConnection(
        int number,
        ClientWebSocket socket,
        SocketModeOptions options,
        SocketModeEnvelopeDispatcher dispatcher,
        ILogger logger,
        CancellationToken stopping)
    {
        Number = number;
        _socket = socket;
        _options = options;
        _dispatcher = dispatcher;
        _logger = logger;
        _stopping = stopping;
        _concurrency = new SemaphoreSlim(options.MaxConcurrentEnvelopes, options.MaxConcurrentEnvelopes);
    }

    /// <summary>The connection's sequence number, for logs.</summary>
    public int Number { get; }

    /// <summary>Completes when Slack says <c>hello</c>; faults if the socket ends first.</summary>
    public Task Hello => _hello.Task;

    /// <summary>Completes with the reason of the first <c>disconnect</c> frame.</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes when the socket stops receiving, for whatever reason.</summary>
    public Task<SocketModeConnectionEnd> Completion => _receiveLoop;

    /// <summary>
    /// Opens the socket and starts reading. <paramref name="stopping"/> is the service's
    /// shutdown token, which handlers also receive.
    /// </summary>
    public static async Task<SocketModeConnection> ConnectAsync(
        Uri url,
        int number,
        SocketModeOptions options,
        SocketModeEnvelopeDispatcher dispatcher,
        ILogger logger,
        CancellationToken stopping)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            deadline.CancelAfter(options.ConnectTimeout);
            await socket.ConnectAsync(url, deadline.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SocketModeConnection(number, socket, options, dispatcher, logger, stopping);
        connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>
    /// Closes gracefully: stops taking envelopes, lets the ones in flight send their acks, then
    /// runs the close handshake. Anything slower than the close timeout is cut off.
    /// </summary>
    public async Task CloseAsync()
    {
        _closing = true;
        using var deadline = new CancellationTokenSource(_options.CloseTimeout);

        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Those envelopes stay unacknowledged; Slack redelivers them on the new socket.
        }

        try
        {
            await SendLockedAsync(
                    () => _socket.State == WebSocketState.Open
                        ? _socket.CloseOutputAsync(
                            WebSocketCloseStatus.NormalClosure, "refresh", deadline.Token)
                        : Task.CompletedTask,
                    deadline.Token)
                .ConfigureAwait(false);
            await _receiveLoop.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsSocketFailure(ex))
        {
            _socket.Abort();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _receiveStop.Cancel();
        _socket.Abort();

        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop was told to stop.
        }

        _socket.Dispose();
        _receiveStop.Dispose();
        _sendLock.Dispose();
        _concurrency.Dispose();
    }

    private async Task<SocketModeConnectionEnd> ReceiveLoopAsync()
    {
        var reader = new SocketModeMessageReader(_socket, _options.MaxMessageBytes);

        // Not the shutdown token: cancelling a ClientWebSocket read aborts the socket, which would
        // cut off the close handshake CloseAsync starts on shutdown. Only DisposeAsync stops it.
        var stop = _receiveStop.Token;

        try
        {
            while (true)
            {
                var kind = await reader.ReadAsync(stop).ConfigureAwait(false);
                switch (kind)
                {
                    case SocketModeReadKind.Close:
                        await AnswerCloseAsync().ConfigureAwait(false);
                        return new SocketModeConnectionEnd(
                            $"closed by Slack: {_socket.CloseStatus?.ToString() ?? "no status"}");

                    case SocketModeReadKind.Skipped when reader.LastSkipWasTooLarge:
                        SocketModeLog.FrameTooLarge(_logger, Number, _options.MaxMessageBytes);
                        break;

                    case SocketModeReadKind.Text:
                        await OnTextAsync(reader.Text, stop).ConfigureAwait(false);
                        break;

                    default:
                        SocketModeLog.Ignored(_logger, Number, "binary");
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return new SocketModeConnectionEnd("stopped");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            return new SocketModeConnectionEnd($"dropped: {ex.GetType().Name}");
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The socket ended before Slack said hello."));
        }
    }

    private async Task OnTextAsync(ReadOnlyMemory<byte> text, CancellationToken cancellationToken)
    {
        var frame = SocketModeFrame.TryParse(text.Span);
        if (frame is null)
        {
            SocketModeLog.MalformedFrame(_logger, Number);
            return;
        }

        switch (frame.Type)
        {
            case SocketModeFrame.Hello:
                SocketModeLog.Ready(
                    _logger, Number, frame.NumConnections, frame.ApproximateConnectionSeconds);
                _hello.TrySetResult();
                return;

            case SocketModeFrame.Disconnect:
                var reason = frame.Reason ?? "unknown";
                SocketModeLog.DisconnectRequested(_logger, Number, reason);
                _disconnect.TrySetResult(reason);
                return;
        }

        if (frame.EnvelopeId is not { Length: > 0 })
        {
            SocketModeLog.Ignored(_logger, Number, frame.Type);
            return;
        }

        if (_closing)
        {
            // Its ack could not be sent on a closing socket; Slack will redeliver it elsewhere.
            SocketModeLog.Ignored(_logger, Number, frame.Type);
            return;
        }

        // Bounded: when handlers pile up, reading pauses instead of starting unlimited work.
        await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        var work = Task.Run(() => ProcessAsync(frame), CancellationToken.None);
        _inFlight.TryAdd(work, 0);
        _ = work.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task ProcessAsync(SocketModeFrame envelope)
    {
        try
        {
            await _dispatcher.DispatchAsync(envelope, SendTextAsync, _stopping).ConfigureAwait(false);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    // Acks of envelopes finishing during shutdown must still go out (a cancelled send aborts the
    // socket), so sends follow the connection's lifetime; CloseAsync bounds how long that is.
    private Task SendTextAsync(string json) =>
        SendLockedAsync(
            () => _socket.SendAsync(
                Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, _receiveStop.Token),
            _receiveStop.Token);

    // ClientWebSocket allows one send at a time; acks from parallel handlers take turns.
    private async Task SendLockedAsync(Func<Task> send, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await send().ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task AnswerCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        try
        {
            using var deadline = new CancellationTokenSource(_options.CloseTimeout);
            await SendLockedAsync(
                    () => _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", deadline.Token),
                    deadline.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (IsSocketFailure(ex))
        {
            _socket.Abort();
        }
    }

    private static bool IsSocketFailure(Exception exception) =>
        exception is WebSocketException or OperationCanceledException or ObjectDisposedException;
}
