using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Octokit;
using Polly;
using Polly.Retry;

namespace ChatOpsBot.GitOps.GitHub;

/// <summary>
/// Retries one GitHub call on what passes by itself (5xx, 429, secondary rate limits, a primary
/// rate limit that resets soon, network errors), waiting as GitHub asks (<c>Retry-After</c>,
/// <c>x-ratelimit-reset</c>) or backing off, bounded. Logical answers (404, 405, 409, 422) are
/// never retried: the caller decides what they mean.
/// </summary>
internal sealed partial class GitHubRetry
{
    private readonly ResiliencePipeline _pipeline;

    public GitHubRetry(GitHubRetryOptions options, TimeProvider time, ILogger logger)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && !args.Context.CancellationToken.IsCancellationRequested
                    && IsTransient(exception, options, time.GetUtcNow())),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception ? DelayFor(exception, args.AttemptNumber, options, time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, Describe(args.Outcome.Exception));
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Runs the call, retrying transient failures.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async _ => await call().ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Runs the call, retrying transient failures.</summary>
    public async Task RunAsync(Func<Task> call, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async _ => await call().ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>True for failures that a later try can get past.</summary>
    internal static bool IsTransient(Exception exception, GitHubRetryOptions options, DateTimeOffset now) =>
        exception switch
        {
            SecondaryRateLimitExceededException or AbuseException => true,
            RateLimitExceededException limit => limit.Reset - now <= options.MaxDelay,
            PullRequestNotMergeableException or PullRequestMismatchException => false,
            ApiException api => (int)api.StatusCode >= 500 || api.StatusCode == HttpStatusCode.TooManyRequests,
            HttpRequestException => true,
            TaskCanceledException or TimeoutException => true,
            _ => false,
        };

    /// <summary>
    /// The wait GitHub asks for (<c>Retry-After</c>, a rate-limit reset; at least a minute after a
    /// secondary limit without one), capped at <see cref="GitHubRetryOptions.MaxDelay"/>; null
    /// for the ordinary exponential backoff.
    /// </summary>
    internal static TimeSpan? DelayFor(Exception exception, int attempt, GitHubRetryOptions options, DateTimeOffset now)
    {
        TimeSpan? wanted = exception switch
        {
            ApiException api when RetryAfter(api, now) is { } retryAfter => retryAfter,
            RateLimitExceededException limit => limit.Reset - now,
            SecondaryRateLimitExceededException or AbuseException => TimeSpan.FromMinutes(Math.Pow(2, Math.Min(attempt, 4))),
            _ => null,
        };
        return wanted is { } delay ? Clamp(delay, options.MaxDelay) : null;
    }

    private static TimeSpan? RetryAfter(ApiException exception, DateTimeOffset now)
    {
        var headers = exception.HttpResponse?.Headers;
        var value = headers?.FirstOrDefault(header => header.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at - now : null;
    }

    private static TimeSpan Clamp(TimeSpan delay, TimeSpan max) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;

    /// <summary>A one-line description of a failure, without response bodies.</summary>
    internal static string Describe(Exception? exception) => exception switch
    {
        null => "no exception",
        ApiException api => $"{(int)api.StatusCode} {OneLine(api.ApiError?.Message ?? api.Message)}",
        _ => $"{exception.GetType().Name}: {OneLine(exception.Message)}",
    };

    private static string OneLine(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub call failed, retry {Attempt} in {DelayMs} ms: {Failure}")]
    private static partial void LogRetry(ILogger logger, int attempt, double delayMs, string failure);
}
