namespace ChatOpsBot.Server;

/// <summary>
/// The server's own settings (configuration section <c>Server</c>): how long a stop may take and
/// how the readiness probe checks the clusters.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Server";

    /// <summary>
    /// How long a stop (SIGTERM) may take to finish the work already accepted before what is left
    /// is cancelled. Keep it below the pod's <c>terminationGracePeriodSeconds</c> (30 s in
    /// deploy/base), or Kubernetes kills the process first.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// How long <c>/readyz</c> waits for each live cluster's API server; below the probe's own
    /// 2 s timeout.
    /// </summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How long a cluster check's answer is reused, so frequent probes cost one call.</summary>
    public TimeSpan ReadinessCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    /// <returns>A message naming the setting to fix, or null.</returns>
    public string? Problem() =>
        ShutdownTimeout <= TimeSpan.Zero || ShutdownTimeout > TimeSpan.FromHours(1)
            ? "Server:ShutdownTimeout must be between 0 and 1 hour"
        : ReadinessTimeout <= TimeSpan.Zero || ReadinessTimeout > TimeSpan.FromMinutes(1)
            ? "Server:ReadinessTimeout must be between 0 and 1 minute"
        : ReadinessCacheDuration < TimeSpan.Zero || ReadinessCacheDuration > TimeSpan.FromHours(1)
            ? "Server:ReadinessCacheDuration must be between 0 and 1 hour"
        : null;
}
