using System.Diagnostics;
using System.Text;
using ChatOpsBot.GitOps.Local;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.GitOps.Tests.Editing;

namespace ChatOpsBot.GitOps.Tests.Local;

/// <summary>
/// A temporary folder for one test's local repository, seeded from the example RBAC repository,
/// and a way to look at the repository with the git command line.
/// </summary>
internal sealed class LocalRepositoryFixture : IDisposable
{
    public const string SeedFileName = "fake-company-dev-a.yaml";

    public LocalRepositoryFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "k8s-access-local-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        RepositoryPath = Path.Combine(Folder, "rbac");
    }

    public string Folder { get; }

    public string RepositoryPath { get; }

    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "rbac-repo");

    public static string ClusterFolder =>
        Path.Combine(AppContext.BaseDirectory, "Local", "Fixtures", "seed-exec-forbidden", "cluster");

    public static string ErrorText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Local",
        "Fixtures", "seed-exec-forbidden", "error.txt"));

    public LocalGitRbacOptions Options() => new() { RepositoryPath = RepositoryPath, SeedFrom = SeedFolder };

    public LocalGitRbacRepository Open() => new(Options());

    public static AccessChange SeedChange(string requestId = "req-1") =>
        new(requestId, "Dana Developer", Fixes.RoleBinding());

    /// <summary>Runs git in the repository and returns its output; fails the test on an error.</summary>
    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPath,
        };
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("GIT_",
            StringComparison.Ordinal))
            .ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GIT_CEILING_DIRECTORIES"] = Folder;
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("user.name=test");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("user.email=test@localhost");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("commit.gpgsign=false");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output.Result;
    }

    /// <summary>A file as committed on a branch or commit.</summary>
    public string Show(string revision, string path = SeedFileName) => Git("show", $"{revision}:{path}");

    public string WorkingFile(string path = SeedFileName) =>
        File.ReadAllText(Path.Combine(RepositoryPath, path), Encoding.UTF8);

    public string Head(string reference) => Git("rev-parse", reference).Trim();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not change any result.
        }
    }
}
