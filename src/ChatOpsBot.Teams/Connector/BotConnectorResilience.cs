using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOpsBot.Teams.Connector;

/// <summary>The retry policy of outbound Bot Connector and token calls.</summary>
public static class BotConnectorResilience
{
    /// <summary>
    /// Up to three retries with exponential back-off and jitter from <paramref name="baseDelay"/>,
    /// on 429 (waiting as long as Retry-After says), 412 and 5xx, and on transport failures.
    /// </summary>
    public static HttpRetryStrategyOptions RetryOptions(TimeSpan baseDelay) => new()
    {
        MaxRetryAttempts = 3,
        Delay = baseDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests
            or HttpStatusCode.PreconditionFailed || (int)response.StatusCode >= 500,
        _ => false,
    };
}
