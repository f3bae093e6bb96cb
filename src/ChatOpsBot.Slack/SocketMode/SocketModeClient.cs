using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Keeps a Socket Mode connection to Slack open while the host runs, so commands, events and
/// interactions reach <see cref="ISlackInboundHandler"/> without any public HTTP endpoint.
/// It does nothing unless <see cref="SocketModeOptions.AppToken"/> holds an app-level token.
/// On a refresh request it opens the new socket before closing the old one; on a drop it
/// reconnects with exponential back-off and jitter; on <c>link_disabled</c> or a refused token
/// it stops.
/// </summary>
public sealed class SocketModeClient : BackgroundService
{
    /// <summary>The name of the HttpClient used for <c>apps.connections.open</c>.</summary>
    public const string HttpClientName = "ChatOpsBot.Slack.SocketMode";

    // apps.connections.open errors that no amount of retrying fixes: the token is wrong.
    private static readonly HashSet<string> FatalOpenErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "not_allowed_token_type", "missing_scope", "account_inactive",
        "token_revoked", "token_expired", "no_permission", "invalid_token",
    };

    private readonly SocketModeOptions _options;
    private readonly SocketModeConnectionOpener _opener;
    private readonly SocketModeEnvelopeDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ILogger<SocketModeClient> _logger;
    // A socket that lived this long counts as a success for the reconnect back-off.
    private static readonly TimeSpan StableConnectionTime = TimeSpan.FromSeconds(30);

    private int _connectionNumber;
    private long _connectedAt;
    private volatile SocketModeConnection? _current;

    /// <summary>Creates the client; normally resolved through <c>AddSlackSocketMode</c>.</summary>
    public SocketModeClient(
        IOptions<SocketModeOptions> options,
        IHttpClientFactory httpClientFactory,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILogger<SocketModeClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        _options = options.Value;
        _time = time;
        _logger = logger;
        var http = httpClientFactory.CreateClient(HttpClientName);
        _opener = new SocketModeConnectionOpener(http, _options, time);
        _dispatcher = new SocketModeEnvelopeDispatcher(scopes, _options, time, logger);
    }

    /// <summary>True while a socket is open and Slack has said hello on it (for readiness checks).</summary>
    public bool IsConnected => _current is { } current
        && current.Hello.IsCompletedSuccessfully && !current.Completion.IsCompleted;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.IsEnabled)
        {
            SocketModeLog.Disabled(_logger);
            return;
        }

        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var outcome = await SuperviseOnceAsync(failures, stoppingToken).ConfigureAwait(false);
                    if (outcome.Stop)
                    {
                        return;
                    }

                    failures = outcome.Failures;
                }
                catch (Exception ex) when (!IsShutdown(ex, stoppingToken))
                {
                    // A bug here must not stop the host or leave Slack unanswered for good.
                    var delay = Backoff(failures++, null);
                    SocketModeLog.Unexpected(_logger, delay, ex);
                    await DropCurrentAsync().ConfigureAwait(false);
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (_current is { } current)
            {
                _current = null;
                await current.CloseAsync().ConfigureAwait(false);
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // One step of the supervision loop: connect if needed, then wait for the socket to end or
    // to be asked to disconnect, and react. Returns whether to stop and the failure count.
    private async Task<(bool Stop, int Failures)> SuperviseOnceAsync(
        int failures, CancellationToken stoppingToken)
    {
        if (_current is null)
        {
            var opened = await TryOpenAsync(stoppingToken).ConfigureAwait(false);
            if (opened.Stop)
            {
                return (true, failures);
            }

            if (opened.Connection is null)
            {
                var delay = Backoff(failures, opened.RetryAfter);
                SocketModeLog.ConnectFailed(_logger, opened.Failure ?? "unknown", delay);
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                return (false, failures + 1);
            }

            _current = opened.Connection;
            _connectedAt = _time.GetTimestamp();
        }

        var current = _current;
        await Task.WhenAny(current.Completion, current.DisconnectRequested)
            .WaitAsync(stoppingToken)
            .ConfigureAwait(false);

        if (!current.Completion.IsCompleted && current.DisconnectRequested.IsCompleted)
        {
            var reason = await current.DisconnectRequested.ConfigureAwait(false);
            var stop = await OnDisconnectRequestedAsync(current, reason, stoppingToken).ConfigureAwait(false);
            if (stop)
            {
                return (true, failures);
            }

            if (!ReferenceEquals(_current, current))
            {
                return (false, failures);
            }

            // No replacement could be opened: keep serving on the old socket until it ends.
            await current.Completion.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        var end = await current.Completion.ConfigureAwait(false);
        _current = null;
        await current.DisposeAsync().ConfigureAwait(false);

        // Only a socket that stayed up a while resets the back-off; one that drops right after
        // hello is a failure too, or a flapping link would hammer apps.connections.open.
        if (_time.GetElapsedTime(_connectedAt) >= StableConnectionTime)
        {
            failures = 0;
        }

        if (current.DisconnectRequested is { IsCompletedSuccessfully: true, Result: "link_disabled" })
        {
            SocketModeLog.LinkDisabled(_logger);
            return (true, failures);
        }

        // Slack announced this end (a refresh whose socket closed before a replacement was
        // up): reconnect at once rather than after a failure's back-off.
        var announced = current.DisconnectRequested is
            { IsCompletedSuccessfully: true, Result: not "too_many_websockets" };
        var wait = announced ? TimeSpan.Zero : Backoff(failures, null);
        SocketModeLog.Reconnecting(_logger, current.Number, end.Description, wait);
        await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
        return (false, failures + 1);
    }

    // Returns true when the client must stop.
    private async Task<bool> OnDisconnectRequestedAsync(
        SocketModeConnection current, string reason, CancellationToken stoppingToken)
    {
        switch (reason)
        {
            case "link_disabled":
                SocketModeLog.LinkDisabled(_logger);
                _current = null;
                await current.CloseAsync().ConfigureAwait(false);
                await current.DisposeAsync().ConfigureAwait(false);
                return true;

            case "too_many_websockets":
                // Another socket would make it worse; serve on until Slack closes this one.
                return false;
        }

        // warning, refresh_requested and anything new: open the replacement first, then close
        // the old socket, so there is no moment without a listener.
        var next = await TryOpenAsync(stoppingToken).ConfigureAwait(false);
        if (next.Stop)
        {
            _current = null;
            await current.CloseAsync().ConfigureAwait(false);
            await current.DisposeAsync().ConfigureAwait(false);
            return true;
        }

        if (next.Connection is null)
        {
            SocketModeLog.ConnectFailed(_logger, next.Failure ?? "unknown", TimeSpan.Zero);
            return false;
        }

        SocketModeLog.Replaced(_logger, next.Connection.Number, current.Number);
        _current = next.Connection;
        _connectedAt = _time.GetTimestamp();
        await current.CloseAsync().ConfigureAwait(false);
        await current.DisposeAsync().ConfigureAwait(false);
        return false;
    }

    private async Task<OpenOutcome> TryOpenAsync(CancellationToken stoppingToken)
    {
        ConnectionsOpenResult answer;
        try
        {
            answer = await _opener.OpenAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException
                                   && !stoppingToken.IsCancellationRequested)
        {
            return new OpenOutcome(null, false, ex.GetType().Name, null);
        }

        if (answer.Error is { } error)
        {
            if (FatalOpenErrors.Contains(error))
            {
                SocketModeLog.FatalOpenError(_logger, error);
                return new OpenOutcome(null, true, error, null);
            }

            return new OpenOutcome(null, false, error, answer.RetryAfter);
        }

        SocketModeConnection? connection = null;
        try
        {
            var number = Interlocked.Increment(ref _connectionNumber);
            connection = await SocketModeConnection
                .ConnectAsync(answer.Url!, number, _options, _dispatcher, _logger, stoppingToken)
                .ConfigureAwait(false);
            await connection.Hello.WaitAsync(_options.HelloTimeout, _time, stoppingToken)
                .ConfigureAwait(false);
            return new OpenOutcome(connection, false, null, null);
        }
        catch (Exception ex)
        {
            var shutdown = IsShutdown(ex, stoppingToken);
            if (connection is not null)
            {
                // Shutdown can land between hello and this method's return: the socket is not
                // _current yet, so nothing else would close it.
                if (shutdown)
                {
                    await connection.CloseAsync().ConfigureAwait(false);
                }

                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (shutdown)
            {
                throw;
            }

            return new OpenOutcome(null, false, ex.GetType().Name, null);
        }
    }

    private async Task DropCurrentAsync()
    {
        if (_current is { } current)
        {
            _current = null;
            await current.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Exponential back-off with "equal jitter": half fixed, half random, so many bots restarting
    // together do not reconnect in lockstep. Slack's Retry-After wins when it is longer.
    private TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(failures, 16);
        var ceiling = Math.Min(
            _options.ReconnectMaxDelay.TotalMilliseconds,
            _options.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var delay = TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));

        return retryAfter is { } wait && wait > delay ? wait : delay;
    }

    private static bool IsShutdown(Exception exception, CancellationToken stoppingToken) =>
        exception is OperationCanceledException && stoppingToken.IsCancellationRequested;

    private sealed record OpenOutcome(
        SocketModeConnection? Connection, bool Stop, string? Failure, TimeSpan? RetryAfter);
}
