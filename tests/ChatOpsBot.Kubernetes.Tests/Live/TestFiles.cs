namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>Reads the test data copied next to the test assembly (see Fixtures/*/README.md).</summary>
internal static class TestFiles
{
    public static string Read(string relativePath) =>
        File.ReadAllText(PathOf(relativePath));

    public static string PathOf(string relativePath) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
}
