using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using YamlDotNet.Core;

namespace ChatOpsBot.Kubernetes.Snapshot;

/// <summary>
/// A cluster read from a folder of Kubernetes YAML or JSON, as <c>kubectl get -o yaml</c>
/// writes it: multi-document files and <c>List</c> objects. The folder is read on first use
/// and again whenever one of its files changes (as a GitOps sync would change a cluster);
/// answers come from the engine's own RBAC evaluation.
/// </summary>
public sealed class SnapshotClusterSource : IClusterSource, IClusterReachability, IDisposable
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    // Links are skipped: a link loop would never end, and a link to a device never stops.
    private static readonly EnumerationOptions WalkOptions = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Device,
        IgnoreInaccessible = false,
    };

    private readonly string _folder;
    private readonly SnapshotLimits _limits;
    private readonly Func<string, IReadOnlyList<Core.Identity.AccessEntry>>? _parseAccessEntries;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private ClusterState? _state;
    private string? _stateFingerprint;

    /// <summary>Creates a source for a folder (or a single file).</summary>
    /// <param name="folder">The snapshot folder or file.</param>
    /// <param name="limits">Size limits; defaults when null.</param>
    /// <param name="parseAccessEntries">Reads EKS access-entry JSON documents, when given.</param>
    public SnapshotClusterSource(
        string folder,
        SnapshotLimits? limits = null,
        Func<string, IReadOnlyList<Core.Identity.AccessEntry>>? parseAccessEntries = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        _folder = folder;
        _limits = limits ?? new SnapshotLimits();
        _parseAccessEntries = parseAccessEntries;
    }

    /// <inheritdoc />
    public string Description => $"snapshot {_folder}";

    /// <inheritdoc />
    public async Task<ClusterState> LoadStateAsync(
        ClusterQuery query, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Listing and stating the files is cheap next to parsing them: parse only on change.
            var files = ListFiles();
            var fingerprint = Fingerprint(files);
            if (_state is null || fingerprint != _stateFingerprint)
            {
                _state = await ReadFilesAsync(files, cancellationToken).ConfigureAwait(false);
                _stateFingerprint = fingerprint;
            }

            return _state;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>
    /// Reachable once the folder loads (it is read from disk once and kept until a file changes,
    /// so the timeout is not applied: a large first read is waited for, not started over).
    /// </summary>
    public async Task<Reachability> CheckReachableAsync(
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await LoadStateAsync(new ClusterQuery(null, null), cancellationToken).ConfigureAwait(false);
            return Reachability.Reachable;
        }
        catch (ClusterSourceException problem)
        {
            return Reachability.Unreachable(problem.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reading.Dispose();

    /// <summary>A snapshot has no API server to ask: the engine evaluates RBAC itself.</summary>
    public Task<AccessReview?> ReviewAsync(
        UserInfo user, RequestAttributes request, CancellationToken cancellationToken) =>
        Task.FromResult<AccessReview?>(null);

    private static string Fingerprint(IEnumerable<string> files) =>
        string.Join('\n', files.Select(file =>
        {
            var info = new FileInfo(file);
            return $"{file}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        }));

    private async Task<ClusterState> ReadFilesAsync(
        IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var sorter = new SnapshotObjectSorter();
        var reader = new YamlDocumentReader(_limits.MaxNodes, _limits.MaxNesting);
        long total = 0;

        foreach (var file in files)
        {
            var size = new FileInfo(file).Length;
            total += size;
            if (size > _limits.MaxFileBytes || total > _limits.MaxTotalBytes)
            {
                throw new ClusterSourceException(
                    $"snapshot {Path.GetFileName(file)} is too large " +
                    $"(limit {_limits.MaxFileBytes / 1_048_576} MB a file, " +
                    $"{_limits.MaxTotalBytes / 1_048_576} MB in all)");
            }

            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            ReadFile(file, text, reader, sorter);
        }

        var accessEntries = _parseAccessEntries is null
            ? []
            : sorter.AccessEntryDocuments
                .SelectMany(document => ParseAccessEntries(document))
                .ToList();

        var empty = sorter.Namespaces.Count == 0 && sorter.Pods.Count == 0 && sorter.Roles.Count == 0
            && sorter.Bindings.Count == 0 && sorter.AwsAuthData is null && accessEntries.Count == 0;
        if (empty)
        {
            throw new ClusterSourceException(
                $"snapshot {_folder} holds no Namespaces, Roles or bindings: is it a cluster dump?");
        }

        return new ClusterState
        {
            Namespaces = sorter.Namespaces,
            Pods = sorter.Pods,
            Roles = sorter.Roles,
            Bindings = sorter.Bindings,
            AwsAuthData = sorter.AwsAuthData,
            AccessEntries = accessEntries,
            NamespacesKnown = sorter.Namespaces.Count > 0,
        };
    }

    private IReadOnlyList<Core.Identity.AccessEntry> ParseAccessEntries(string document)
    {
        try
        {
            return _parseAccessEntries!(document);
        }
        catch (FormatException error)
        {
            throw new ClusterSourceException(
                $"snapshot access entry is malformed: {error.Message}", error);
        }
    }

    private static void ReadFile(
        string file, string text, YamlDocumentReader reader, SnapshotObjectSorter sorter)
    {
        var name = Path.GetFileName(file);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ClusterSourceException($"snapshot {name} is not text");
        }

        try
        {
            foreach (var document in reader.ReadDocuments(text))
            {
                sorter.Add(document);
            }
        }
        catch (YamlException error)
        {
            throw new ClusterSourceException(
                $"snapshot {name} is not valid YAML (line {error.Start.Line}): " +
                $"{FirstLine(error.Message)}",
                error);
        }
        catch (InvalidDataException error)
        {
            throw new ClusterSourceException($"snapshot {name}: {error.Message}", error);
        }
    }

    private List<string> ListFiles()
    {
        if (File.Exists(_folder))
        {
            return [_folder];
        }

        if (!Directory.Exists(_folder))
        {
            throw new ClusterSourceException($"snapshot folder {_folder} does not exist");
        }

        var files = Directory
            .EnumerateFiles(_folder, "*", WalkOptions)
            .Where(file =>
                Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new ClusterSourceException(
                $"snapshot folder {_folder} holds no .yaml, .yml or .json file");
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
