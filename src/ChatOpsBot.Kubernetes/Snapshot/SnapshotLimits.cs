namespace ChatOpsBot.Kubernetes.Snapshot;

/// <summary>How much a snapshot may hold before it is refused as too large.</summary>
public sealed record SnapshotLimits
{
    /// <summary>The largest single file, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The largest folder, in bytes.</summary>
    public long MaxTotalBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>
    /// The most YAML nodes read in all (aliases count each time they expand). A cluster of
    /// 5,000 namespaces and 25,000 bindings holds well under a million.
    /// </summary>
    public int MaxNodes { get; init; } = 5_000_000;

    /// <summary>The deepest nesting of flow collections (<c>[</c>, <c>{</c>) accepted.</summary>
    public int MaxNesting { get; init; } = 256;
}
