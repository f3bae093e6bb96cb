using System.Globalization;
using System.Net;
using k8s.Autorest;
using Polly.Timeout;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// Decides which failures are worth another attempt, and how long the server asked us to wait.
/// Answers that retrying cannot change (401, 403, 404, 409, 410, 422, …) are never retried.
/// </summary>
internal static class TransientFailures
{
    /// <summary>True for 408, 429, 500, 502, 503, 504, timeouts and broken connections.</summary>
    public static bool IsTransient(Exception? exception, CancellationToken callerToken) =>
        exception switch
        {
            HttpOperationException { Response: { } response } => IsTransientStatus(response.StatusCode),
            TimeoutRejectedException => true,
            HttpRequestException => true,
            IOException => true,

            // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
            OperationCanceledException => !callerToken.IsCancellationRequested,
            _ => false,
        };

    /// <summary>True for the statuses a busy or restarting API server answers with.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or
        HttpStatusCode.TooManyRequests or
        HttpStatusCode.InternalServerError or
        HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or
        HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The wait a failed answer asked for in its <c>Retry-After</c> header (seconds or an HTTP
    /// date), or null when it asked for none or for nonsense.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception? exception, DateTimeOffset now)
    {
        if (exception is not HttpOperationException { Response.Headers: { } headers })
        {
            return null;
        }

        var value = headers
            .Where(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
            .SelectMany(header => header.Value ?? [])
            .FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
