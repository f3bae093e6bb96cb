using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// The Web API client's log lines. They name the method, statuses and Slack's error codes; never
/// the token, a URL (a <c>response_url</c> is a credential) or a message body.
/// </summary>
internal static partial class SlackWebApiLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "Slack {Method} attempt {Attempt} failed ({Failure}); retrying in {Delay}")]
    public static partial void Retrying(
        ILogger logger, string method, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Slack {Method} answered ok:false with {Error} (needed: {Needed}; provided: {Provided})")]
    public static partial void SlackError(
        ILogger logger, string method, string error, string? needed, string? provided);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Slack {Method} answered HTTP {StatusCode} without Slack's JSON envelope")]
    public static partial void HttpError(ILogger logger, string method, int statusCode);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Slack {Method} timed out")]
    public static partial void TimedOut(ILogger logger, string method);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Slack {Method} succeeded")]
    public static partial void Succeeded(ILogger logger, string method);
}
