using System.Net;
using System.Text.Json;
using k8s.Autorest;
using Polly;
using Polly.Timeout;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// Runs one API call through the resilience pipeline and turns whatever went wrong into an
/// <see cref="ApiFailureException"/> of a known kind, so callers decide by kind, not by type.
/// </summary>
internal sealed class KubernetesApiCaller(ResiliencePipeline pipeline)
{
    /// <summary>Makes the call; a cancellation by the caller stays an OperationCanceledException.</summary>
    public async Task<T> CallAsync<T>(
        string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(LiveResilience.OperationKey, operation);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, callback) => await callback(ctx.CancellationToken).ConfigureAwait(false),
                context, call).ConfigureAwait(false);
        }
        catch (Exception exception) when (Classify(exception, cancellationToken) is { } failure)
        {
            throw failure;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ApiFailureException? Classify(Exception exception, CancellationToken callerToken)
    {
        switch (exception)
        {
            case HttpOperationException { Response: { } response } failed:
                return new ApiFailureException(KindOf(response.StatusCode), response.StatusCode,
                    ServerText.StatusMessage(response.Content), failed);
            case HttpOperationException failed:
                return new ApiFailureException(ApiFailureKind.Unreachable, null, null, failed);
            case TimeoutRejectedException timeout:
                return new ApiFailureException(ApiFailureKind.Timeout, null, null, timeout);
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return null;
            case OperationCanceledException cancelled:
                return new ApiFailureException(ApiFailureKind.Timeout, null, null, cancelled);
            case HttpRequestException or IOException:
                return new ApiFailureException(ApiFailureKind.Unreachable, null, null, exception);
            case JsonException or NotSupportedException or FormatException:
                return new ApiFailureException(ApiFailureKind.BadResponse, null, null, exception);
            default:
                return null;
        }
    }

    private static ApiFailureKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => ApiFailureKind.Unauthorized,
        HttpStatusCode.Forbidden => ApiFailureKind.Forbidden,
        HttpStatusCode.NotFound => ApiFailureKind.NotFound,
        HttpStatusCode.Gone => ApiFailureKind.Gone,
        _ when TransientFailures.IsTransientStatus(status) => ApiFailureKind.Unavailable,
        _ => ApiFailureKind.Rejected,
    };
}
