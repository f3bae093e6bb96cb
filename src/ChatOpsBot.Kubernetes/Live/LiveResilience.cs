using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// Builds the pipeline every API call goes through: bounded retries with exponential backoff
/// and jitter (honouring Retry-After), around a time limit on each attempt.
/// </summary>
internal static class LiveResilience
{
    /// <summary>The name of the call being made, for the retry log.</summary>
    public static readonly ResiliencePropertyKey<string> OperationKey = new("k8s-access.operation");

    public static ResiliencePipeline Build(
        LiveClusterOptions options, ILogger logger, string server, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(RetryOptions(options, logger, server, time));
        }

        // Added last, so it sits inside the retry and limits each attempt on its own.
        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    private static RetryStrategyOptions RetryOptions(
        LiveClusterOptions options, ILogger logger, string server, TimeProvider time) => new()
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = arguments => ValueTask.FromResult(TransientFailures.IsTransient(
                arguments.Outcome.Exception, arguments.Context.CancellationToken)),
            DelayGenerator = arguments =>
            {
                var asked = TransientFailures.RetryAfter(arguments.Outcome.Exception, time.GetUtcNow());
                TimeSpan? delay = asked is { } wait
                    ? (wait < options.MaxRetryDelay ? wait : options.MaxRetryDelay)
                    : null;
                return ValueTask.FromResult(delay);
            },
            OnRetry = arguments =>
            {
                var operation = arguments.Context.Properties.GetValue(OperationKey, "a call");
                LiveClusterLog.Retrying(logger, operation, server, arguments.AttemptNumber + 1,
                    (long)arguments.RetryDelay.TotalMilliseconds, FailureName(arguments.Outcome.Exception));
                return ValueTask.CompletedTask;
            },
        };

    /// <summary>A short name of the failure for logs: never the exception text.</summary>
    private static string FailureName(Exception? exception) => exception switch
    {
        k8s.Autorest.HttpOperationException { Response: { } response } =>
            $"HTTP {(int)response.StatusCode}",
        Polly.Timeout.TimeoutRejectedException => "timeout",
        null => "unknown",
        _ => exception.GetType().Name,
    };
}
