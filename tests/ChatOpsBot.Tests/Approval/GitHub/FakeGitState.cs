using System.Security.Cryptography;
using System.Text;

namespace ChatOpsBot.Tests.Approval.GitHub;

/// <summary>One commit of the fake repository: a full tree (path → blob sha) and its parent.</summary>
internal sealed record FakeCommit(string Sha, IReadOnlyDictionary<string, string> Tree, string? Parent, string Message);

/// <summary>A pull request as the fake keeps it.</summary>
internal sealed class FakePullRequest
{
    public required int Number { get; init; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string Head { get; init; }
    public required string Base { get; init; }
    public string State { get; set; } = "open";
    public bool Merged { get; set; }
    public string? MergeSha { get; set; }
    public string? ClosedHeadSha { get; set; }
    public List<string> Labels { get; } = [];
    public List<string> Reviewers { get; } = [];
    public List<string> Teams { get; } = [];
    public List<string> Comments { get; } = [];
    public List<(string Login, string State, string CommitId)> Reviews { get; } = [];
}

/// <summary>
/// The fake repository's Git state: blobs, commits, branches and pull requests, with real
/// blob shas so that the Contents API's sha checks mean what GitHub's mean.
/// </summary>
internal sealed class FakeGitState
{
    private int _commitCounter;

    public object Gate { get; } = new();
    public string DefaultBranch { get; set; } = "main";
    public Dictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FakeCommit> Commits { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Branches { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each branch was last set from (the base it forked from), for merges.</summary>
    public Dictionary<string, string> ForkPoints { get; } = new(StringComparer.Ordinal);

    public List<FakePullRequest> PullRequests { get; } = [];

    /// <summary>Creates the default branch with these files.</summary>
    public void Seed(IReadOnlyDictionary<string, string> files)
    {
        lock (Gate)
        {
            var tree = files.ToDictionary(file => file.Key, file => PutBlob(Encoding.UTF8.GetBytes(file.Value)), StringComparer.Ordinal);
            Branches[DefaultBranch] = AddCommit(tree, null, "Initial RBAC files");
        }
    }

    /// <summary>Commits one file on a branch, as a person pushing meanwhile would.</summary>
    public string CommitFile(string branch, string path, string text, string message = "Edit by someone else")
    {
        lock (Gate)
        {
            var head = Commits[Branches[branch]];
            var tree = new Dictionary<string, string>(head.Tree, StringComparer.Ordinal) { [path] = PutBlob(Encoding.UTF8.GetBytes(text)) };
            return Branches[branch] = AddCommit(tree, head.Sha, message);
        }
    }

    /// <summary>The file's text on a branch, or null.</summary>
    public string? ReadFile(string branch, string path)
    {
        lock (Gate)
        {
            return Branches.TryGetValue(branch, out var head) && Commits[head].Tree.TryGetValue(path, out var blob)
                ? Encoding.UTF8.GetString(Blobs[blob])
                : null;
        }
    }

    /// <summary>The file's exact bytes on a branch, or null.</summary>
    public byte[]? ReadBytes(string branch, string path)
    {
        lock (Gate)
        {
            return Branches.TryGetValue(branch, out var head) && Commits[head].Tree.TryGetValue(path, out var blob)
                ? Blobs[blob]
                : null;
        }
    }

    public string PutBlob(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
#pragma warning disable CA5350 // Git names blobs by SHA-1; the fake must compute the same names.
        var sha = Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
        Blobs[sha] = content;
        return sha;
    }

    public string AddCommit(IReadOnlyDictionary<string, string> tree, string? parent, string message)
    {
        var seed = $"{parent}|{message}|{++_commitCounter}|" + string.Join(",", tree.OrderBy(entry => entry.Key, StringComparer.Ordinal));
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..40];
        Commits[sha] = new FakeCommit(sha, tree, parent, message);
        return sha;
    }
}
