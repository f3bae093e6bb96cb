namespace ChatOpsBot.Server;

/// <summary>One cluster the bot diagnoses against (configuration section <c>Clusters</c>).</summary>
public sealed class ClusterSettings
{
    /// <summary>The name users give with <c>--cluster</c>; the first cluster is the default.</summary>
    public string Name { get; set; } = "";

    /// <summary>A snapshot folder (for trying the bot without a cluster).</summary>
    public string? Snapshot { get; set; }

    /// <summary>A kubeconfig file.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context; its current context when absent.</summary>
    public string? Context { get; set; }

    /// <summary>A file of EKS access entries (<c>aws eks describe-access-entry</c> JSON), if any.</summary>
    public string? AccessEntries { get; set; }

    /// <summary>True to use the pod's ServiceAccount (the bot runs in the cluster).</summary>
    public bool InCluster { get; set; }

    /// <summary>One problem with the settings, or null when they are usable.</summary>
    public string? Problem(int index)
    {
        var where = $"Clusters:{index}";
        if (string.IsNullOrWhiteSpace(Name))
        {
            return $"{where}:Name is missing";
        }

        var sources = (Snapshot is null ? 0 : 1) + (Kubeconfig is null ? 0 : 1) + (InCluster ? 1 : 0);
        if (sources != 1)
        {
            return $"{where} ({Name}) needs exactly one of Snapshot, Kubeconfig or InCluster";
        }

        return Context is not null && Kubeconfig is null ? $"{where}:Context needs Kubeconfig" : null;
    }
}
