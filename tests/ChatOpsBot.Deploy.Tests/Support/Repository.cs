using System.Reflection;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>The checkout these tests were built from, and the deploy files in it.</summary>
internal static class Repository
{
    /// <summary>The repository's top folder (where ChatOpsBot.sln and the Dockerfile are).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository, given with forward slashes.</summary>
    public static string PathOf(string relative) =>
        Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The text of a file inside the repository.</summary>
    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        var root = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value;
        if (root is null || !File.Exists(Path.Combine(root, "ChatOpsBot.sln")))
        {
            throw new InvalidOperationException(
                $"the repository compiled into the tests is not at {root}; rebuild the test project");
        }

        return root;
    }
}
