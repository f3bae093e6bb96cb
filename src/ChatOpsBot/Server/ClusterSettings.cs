namespace ChatOpsBot.Server;

/// <summary>One cluster the bot diagnoses against (configuration section <c>Clusters</c>).</summary>
public sealed class ClusterSettings
{
    private string? _snapshot;
    private string? _kubeconfig;
    private string? _context;
    private string? _accessEntries;

    /// <summary>The name users give with <c>--cluster</c>; the first cluster is the default.</summary>
    public string Name { get; set; } = "";

    /// <summary>A snapshot folder (for trying the bot without a cluster); blank means not set.</summary>
    public string? Snapshot { get => _snapshot; set => _snapshot = Blank(value); }

    /// <summary>A kubeconfig file; blank means not set.</summary>
    public string? Kubeconfig { get => _kubeconfig; set => _kubeconfig = Blank(value); }

    /// <summary>The kubeconfig context; its current context when absent or blank.</summary>
    public string? Context { get => _context; set => _context = Blank(value); }

    /// <summary>A file of EKS access entries (<c>aws eks describe-access-entry</c> JSON), if any.</summary>
    public string? AccessEntries { get => _accessEntries; set => _accessEntries = Blank(value); }

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

    // An empty value (an empty environment variable, say) means "not set", as everywhere else.
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
