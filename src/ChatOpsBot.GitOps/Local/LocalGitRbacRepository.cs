using ChatOpsBot.GitOps.Repository;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.GitOps.Local;

/// <summary>
/// The RBAC repository as a local Git repository, for a playground with no GitHub: a pull request
/// is a branch <c>k8s-access/&lt;request id&gt;</c> with one commit (the <see
/// cref="Editing.RbacFileEditor"/> plan), its number, text and state are kept in
/// <c>.git/k8s-access/pull-requests.json</c>, and merging moves the base branch (and the working
/// tree, when it has the base branch checked out). Everything runs through the <c>git</c> command
/// line; operations on one repository are serialised.
/// </summary>
public sealed partial class LocalGitRbacRepository : IRbacRepository, IDisposable
{
    private readonly LocalGitRbacOptions _options;
    private readonly LocalGitWorkspace _workspace;
    private readonly LocalPullRequestStore _store;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _ready;

    /// <summary>Creates the repository object; the repository itself is created on first use.</summary>
    /// <exception cref="ArgumentException">The options are not usable (the message lists why).</exception>
    public LocalGitRbacRepository(LocalGitRbacOptions options, ILogger<LocalGitRbacRepository>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _workspace = new LocalGitWorkspace(Path.GetFullPath(options.RepositoryPath), options);
        _store = new LocalPullRequestStore(_workspace.Git.StateDir);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The repository's folder (its working tree).</summary>
    public string RepositoryPath => _workspace.Root;

    /// <summary>The branch pull requests merge into.</summary>
    public string BaseBranch => _options.BaseBranch;

    /// <inheritdoc />
    public async Task<PullRequestStatus?> GetPullRequestAsync(int number,
        CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var book = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (book.PullRequests.FirstOrDefault(pull => pull.Number == number) is not { } pull)
            {
                return null;
            }

            var open = pull.State == LocalPullRequestState.Open;
            var head = open ? await _workspace.HeadOfAsync("refs/heads/" + pull.Branch, cancellationToken)
                .ConfigureAwait(false) : null;
            bool? mergeable = null;
            if (open)
            {
                var baseSha = await BaseHeadAsync(cancellationToken).ConfigureAwait(false);
                mergeable = head is not null
                    && await _workspace.CanMergeAsync(baseSha, head, cancellationToken).ConfigureAwait(false);
            }

            // Reviews happen in chat for a local repository: no reviewer verdicts to report.
            return new PullRequestStatus(pull.Number, UrlOf(pull.Number), open,
                pull.State == LocalPullRequestState.Merged, head ?? pull.HeadSha, false, false, [],
                    mergeable);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<MergeResult> MergeAsync(int number, string expectedHeadSha,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedHeadSha);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var result = await MergeLockedAsync(number, expectedHeadSha,
                cancellationToken).ConfigureAwait(false);
            LocalGitRbacLog.Merge(_logger, number, result.Outcome);
            return result;
        }
        catch (RbacRepositoryException exception)
        {
            LocalGitRbacLog.Failed(_logger, "merge", exception.Message);
            return new MergeResult(MergeOutcome.Failed, null, exception.Message);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<CloseResult> CloseAsync(int number, string reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var book = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            var pull = book.PullRequests.FirstOrDefault(pull => pull.Number == number);
            switch (pull?.State)
            {
                case null:
                    return new CloseResult(CloseOutcome.NotFound, $"There is no pull request #{number}.");
                case LocalPullRequestState.Merged:
                    return new CloseResult(CloseOutcome.AlreadyMerged,
                        $"Pull request #{number} is merged already.");
                case LocalPullRequestState.Closed:
                    return new CloseResult(CloseOutcome.AlreadyClosed, null);
            }

            var closed = pull with { State = LocalPullRequestState.Closed, CloseReason = OneLine(reason,
                2000) };
            await _store.SaveAsync(Replace(book, closed), cancellationToken).ConfigureAwait(false);
            LocalGitRbacLog.Decided(_logger, number, "closed");
            return new CloseResult(CloseOutcome.Closed, null);
        }
        catch (RbacRepositoryException exception)
        {
            LocalGitRbacLog.Failed(_logger, "close", exception.Message);
            return new CloseResult(CloseOutcome.Failed, exception.Message);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// The base branch's head and its YAML files (path → text), as a GitOps tool would apply them;
    /// creates the repository first when it does not exist yet.
    /// </summary>
    /// <exception cref="RbacRepositoryException">The repository cannot be created or read.</exception>
    public async Task<(string CommitSha, IReadOnlyDictionary<string, string> Files)> ReadBaseBranchAsync(
        CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var baseSha = await BaseHeadAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = await _workspace.ReadAsync(baseSha, cancellationToken).ConfigureAwait(false);
            return (baseSha, snapshot.Texts);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private async Task<MergeResult> MergeLockedAsync(int number, string expectedHeadSha,
        CancellationToken cancellationToken)
    {
        var book = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var pull = book.PullRequests.FirstOrDefault(pull => pull.Number == number);
        switch (pull?.State)
        {
            case null:
                return new MergeResult(MergeOutcome.NotFound, null, $"There is no pull request #{number}.");
            case LocalPullRequestState.Merged:
                return new MergeResult(MergeOutcome.AlreadyMerged, pull.MergeSha, null);
            case LocalPullRequestState.Closed:
                return new MergeResult(MergeOutcome.Closed, null,
                    $"Pull request #{number} was closed without merging.");
        }

        var head = await _workspace.HeadOfAsync("refs/heads/" + pull.Branch,
            cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return new MergeResult(MergeOutcome.NotMergeable, null,
                $"The branch {pull.Branch} no longer exists.");
        }

        if (!string.Equals(head, expectedHeadSha.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return new MergeResult(MergeOutcome.HeadChanged, null,
                $"Pull request #{number} changed since it was reviewed; review it again.");
        }

        var baseSha = await BaseHeadAsync(cancellationToken).ConfigureAwait(false);
        var message = $"Merge pull request #{number} from {pull.Branch}\n\n{pull.Title}\n";
        var merged = await _workspace.MergeCommitAsync(baseSha, head, message, cancellationToken)
            .ConfigureAwait(false);
        if (merged is null)
        {
            return new MergeResult(MergeOutcome.NotMergeable, null,
                $"Pull request #{number} conflicts with {_options.BaseBranch}.");
        }

        if (merged != baseSha && await _workspace.AdvanceBaseAsync(baseSha, merged, cancellationToken)
            .ConfigureAwait(false) is { } problem)
        {
            return new MergeResult(MergeOutcome.NotMergeable, null, problem);
        }

        var done = pull with { State = LocalPullRequestState.Merged, MergeSha = merged, HeadSha = head };
        await _store.SaveAsync(Replace(book, done), cancellationToken).ConfigureAwait(false);
        return new MergeResult(MergeOutcome.Merged, merged, null);
    }

    private async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        if (!_workspace.Exists)
        {
            await _workspace.CreateAsync(cancellationToken).ConfigureAwait(false);
            LocalGitRbacLog.Created(_logger, _workspace.Root, _options.SeedFrom ?? "(nothing)");
        }

        if (await _workspace.HeadOfAsync(_workspace.BaseRef, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new RbacRepositoryException(
                $"The repository {_workspace.Root} has no branch {_options.BaseBranch}.");
        }

        Directory.CreateDirectory(_workspace.Git.StateDir);
        _ready = true;
    }

    private async Task<string> BaseHeadAsync(CancellationToken cancellationToken) =>
        await _workspace.HeadOfAsync(_workspace.BaseRef, cancellationToken).ConfigureAwait(false)
        ?? throw new RbacRepositoryException($"The branch {_options.BaseBranch} no longer exists.");

    private Uri UrlOf(int number) =>
        new UriBuilder(new Uri(
            _workspace.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar))
        {
            Fragment = $"pull-{number}",
        }.Uri;

    private static LocalPullRequestBook Replace(LocalPullRequestBook book, LocalPullRequest changed) =>
        book with { PullRequests = book.PullRequests.Select(pull =>
            pull.Number == changed.Number ? changed : pull)
            .ToList() };

    private static string OneLine(string text, int maxLength)
    {
        var line = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return line.Length > maxLength ? line[..maxLength] + "…" : line;
    }
}
