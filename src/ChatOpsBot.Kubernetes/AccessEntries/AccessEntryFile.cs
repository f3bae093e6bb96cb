using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Kubernetes.AccessEntries;

/// <summary>Reads EKS access entries from a file of <c>aws eks describe-access-entry</c> JSON.</summary>
public static class AccessEntryFile
{
    private const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>Wraps <paramref name="source"/> with the access entries of the file, when one is given.</summary>
    /// <exception cref="ClusterSourceException">The file is missing, too large or not access-entry JSON.</exception>
    public static IClusterSource AddTo(IClusterSource source, string? path) =>
        path is null ? source : new ClusterSourceWithAccessEntries(source, Read(path));

    /// <summary>The access entries of the file.</summary>
    /// <exception cref="ClusterSourceException">The file is missing, too large or not access-entry JSON.</exception>
    public static IReadOnlyList<AccessEntry> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ClusterSourceException($"access entries file {path} does not exist");
            }

            if (info.Length > MaxBytes)
            {
                throw new ClusterSourceException($"access entries file {name} is larger than 16 MB");
            }

            return AccessEntryParser.Parse(File.ReadAllText(path));
        }
        catch (FormatException error)
        {
            throw new ClusterSourceException($"access entries file {name} is not valid: {error.Message}", error);
        }
        catch (IOException error)
        {
            throw new ClusterSourceException($"access entries file {name} cannot be read: {error.Message}", error);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new ClusterSourceException($"access entries file {name} cannot be read: {error.Message}", error);
        }
    }
}
