namespace ChatOpsBot.GitOps.Editing;

/// <summary>Paths inside the repository: forward slashes, relative, no dot segments.</summary>
public static class RepositoryPaths
{
    /// <summary>File names kustomize reads as a kustomization.</summary>
    public static readonly IReadOnlyList<string> KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>The folder of a path ("" for the root).</summary>
    public static string DirectoryOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>The last segment of a path.</summary>
    public static string FileNameOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path[(path.LastIndexOf('/') + 1)..];
    }

    /// <summary>A folder and a relative name joined.</summary>
    public static string Combine(string directory, string name) =>
        directory.Length == 0 ? name : $"{directory}/{name}";

    /// <summary>True for a YAML file that is not a kustomization.</summary>
    public static bool IsManifestFile(string path) =>
        (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !IsKustomization(path);

    /// <summary>True for a kustomization file.</summary>
    public static bool IsKustomization(string path) => KustomizationNames.Contains(FileNameOf(path));

    /// <summary>
    /// True for a relative path of plain segments (no "", ".", ".." segment, no backslash,
    /// no control character), so that a value written into it cannot leave its folder.
    /// </summary>
    public static bool IsSafeRelative(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length is > 0 and <= 1024
            && !path.Any(c => char.IsControl(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
            && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
    }

    /// <summary>The path without a leading "./" or "/".</summary>
    public static string Normalise(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Replace('\\', '/');
        while (trimmed.StartsWith("./", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        return trimmed.TrimStart('/');
    }
}
