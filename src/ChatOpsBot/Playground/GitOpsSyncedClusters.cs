using System.Collections.Concurrent;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.GitOps.Local;

namespace ChatOpsBot.Playground;

/// <summary>
/// The playground's clusters: each configured cluster plus what the local RBAC repository's
/// main branch declares, as a GitOps sync (Argo CD) would apply it after a merge.
/// </summary>
internal sealed class GitOpsSyncedClusters(IClusterSourceProvider inner, LocalGitRbacRepository repository)
    : IClusterSourceProvider
{
    private readonly ConcurrentDictionary<string, IClusterSource> _synced = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => inner.Names;

    public IClusterSource Find(string? name)
    {
        var source = inner.Find(name);
        return _synced.GetOrAdd(name ?? inner.Names[0], _ => new GitOpsSyncedClusterSource(source, repository));
    }
}
