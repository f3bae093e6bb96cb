using System.Text;
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
            if (!File.Exists(path))
            {
                throw new ClusterSourceException($"access entries file {path} does not exist");
            }

            return AccessEntryParser.Parse(ReadCapped(path, name));
        }
        catch (FormatException error)
        {
            throw new ClusterSourceException($"access entries file {name} is not valid: {error.Message}", error);
        }
        catch (IOException error)
        {
            throw new ClusterSourceException($"access entries file {name} cannot be read: {error.Message}", error);
        }
        catch (DecoderFallbackException error)
        {
            throw new ClusterSourceException($"access entries file {name} is not UTF-8 text", error);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new ClusterSourceException($"access entries file {name} cannot be read: {error.Message}", error);
        }
    }

    // Reads at most the limit, whatever the file claims to be (a device reports length 0).
    private static string ReadCapped(string path, string name)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        if (total > MaxBytes)
        {
            throw new ClusterSourceException($"access entries file {name} is larger than 16 MB");
        }

        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, total);
    }
}
