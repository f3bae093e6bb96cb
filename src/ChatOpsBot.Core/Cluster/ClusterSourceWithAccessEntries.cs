using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Cluster;

/// <summary>
/// A cluster source plus EKS access entries given by configuration. Access entries live in
/// the EKS API, not the Kubernetes API, so a live source cannot read them; the platform
/// team exports them (<c>aws eks describe-access-entry</c>) and the bot reads that JSON.
/// </summary>
public sealed class ClusterSourceWithAccessEntries : IClusterSource, IClusterReachability, IDisposable
{
    private readonly IClusterSource _inner;
    private readonly IReadOnlyList<AccessEntry> _entries;

    /// <summary>Wraps <paramref name="inner"/>, adding <paramref name="entries"/> to every state it reads.</summary>
    public ClusterSourceWithAccessEntries(IClusterSource inner, IReadOnlyList<AccessEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(entries);
        _inner = inner;
        _entries = entries;
    }

    /// <inheritdoc />
    public string Description => $"{_inner.Description}, with {_entries.Count} configured access entries";

    /// <inheritdoc />
    public async Task<ClusterState> LoadStateAsync(ClusterQuery query, CancellationToken cancellationToken)
    {
        var state = await _inner.LoadStateAsync(query, cancellationToken).ConfigureAwait(false);
        return state with { AccessEntries = [.. state.AccessEntries, .. _entries] };
    }

    /// <inheritdoc />
    public Task<AccessReview?> ReviewAsync(
        UserInfo user, RequestAttributes request, CancellationToken cancellationToken) =>
        _inner.ReviewAsync(user, request, cancellationToken);

    /// <inheritdoc />
    public Task<Reachability> CheckReachableAsync(
        TimeSpan timeout, CancellationToken cancellationToken) =>
        Reachability.OfAsync(_inner, timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
