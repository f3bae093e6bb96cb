namespace ChatOpsBot.Core.Cluster;

/// <summary>The configured clusters, by name.</summary>
public interface IClusterSourceProvider
{
    /// <summary>The names of the configured clusters; the first is the default.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The cluster called <paramref name="name"/>, or the default one for null.</summary>
    /// <exception cref="ClusterSourceException">No cluster has that name.</exception>
    IClusterSource Find(string? name);
}

/// <summary>
/// A provider of exactly one cluster (the command line's <c>--snapshot</c> or <c>--kubeconfig</c>).
/// </summary>
public sealed class SingleClusterProvider : IClusterSourceProvider
{
    private readonly IClusterSource _source;
    private readonly string _name;

    /// <summary>Wraps one source under a name.</summary>
    public SingleClusterProvider(IClusterSource source, string name = "default")
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _name = name;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names => [_name];

    /// <inheritdoc />
    public IClusterSource Find(string? name) =>
        name is null || name == _name
            ? _source
            : throw new ClusterSourceException(
                $"no cluster called {name} is configured (known: {_name})");
}
