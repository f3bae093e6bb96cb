using ChatOpsBot.Core.Requests;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOpsBot.Storage;

/// <summary>The readiness check "the store is reachable", for ASP.NET Core health checks.</summary>
public sealed class RequestStoreHealthCheck : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "request-store";

    private readonly IStoreHealth _store;

    /// <summary>Creates the check over the registered store.</summary>
    public RequestStoreHealthCheck(IStoreHealth store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        return await _store.CanReachAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("The request store answers.")
            : HealthCheckResult.Unhealthy("The request store cannot be reached.");
    }
}
