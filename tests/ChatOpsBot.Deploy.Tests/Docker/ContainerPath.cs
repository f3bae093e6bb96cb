namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>Absolute paths inside an image (always forward slashes), and where a test keeps them.</summary>
internal static class ContainerPath
{
    /// <summary><paramref name="path"/> resolved against <paramref name="directory"/>, normalised.</summary>
    public static string Resolve(string directory, string path)
    {
        var combined = path.StartsWith('/') ? path : $"{directory.TrimEnd('/')}/{path}";
        var parts = new List<string>();
        foreach (var part in combined.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }

    /// <summary>
    /// The host folder or file that stands for <paramref name="containerPath"/> under
    /// <paramref name="root"/>.
    /// </summary>
    public static string OnHost(string root, string containerPath) =>
        Path.Combine(
            [root, .. Resolve("/", containerPath).Split('/', StringSplitOptions.RemoveEmptyEntries)]);
}
