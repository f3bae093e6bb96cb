using System.Globalization;
using ChatOpsBot.Core.Cluster;
using k8s;
using k8s.Autorest;

namespace ChatOpsBot.Kubernetes.Live;

public sealed partial class LiveClusterSource : IClusterReachability
{
    /// <summary>
    /// One <c>GET /version</c> (readable by every client, and the cheapest call an API server
    /// answers), without retries: a readiness probe wants the answer now, not after backing off.
    /// </summary>
    public async Task<Reachability> CheckReachableAsync(
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await client.Version.GetCodeAsync(limit.Token).ConfigureAwait(false);
            return Reachability.Reachable;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Reachability.Unreachable(
                $"the API server at {server} did not answer within {seconds} s");
        }
        catch (HttpOperationException failed) when (failed.Response is { } response)
        {
            return Reachability.Unreachable(
                $"the API server at {server} answered HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException failed)
        {
            // The error kind only: the exception's message may quote addresses or proxy details.
            return Reachability.Unreachable(
                $"the API server at {server} cannot be reached ({failed.HttpRequestError})");
        }
#pragma warning disable CA1031 // Any other failure is an answer for the probe, not a crash.
        catch (Exception failed) when (failed is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Reachability.Unreachable(
                $"the API server at {server} gave an unusable answer ({failed.GetType().Name})");
        }
    }
}
