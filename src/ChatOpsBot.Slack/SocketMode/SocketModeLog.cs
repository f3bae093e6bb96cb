using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// Socket Mode log lines. They carry connection numbers, envelope ids, types and reasons; never
/// the app token, the socket URL (it holds a ticket) or a payload.
/// </summary>
internal static partial class SocketModeLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "Slack Socket Mode is off: no app-level token is configured")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "Slack Socket Mode connection {Connection} ready ({Connections} open; "
            + "refresh expected in about {Seconds} s)")]
    public static partial void Ready(ILogger logger, int connection, int connections, int seconds);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "Slack Socket Mode connection {Connection} asked to disconnect: {Reason}")]
    public static partial void DisconnectRequested(ILogger logger, int connection, string reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning,
        Message = "Slack Socket Mode connection {Connection} ended ({Ending}); reconnecting in {Delay}")]
    public static partial void Reconnecting(ILogger logger, int connection, string ending, TimeSpan delay);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning,
        Message = "Slack Socket Mode could not connect ({Failure}); retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string failure, TimeSpan delay);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Critical,
        Message = "Slack Socket Mode stopped: apps.connections.open refused the app token ({Error})")]
    public static partial void FatalOpenError(ILogger logger, string error);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error,
        Message = "Slack Socket Mode stopped: Slack disabled Socket Mode for this app (link_disabled)")]
    public static partial void LinkDisabled(ILogger logger);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning,
        Message = "Slack Socket Mode connection {Connection} skipped a message that is not a frame")]
    public static partial void MalformedFrame(ILogger logger, int connection);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning,
        Message = "Slack Socket Mode connection {Connection} skipped a message over {Limit} bytes")]
    public static partial void FrameTooLarge(ILogger logger, int connection, int limit);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Debug,
        Message = "Slack Socket Mode acknowledged envelope {EnvelopeId} ({Type}, payload: {WithPayload})")]
    public static partial void Acknowledged(ILogger logger, string envelopeId, string type, bool withPayload);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning,
        Message = "Slack Socket Mode could not acknowledge envelope {EnvelopeId}")]
    public static partial void AckFailed(ILogger logger, string envelopeId, Exception exception);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Error,
        Message = "Slack Socket Mode handler failed for envelope {EnvelopeId} ({Type})")]
    public static partial void HandlerFailed(
        ILogger logger, string envelopeId, string type, Exception exception);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning,
        Message = "Slack Socket Mode handler missed the ack deadline for envelope {EnvelopeId}; "
            + "acknowledged without its reply")]
    public static partial void HandlerTooSlow(ILogger logger, string envelopeId);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Information,
        Message = "Slack Socket Mode envelope {EnvelopeId} was already handled; acknowledged again")]
    public static partial void Duplicate(ILogger logger, string envelopeId);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Warning,
        Message = "Slack Socket Mode envelope {EnvelopeId} has unknown type {Type} or an unusable payload; "
            + "acknowledged and skipped")]
    public static partial void Unhandled(ILogger logger, string envelopeId, string type);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Debug,
        Message = "Slack Socket Mode connection {Connection} ignored a {Type} frame")]
    public static partial void Ignored(ILogger logger, int connection, string type);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Information,
        Message = "Slack Socket Mode connection {Connection} opened to replace connection {Previous}")]
    public static partial void Replaced(ILogger logger, int connection, int previous);

    [LoggerMessage(EventId = 1217, Level = LogLevel.Error,
        Message = "Slack Socket Mode supervisor hit an unexpected error; retrying in {Delay}")]
    public static partial void Unexpected(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 1218, Level = LogLevel.Warning,
        Message = "Slack Socket Mode envelope {EnvelopeId} ({EnvelopeType}) refused while busy; "
            + "left unacknowledged for Slack to deliver again")]
    public static partial void LeftForRedelivery(ILogger logger, string envelopeId, string? envelopeType);
}
