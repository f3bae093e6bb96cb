namespace ChatOpsBot.GitOps.GitHub;

/// <summary>How a pull request is merged.</summary>
public enum RbacMergeMethod
{
    /// <summary>A merge commit.</summary>
    Merge,

    /// <summary>One squashed commit.</summary>
    Squash,

    /// <summary>The commits rebased onto the base branch.</summary>
    Rebase,
}

/// <summary>The RBAC GitOps repository on GitHub (or GitHub Enterprise Server) and how to change
/// it.</summary>
public sealed class GitHubRbacOptions
{
    /// <summary>The repository's owner (user or organisation).</summary>
    public string Owner { get; set; } = "";

    /// <summary>The repository's name.</summary>
    public string Repository { get; set; } = "";

    /// <summary>The branch pull requests target; the repository's default branch when empty.</summary>
    public string? BaseBranch { get; set; }

    /// <summary>
    /// The file fixes go into (may hold <c>{namespace}</c>); when empty the file is chosen from the
    /// repository's layout (see docs/gitops.md).
    /// </summary>
    public string? FilePath { get; set; }

    /// <summary>The folder holding this cluster's RBAC files; the whole repository when empty.</summary>
    public string? Directory { get; set; }

    /// <summary>A personal access token (fine-grained: Contents and Pull requests write).</summary>
    public string? Token { get; set; }

    /// <summary>The GitHub App's id, with <see cref="PrivateKeyPem"/> and <see
    /// cref="InstallationId"/>.</summary>
    public long? AppId { get; set; }

    /// <summary>The GitHub App's private key (PEM).</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>The App's installation on the repository's owner.</summary>
    public long? InstallationId { get; set; }

    /// <summary>
    /// The REST API base: <c>https://api.github.com/</c> by default; for GitHub Enterprise Server
    /// <c>https://ghe.example.com/api/v3/</c>.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Labels put on every pull request.</summary>
    public IList<string> Labels { get; } = [];

    /// <summary>Users asked to review.</summary>
    public IList<string> Reviewers { get; } = [];

    /// <summary>Teams (slugs) asked to review.</summary>
    public IList<string> TeamReviewers { get; } = [];

    /// <summary>How approved pull requests are merged.</summary>
    public RbacMergeMethod MergeMethod { get; set; } = RbacMergeMethod.Merge;

    /// <summary>Branches are named this prefix plus the request id.</summary>
    public string BranchPrefix { get; set; } = "k8s-access/";

    /// <summary>Most YAML files read from the repository folder.</summary>
    public int MaxFiles { get; set; } = 500;

    /// <summary>Retries and waits.</summary>
    public GitHubRetryOptions Retry { get; set; } = new();

    /// <summary>The problems with these options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Owner) || string.IsNullOrWhiteSpace(Repository))
        {
            problems.Add("GitHub owner and repository are required.");
        }

        var app = AppId is not null || !string.IsNullOrEmpty(PrivateKeyPem) || InstallationId is not null;
        if (string.IsNullOrEmpty(Token) == !app)
        {
            problems.Add(
                "Set either a token or a GitHub App (app id, private key and installation id), not both.");
        }
        else if (app && (AppId is null || string.IsNullOrEmpty(PrivateKeyPem) || InstallationId is null))
        {
            problems.Add("A GitHub App needs its app id, private key (PEM) and installation id.");
        }

        if (ApiBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            problems.Add("The GitHub API base URL must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(BranchPrefix) || BranchPrefix.Any(c => char.IsWhiteSpace(c)
            || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\'))
        {
            problems.Add("The branch prefix must be a valid Git ref fragment.");
        }

        if (MaxFiles is < 1 or > Editing.RbacFileEditor.MaxFiles)
        {
            problems.Add($"MaxFiles must be between 1 and {Editing.RbacFileEditor.MaxFiles}.");
        }

        problems.AddRange(Retry.Validate());
        return problems;
    }
}

/// <summary>Retries of GitHub calls: bounded, and fast in tests.</summary>
public sealed class GitHubRetryOptions
{
    /// <summary>Retries after the first try of one call (5xx, rate limits, network errors).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; it doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait, also for <c>Retry-After</c> and rate-limit resets; a reset further
    /// away than this is not waited for.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Rebuilds after the base branch moved, a file changed or the branch vanished.</summary>
    public int MaxRebuilds { get; set; } = 3;

    /// <summary>The problems with these settings, each naming its key; empty when usable.</summary>
    /// <returns>One message per unusable setting.</returns>
    public IEnumerable<string> Validate()
    {
        if (MaxRetries is < 0 or > 10)
        {
            yield return "Retry:MaxRetries must be between 0 and 10.";
        }

        if (BaseDelay <= TimeSpan.Zero)
        {
            yield return "Retry:BaseDelay must be positive.";
        }

        if (MaxDelay < BaseDelay)
        {
            yield return "Retry:MaxDelay must not be shorter than Retry:BaseDelay.";
        }

        if (MaxRebuilds is < 0 or > 10)
        {
            yield return "Retry:MaxRebuilds must be between 0 and 10.";
        }
    }
}
