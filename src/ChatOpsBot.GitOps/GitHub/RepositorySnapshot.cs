namespace ChatOpsBot.GitOps.GitHub;

/// <summary>The RBAC files of one commit, as read from GitHub.</summary>
/// <param name="CommitSha">The commit read.</param>
/// <param name="Texts">Path → exact text, for the YAML files that could be read.</param>
/// <param name="BlobShas">Path → blob sha (the sha the Contents API wants to update a file).</param>
/// <param name="Unreadable">Paths that exist but were too large or not UTF-8: never created over.</param>
internal sealed record RepositorySnapshot(
    string CommitSha, IReadOnlyDictionary<string, string> Texts, IReadOnlyDictionary<string, string> BlobShas,
    IReadOnlySet<string> Unreadable);
