using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using YamlDotNet.Core;

namespace ChatOpsBot.Kubernetes.Snapshot;

/// <summary>
/// A cluster read from a folder of Kubernetes YAML or JSON, as <c>kubectl get -o yaml</c>
/// writes it: multi-document files and <c>List</c> objects. The folder is read once, on
/// first use; answers come from the engine's own RBAC evaluation.
/// </summary>
public sealed class SnapshotClusterSource : IClusterSource
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private readonly string _folder;
    private readonly SnapshotLimits _limits;
    private readonly Func<string, IReadOnlyList<Core.Identity.AccessEntry>>? _parseAccessEntries;
    private ClusterState? _state;

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
        _state ??= await ReadFolderAsync(cancellationToken).ConfigureAwait(false);
        return _state;
    }

    /// <summary>A snapshot has no API server to ask: the engine evaluates RBAC itself.</summary>
    public Task<AccessReview?> ReviewAsync(
        UserInfo user, RequestAttributes request, CancellationToken cancellationToken) =>
        Task.FromResult<AccessReview?>(null);

    private async Task<ClusterState> ReadFolderAsync(CancellationToken cancellationToken)
    {
        var files = ListFiles();
        var sorter = new SnapshotObjectSorter();
        var reader = new YamlDocumentReader(_limits.MaxNodes);
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
            .EnumerateFiles(_folder, "*", SearchOption.AllDirectories)
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
