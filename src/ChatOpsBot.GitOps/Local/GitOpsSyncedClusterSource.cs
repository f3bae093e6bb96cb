using System.Text;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;
using ChatOpsBot.GitOps.Editing;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.Kubernetes.Snapshot;

namespace ChatOpsBot.GitOps.Local;

/// <summary>
/// A cluster as a GitOps tool (Argo CD, Flux) keeps it: a cluster source (a snapshot) plus the RBAC
/// objects committed on the local repository's base branch. Objects from Git replace the snapshot's
/// objects of the same kind, namespace and name; nothing is counted twice. After a merge the next
/// read holds the merged binding, so a re-check of the request is allowed.
/// </summary>
public sealed class GitOpsSyncedClusterSource : IClusterSource, IClusterReachability, IDisposable
{
    private readonly IClusterSource _inner;
    private readonly LocalGitRbacRepository _repository;
    private readonly string _appliedRoot;
    private readonly SemaphoreSlim _sync = new(1, 1);
    private string? _appliedSha;
    private SnapshotClusterSource? _applied;

    /// <summary>
    /// Wraps <paramref name="inner"/> with the base branch of <paramref name="repository"/>.
    /// </summary>
    /// <param name="inner">The cluster without the repository's objects (a snapshot).</param>
    /// <param name="repository">The local RBAC repository.</param>
    public GitOpsSyncedClusterSource(IClusterSource inner, LocalGitRbacRepository repository)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(repository);
        _inner = inner;
        _repository = repository;

        // The committed files are copied inside the Git folder, so the working tree stays clean.
        _appliedRoot = Path.Combine(repository.RepositoryPath, ".git", "k8s-access", "applied");
    }

    /// <inheritdoc />
    public string Description =>
        $"{_inner.Description}, synced with {_repository.RepositoryPath} ({_repository.BaseBranch})";

    /// <inheritdoc />
    public async Task<ClusterState> LoadStateAsync(ClusterQuery query, CancellationToken cancellationToken)
    {
        var state = await _inner.LoadStateAsync(query, cancellationToken).ConfigureAwait(false);
        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (sha, files) = await _repository.ReadBaseBranchAsync(cancellationToken).ConfigureAwait(false);
            if (sha != _appliedSha)
            {
                await ApplyAsync(sha, files, cancellationToken).ConfigureAwait(false);
            }

            if (_applied is null)
            {
                return state;
            }

            var fromGit = await _applied.LoadStateAsync(query, cancellationToken).ConfigureAwait(false);
            return Overlay(state, fromGit);
        }
        catch (Exception exception) when (exception is RbacRepositoryException or ClusterSourceException
            or IOException or UnauthorizedAccessException)
        {
            // The cluster still answers from the snapshot; the diagnosis reports what is missing.
            return state with
            {
                ReadProblems = [.. state.ReadProblems,
                    $"The RBAC repository {_repository.RepositoryPath} could not be read: "
                    + exception.Message],
            };
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <inheritdoc />
    public Task<AccessReview?> ReviewAsync(UserInfo user, RequestAttributes request,
        CancellationToken cancellationToken) =>
        _inner.ReviewAsync(user, request, cancellationToken);

    /// <inheritdoc />
    public Task<Reachability> CheckReachableAsync(
        TimeSpan timeout, CancellationToken cancellationToken) =>
        Reachability.OfAsync(_inner, timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _applied?.Dispose();
        _sync.Dispose();
        (_inner as IDisposable)?.Dispose();
    }

    /// <summary>The snapshot's state with the Git state laid over it.</summary>
    internal static ClusterState Overlay(ClusterState cluster, ClusterState git)
    {
        var namespaces = cluster.Namespaces.Select(ns => ns.Name).ToHashSet(StringComparer.Ordinal);
        return cluster with
        {
            Roles = Replace(cluster.Roles, git.Roles, role => (role.Namespace, role.Name)),
            Bindings = Replace(cluster.Bindings, git.Bindings, binding => (binding.Namespace, binding.Name)),
            Namespaces = [.. cluster.Namespaces, .. git.Namespaces.Where(ns =>
                !namespaces.Contains(ns.Name))],
            AwsAuthData = git.AwsAuthData ?? cluster.AwsAuthData,
            AccessEntries = [.. cluster.AccessEntries, .. git.AccessEntries],
            ReadProblems = [.. cluster.ReadProblems, .. git.ReadProblems],
        };
    }

    // Same kind (the list), namespace and name: the Git object stands where the snapshot's stood.
    private static List<T> Replace<T>(IReadOnlyList<T> cluster, IReadOnlyList<T> git,
        Func<T, (string? Namespace, string Name)> key)
    {
        var fromGit = new Dictionary<(string, string), T>();
        foreach (var item in git)
        {
            var (ns, name) = key(item);
            fromGit[(ns ?? "", name)] = item;
        }

        var result = new List<T>();
        var used = new HashSet<(string, string)>();
        foreach (var item in cluster)
        {
            var (ns, name) = key(item);
            var id = (ns ?? "", name);
            if (fromGit.TryGetValue(id, out var replacement))
            {
                if (used.Add(id))
                {
                    result.Add(replacement);
                }
            }
            else
            {
                result.Add(item);
            }
        }

        result.AddRange(fromGit.Where(entry => !used.Contains(entry.Key)).Select(entry => entry.Value));
        return result;
    }

    // Copies the commit's manifests to a folder of their own and reads it as a snapshot.
    private async Task ApplyAsync(string sha, IReadOnlyDictionary<string, string> files,
        CancellationToken cancellationToken)
    {
        var manifests = files
            .Where(file => RepositoryPaths.IsManifestFile(file.Key)
                && RepositoryPaths.IsSafeRelative(file.Key))
            .Where(file => RepositoryFile.Read(file.Key, file.Value, null).Objects.Count > 0)
            .ToList();
        var previous = _applied;
        var previousFolder = _appliedSha is null ? null : Path.Combine(_appliedRoot, _appliedSha);
        _applied = null;
        _appliedSha = null;
        previous?.Dispose();
        if (previousFolder is not null && Directory.Exists(previousFolder))
        {
            Directory.Delete(previousFolder, recursive: true);
        }

        if (manifests.Count > 0)
        {
            var folder = Path.Combine(_appliedRoot, sha);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var (path, text) in manifests)
            {
                var target = Path.Combine([folder, .. path.Split('/')]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, text, new UTF8Encoding(false), cancellationToken)
                    .ConfigureAwait(false);
            }

            _applied = new SnapshotClusterSource(folder);
        }

        _appliedSha = sha;
    }
}
