namespace ChatOpsBot.Core.Cluster;

/// <summary>
/// A cluster source that can tell, cheaply, whether it can be read at all: the readiness probe
/// asks this instead of loading the whole cluster.
/// </summary>
public interface IClusterReachability
{
    /// <summary>Checks that the cluster answers within <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The longest the check may take.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Reachable, or the reason it is not (one line, never a secret).</returns>
    Task<Reachability> CheckReachableAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>The answer of <see cref="IClusterReachability.CheckReachableAsync"/>.</summary>
/// <param name="IsReachable">True when the cluster answered.</param>
/// <param name="Problem">Why it did not, in one line that names no secret; null when reachable.</param>
public sealed record Reachability(bool IsReachable, string? Problem)
{
    /// <summary>The cluster answered.</summary>
    public static Reachability Reachable { get; } = new(true, null);

    /// <summary>The cluster did not answer, for <paramref name="problem"/>.</summary>
    /// <param name="problem">One line naming the reason, never a secret.</param>
    /// <returns>The unreachable answer.</returns>
    public static Reachability Unreachable(string problem) => new(false, problem);

    /// <summary>
    /// Asks <paramref name="source"/> when it can tell; a source that cannot tell (a test double,
    /// a source with nothing to reach) counts as reachable.
    /// </summary>
    /// <param name="source">The cluster source, possibly a wrapper.</param>
    /// <param name="timeout">The longest the check may take.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The source's answer.</returns>
    public static Task<Reachability> OfAsync(
        IClusterSource source, TimeSpan timeout, CancellationToken cancellationToken) =>
        source is IClusterReachability reachability
            ? reachability.CheckReachableAsync(timeout, cancellationToken)
            : Task.FromResult(Reachable);
}
