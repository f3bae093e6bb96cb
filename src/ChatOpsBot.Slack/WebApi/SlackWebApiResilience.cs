using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// Builds the Web API pipeline: a total timeout, around a retry, around a per-attempt timeout.
/// The retry sees Slack's <c>ok:false</c> answers too, since they arrive as HTTP 200.
/// </summary>
internal static class SlackWebApiResilience
{
    /// <summary>The name of the resilience handler on the Web API HttpClient.</summary>
    public const string PipelineName = "slack-web-api";

    /// <summary>Adds the strategies to <paramref name="builder"/>.</summary>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        SlackWebApiOptions options,
        TimeProvider time,
        ILogger logger)
    {
        var decision = new SlackRetryDecision(options, time);

        builder.AddTimeout(options.TotalTimeout);

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(CreateRetry(options, decision, logger));
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    private static RetryStrategyOptions<HttpResponseMessage> CreateRetry(
        SlackWebApiOptions options, SlackRetryDecision decision, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.RetryMaxDelay,
        ShouldHandle = args => ShouldHandleAsync(args, decision, options.MaxResponseBytes),
        DelayGenerator = args => ValueTask.FromResult(decision.ServerRequestedDelay(args.Outcome.Result)),
        OnRetry = args =>
        {
            var request = args.Context.GetRequestMessage();
            SlackWebApiLog.Retrying(
                logger,
                SlackRequestOptions.MethodOf(request),
                args.AttemptNumber + 1,
                DescribeFailure(args.Outcome),
                args.RetryDelay);
            return ValueTask.CompletedTask;
        },
    };

    private static async ValueTask<bool> ShouldHandleAsync(
        RetryPredicateArguments<HttpResponseMessage> args, SlackRetryDecision decision, int maxBytes)
    {
        if (args.Outcome.Exception is { } exception)
        {
            var idempotent = SlackRequestOptions.IsIdempotent(args.Context.GetRequestMessage());
            return SlackRetryDecision.ShouldRetry(exception, idempotent);
        }

        if (args.Outcome.Result is not { } response)
        {
            return false;
        }

        // Only a 200 can hide a transient failure in its body; other statuses speak for themselves.
        var body = response.IsSuccessStatusCode
            ? await SlackResponseBody.TryParseAsync(response, maxBytes, args.Context.CancellationToken)
                .ConfigureAwait(false)
            : null;

        return decision.ShouldRetry(response, body);
    }

    private static string DescribeFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception.GetType().Name
            : $"HTTP {(int)(outcome.Result?.StatusCode ?? 0)}";
}
