using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace ChatOpsBot.Telemetry;

/// <summary>
/// One log line per HTTP request: method, route (the endpoint's pattern, or the path without
/// its query string when no endpoint matched), status and duration. Probes, the scrape endpoint
/// and the playground's polling are logged at Debug, so they do not drown the rest.
/// </summary>
internal sealed partial class RequestLogMiddleware
{
    private const int MaxPathLength = 200;
    private const int MaxMethodLength = 16;

    private readonly RequestDelegate _next;
    private readonly ILogger<RequestLogMiddleware> _logger;
    private readonly HashSet<string> _quietPaths;

    /// <summary>Creates the middleware.</summary>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="logger">Where the lines go.</param>
    /// <param name="quietPaths">Paths logged at Debug only.</param>
    public RequestLogMiddleware(
        RequestDelegate next, ILogger<RequestLogMiddleware> logger, IEnumerable<string> quietPaths)
    {
        _next = next;
        _logger = logger;
        _quietPaths = new HashSet<string>(quietPaths, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Runs the request and logs its line, also when it throws.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            Log(context, failed, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Log(HttpContext context, bool failed, TimeSpan elapsed)
    {
        var path = context.Request.Path.Value ?? "/";
        var quiet = _quietPaths.Contains(path);
        if (!_logger.IsEnabled(quiet ? LogLevel.Debug : LogLevel.Information))
        {
            return;
        }

        var status = failed && !context.Response.HasStarted
            ? StatusCodes.Status500InternalServerError
            : context.Response.StatusCode;
        var method = Bounded(context.Request.Method, MaxMethodLength);
        var route = RouteOf(context, path);
        var durationMs = Math.Round(elapsed.TotalMilliseconds, 1);
        if (quiet)
        {
            LogQuietRequest(_logger, method, route, status, durationMs);
        }
        else
        {
            LogRequest(_logger, method, route, status, durationMs);
        }
    }

    // The pattern for matched routes ("/slack/commands"); a bounded path for the rest, since
    // anyone can send any path (decoded: a %0A would start a fake line in plain-text logs).
    private static string RouteOf(HttpContext context, string path) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { Length: > 0 } pattern }
            ? pattern
            : Bounded(path, MaxPathLength);

    private static string Bounded(string text, int length)
    {
        var kept = text.Length <= length ? text : text[..length] + "…";
        return kept.Any(char.IsControl)
            ? string.Concat(kept.Select(c => char.IsControl(c) ? '?' : c))
            : kept;
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "HTTP {Method} {Route} answered {StatusCode} in {DurationMs} ms")]
    private static partial void LogRequest(
        ILogger logger, string method, string route, int statusCode, double durationMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug,
        Message = "HTTP {Method} {Route} answered {StatusCode} in {DurationMs} ms")]
    private static partial void LogQuietRequest(
        ILogger logger, string method, string route, int statusCode, double durationMs);
}
