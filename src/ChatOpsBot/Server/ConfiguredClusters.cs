using System.Collections.Concurrent;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Kubernetes.AccessEntries;
using ChatOpsBot.Kubernetes.Live;
using ChatOpsBot.Kubernetes.Snapshot;

namespace ChatOpsBot.Server;

/// <summary>The clusters of the configuration, each opened on first use and kept.</summary>
internal sealed class ConfiguredClusters : IClusterSourceProvider
{
    private readonly IReadOnlyList<ClusterSettings> _settings;
    private readonly ILoggerFactory _logging;
    private readonly ConcurrentDictionary<string, Lazy<IClusterSource>> _open = new(StringComparer.Ordinal);

    public ConfiguredClusters(IReadOnlyList<ClusterSettings> settings, ILoggerFactory logging)
    {
        _settings = settings;
        _logging = logging;
    }

    public IReadOnlyList<string> Names => _settings.Select(cluster => cluster.Name).ToList();

    public IClusterSource Find(string? name)
    {
        var settings = name is null
            ? (_settings.Count > 0 ? _settings[0] : null)
            : _settings.FirstOrDefault(cluster => string.Equals(cluster.Name, name, StringComparison.Ordinal));
        if (settings is null)
        {
            throw new ClusterSourceException(
                $"no cluster called {name} is configured (known: {string.Join(", ", Names)})");
        }

        return _open.GetOrAdd(settings.Name, _ => new Lazy<IClusterSource>(() => Open(settings))).Value;
    }

    private IClusterSource Open(ClusterSettings settings) =>
        AccessEntryFile.AddTo(OpenSource(settings), settings.AccessEntries);

    private IClusterSource OpenSource(ClusterSettings settings)
    {
        if (settings.Snapshot is not null)
        {
            return new SnapshotClusterSource(settings.Snapshot, parseAccessEntries: AccessEntryParser.Parse);
        }

        var logger = _logging.CreateLogger<LiveClusterSource>();
        return settings.Kubeconfig is not null
            ? LiveClusterSource.FromKubeconfig(settings.Kubeconfig, settings.Context, new LiveClusterOptions(), logger)
            : LiveClusterSource.InCluster(new LiveClusterOptions(), logger);
    }
}
