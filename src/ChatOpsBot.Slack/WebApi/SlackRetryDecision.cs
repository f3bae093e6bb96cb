using System.Net;
using Polly.Timeout;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// Decides whether one failed attempt is worth another and how long to wait first. Kept apart
/// from the pipeline wiring so the rules can be tested without HTTP.
/// </summary>
internal sealed class SlackRetryDecision(SlackWebApiOptions options, TimeProvider time)
{
    /// <summary>Whether a call that threw <paramref name="exception"/> may be tried again.</summary>
    public static bool ShouldRetry(Exception exception, bool idempotent) => exception switch
    {
        // A request that never reached Slack cannot have posted anything.
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError } => true,

        // Past this point the request may have been processed; only repeat harmless ones.
        TimeoutRejectedException => idempotent,
        HttpRequestException => idempotent,
        _ => false,
    };

    /// <summary>
    /// Whether an answer asks for another attempt: 429 (unless its Retry-After exceeds the
    /// budget), 408, 5xx, or a 200 whose <c>ok:false</c> code is transient.
    /// </summary>
    public bool ShouldRetry(HttpResponseMessage response, SlackApiResult? body)
    {
        if (RetryAfterTooLong(response))
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            || status >= 500)
        {
            return true;
        }

        return body is { Ok: false } && SlackErrorCode.IsRetryable(body.Error);
    }

    /// <summary>
    /// The wait before the next attempt when the server named one, else null (the pipeline's
    /// exponential back-off with jitter applies).
    /// </summary>
    public TimeSpan? ServerRequestedDelay(HttpResponseMessage? response) =>
        response is null ? null : SlackRetryAfter.From(response, time);

    private bool RetryAfterTooLong(HttpResponseMessage response) =>
        SlackRetryAfter.From(response, time) is { } wait && wait > options.MaxRetryAfter;
}
