using ChatOpsBot.GitOps.Editing;

namespace ChatOpsBot.GitOps.Local;

/// <summary>
/// A local Git repository standing in for the RBAC GitOps repository (a playground with no
/// GitHub): pull requests are branches, their state is kept next to the repository's objects.
/// </summary>
public sealed class LocalGitRbacOptions
{
    /// <summary>The repository's folder (its working tree); created on first use.</summary>
    public string RepositoryPath { get; set; } = "";

    /// <summary>
    /// A folder whose files become the first commit when the repository does not exist yet;
    /// without it the first commit is empty.
    /// </summary>
    public string? SeedFrom { get; set; }

    /// <summary>The branch pull requests target and merge into.</summary>
    public string BaseBranch { get; set; } = "main";

    /// <summary>The file fixes go into (may hold <c>{namespace}</c>); chosen from the layout when
    /// empty, as for GitHub.</summary>
    public string? FilePath { get; set; }

    /// <summary>The branch of a pull request is this prefix plus the request id.</summary>
    public string BranchPrefix { get; set; } = "k8s-access/";

    /// <summary>The name written as author and committer.</summary>
    public string AuthorName { get; set; } = "k8s-access bot";

    /// <summary>The e-mail written as author and committer.</summary>
    public string AuthorEmail { get; set; } = "k8s-access-bot@localhost";

    /// <summary>Longest wait for one <c>git</c> command before it is stopped.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most YAML files read from the repository.</summary>
    public int MaxFiles { get; set; } = 500;

    /// <summary>Every problem with the options, each one sentence; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(RepositoryPath))
        {
            problems.Add("RepositoryPath is required.");
        }

        if (SeedFrom is { Length: > 0 } seed && !Directory.Exists(seed))
        {
            problems.Add($"SeedFrom folder {seed} does not exist.");
        }

        if (IsInside(RepositoryPath, SeedFrom))
        {
            problems.Add("RepositoryPath must not lie inside the SeedFrom folder it is copied from.");
        }

        if (!IsRefPart(BaseBranch))
        {
            problems.Add("BaseBranch must be a plain branch name (letters, digits, '.', '_', '-', '/').");
        }

        if (!IsRefPart(BranchPrefix.TrimEnd('/')) || !BranchPrefix.EndsWith('/'))
        {
            problems.Add("BranchPrefix must be a plain branch name ending with '/'.");
        }

        if (!IsIdentityValue(AuthorName) || !IsIdentityValue(AuthorEmail))
        {
            problems.Add("AuthorName and AuthorEmail must be one line without '<' or '>'.");
        }

        if (CommandTimeout <= TimeSpan.Zero || CommandTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add("CommandTimeout must be between 0 and 10 minutes.");
        }

        if (MaxFiles is < 1 or > RbacFileEditor.MaxFiles)
        {
            problems.Add($"MaxFiles must be between 1 and {RbacFileEditor.MaxFiles}.");
        }

        return problems;
    }

    // What Git accepts in a ref and nothing it treats specially (no "..", "@{", leading "-").
    internal static bool IsRefPart(string? name) =>
        name is { Length: > 0 and <= 200 }
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/')
        && name.Split('/').All(part => part.Length > 0 && part[0] is not ('.' or '-')
            && !part.EndsWith(".lock", StringComparison.Ordinal))
        && !name.Contains("..", StringComparison.Ordinal);

    private static bool IsInside(string? path, string? folder)
    {
        if (string.IsNullOrWhiteSpace(path) || string.IsNullOrWhiteSpace(folder))
        {
            return false;
        }

        var inner = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
        var outer = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return inner.StartsWith(outer, StringComparison.Ordinal);
    }

    private static bool IsIdentityValue(string? value) =>
        value is { Length: > 0 and <= 200 } && !value.Any(c => char.IsControl(c) || c is '<' or '>');
}
