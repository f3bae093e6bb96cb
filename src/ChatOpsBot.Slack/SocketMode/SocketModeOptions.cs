namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Settings of the Socket Mode client. Socket Mode is on exactly when <see cref="AppToken"/>
/// holds an app-level token (<c>xapp-…</c>, scope <c>connections:write</c>); it is then the way
/// Slack's commands, events and interactions reach the bot, with no public HTTP endpoint.
/// </summary>
public sealed class SocketModeOptions
{
    /// <summary>The app-level token prefix Slack issues.</summary>
    public const string AppTokenPrefix = "xapp-";

    /// <summary>The app-level token. Empty turns Socket Mode off. Never logged.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>The Web API root where <c>apps.connections.open</c> is called.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The first wait before reconnecting after a failure; it doubles up to the maximum.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two reconnection attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time <c>apps.connections.open</c> plus the WebSocket handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a new socket may take to say <c>hello</c> before it is given up.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the client waits for the handler's reply before acknowledging an envelope that
    /// accepts a response payload. Slack wants the ack within 3 s, so keep this under that.
    /// </summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How often the client pings Slack to find a dead socket.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a ping may go unanswered before the socket is dropped and replaced.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long closing a socket may take (in-flight acks, then the close handshake).</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest message accepted; a larger one is skipped unacknowledged.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many envelopes one socket handles at once before it stops reading.</summary>
    public int MaxConcurrentEnvelopes { get; set; } = 16;

    /// <summary>
    /// Asks Slack for short-lived sockets (<c>debug_reconnects=true</c>, about 6 minutes) to
    /// exercise the refresh path. For testing only.
    /// </summary>
    public bool DebugReconnects { get; set; }

    /// <summary>True when an app-level token is configured.</summary>
    public bool IsEnabled => AppToken.StartsWith(AppTokenPrefix, StringComparison.Ordinal);
}
