using ChatOpsBot.GitOps.Tests.GitHub;
using ChatOpsBot.Tests.Slack;

namespace ChatOpsBot.Tests.Approval;

/// <summary>
/// What the approval tests run against, whichever chat front end they drive: a fake GitHub
/// seeded with the example RBAC file, a temporary copy of the seed cluster snapshot (a test
/// adds the merged binding to it, as Argo CD would), and the settings pointing the bot at both
/// with quick retries and verification.
/// </summary>
internal static class ApprovalBackends
{
    /// <summary>A fake GitHub whose repository holds the example RBAC file and a README.</summary>
    public static async Task<FakeGitHub> StartGitHubAsync()
    {
        var gitHub = await FakeGitHub.StartAsync();
        gitHub.State.Seed(new Dictionary<string, string>
        {
            [ApprovalSetup.RbacFile] = ApprovalSetup.OriginalRbacFile,
            ["README.md"] = "# RBAC\n",
        });
        return gitHub;
    }

    /// <summary>A new temporary folder holding a copy of the seed cluster snapshot.</summary>
    /// <param name="prefix">The start of the folder's name.</param>
    public static string CopySeedSnapshot(string prefix)
    {
        var snapshot = Path.Combine(Path.GetTempPath(), "k8s-access-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(snapshot);
        foreach (var file in Directory.GetFiles(RunningBot.SeedSnapshot))
        {
            File.Copy(file, Path.Combine(snapshot, Path.GetFileName(file)));
        }

        return snapshot;
    }

    /// <summary>Points the bot at the snapshot, the store file and the fake GitHub.</summary>
    public static void Configure(
        Dictionary<string, string?> settings, FakeGitHub gitHub, string snapshot, string database)
    {
        settings["Clusters:0:Snapshot"] = snapshot;
        settings["Storage:SqlitePath"] = database;
        settings["GitHub:Owner"] = FakeGitHub.Owner;
        settings["GitHub:Repository"] = FakeGitHub.Repo;
        settings["GitHub:Token"] = gitHub.Token;
        settings["GitHub:ApiBaseUrl"] = gitHub.ApiBase.AbsoluteUri;
        settings["GitHub:Directory"] = "clusters/dev-a";
        settings["GitHub:Retry:BaseDelay"] = "00:00:00.001";
        settings["GitHub:Retry:MaxDelay"] = "00:00:00.050";
        settings["Verification:Interval"] = "00:00:00.100";
        settings["Verification:MaxInterval"] = "00:00:00.400";
        settings["Verification:Deadline"] = "00:00:30";
    }
}
