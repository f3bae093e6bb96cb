namespace ChatOpsBot.Kubernetes.Snapshot;

/// <summary>How much a snapshot may hold before it is refused as too large.</summary>
public sealed record SnapshotLimits
{
    /// <summary>The largest single file, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The largest folder, in bytes.</summary>
    public long MaxTotalBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>The most YAML nodes read in all (aliases count each time they expand).</summary>
    public int MaxNodes { get; init; } = 100_000_000;
}
