using System.Text;
using ChatOpsBot.GitOps.Editing;
using ChatOpsBot.GitOps.Repository;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Octokit;

namespace ChatOpsBot.GitOps.GitHub;

/// <summary>
/// The RBAC repository on GitHub through Octokit: pull requests that add fixes (see
/// <see cref="OpenPullRequestAsync"/>), their state, a merge guarded by the head sha, and closing
/// with a reason. Every call is retried on transient failures; writes are serialised.
/// </summary>
public sealed partial class GitHubRbacRepository : IRbacRepository, IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    private readonly GitHubClient _client;
    private readonly GitHubRbacOptions _options;
    private readonly GitHubRetry _retry;
    private readonly ILogger _logger;
    private readonly IDisposable? _owned;
    private readonly SemaphoreSlim _writes = new(1, 1);
    private string? _defaultBranch;

    /// <summary>Creates the repository client.</summary>
    /// <exception cref="ArgumentException">The options are not usable (the message lists why).</exception>
    public GitHubRbacRepository(GitHubRbacOptions options,
        ILogger<GitHubRbacRepository>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _client = GitHubClientFactory.Create(options, time ?? TimeProvider.System, out _owned);
        _retry = new GitHubRetry(options.Retry, time ?? TimeProvider.System, _logger);
    }

    private string Owner => _options.Owner;

    private string Name => _options.Repository;

    /// <inheritdoc />
    public async Task<PullRequestStatus?> GetPullRequestAsync(int number,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var pullRequest = await FindPullRequestAsync(number, cancellationToken).ConfigureAwait(false);
            if (pullRequest is null)
            {
                return null;
            }

            var reviews = await _retry.RunAsync(() => _client.PullRequest.Review.GetAll(Owner,
                Name, number), cancellationToken)
                .ConfigureAwait(false);
            return Status(pullRequest, reviews);
        }
        catch (Exception exception) when (IsServiceFailure(exception, cancellationToken))
        {
            GitHubRbacLog.Failed(_logger, "get pull request", GitHubRetry.Describe(exception));
            GitHubFailures.Record("get-pull-request", exception);
            throw new RbacRepositoryException(
                $"Could not read pull request #{number}: {GitHubRetry.Describe(exception)}", exception);
        }
    }

    /// <inheritdoc />
    public async Task<MergeResult> MergeAsync(int number, string expectedHeadSha,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedHeadSha);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await MergeLockedAsync(number, expectedHeadSha, cancellationToken)
                .ConfigureAwait(false);
            GitHubRbacLog.Merge(_logger, number, result.Outcome);
            return result;
        }
        catch (Exception exception) when (IsServiceFailure(exception, cancellationToken))
        {
            GitHubRbacLog.Failed(_logger, "merge", GitHubRetry.Describe(exception));
            GitHubFailures.Record("merge", exception);
            return new MergeResult(MergeOutcome.Failed, null, GitHubRetry.Describe(exception));
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <inheritdoc />
    public async Task<CloseResult> CloseAsync(int number, string reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pullRequest = await FindPullRequestAsync(number, cancellationToken).ConfigureAwait(false);
            var early = pullRequest switch
            {
                null => new CloseResult(CloseOutcome.NotFound, $"There is no pull request #{number}."),
                { Merged: true } => new CloseResult(CloseOutcome.AlreadyMerged,
                    $"Pull request #{number} is merged already."),
                _ when pullRequest.State.Value == ItemState.Closed
                    => new CloseResult(CloseOutcome.AlreadyClosed, null),
                _ => null,
            };
            if (early is not null)
            {
                return early;
            }

            await _retry.RunAsync(() => _client.Issue.Comment.Create(Owner, Name, number,
                PullRequestText.CloseComment(reason)), cancellationToken)
                .ConfigureAwait(false);
            await _retry.RunAsync(() => _client.PullRequest.Update(Owner, Name, number,
                new PullRequestUpdate { State = ItemState.Closed }), cancellationToken)
                .ConfigureAwait(false);
            GitHubRbacLog.Decided(_logger, number, "closed");
            return new CloseResult(CloseOutcome.Closed, null);
        }
        catch (Exception exception) when (IsServiceFailure(exception, cancellationToken))
        {
            GitHubRbacLog.Failed(_logger, "close", GitHubRetry.Describe(exception));
            GitHubFailures.Record("close", exception);
            return new CloseResult(CloseOutcome.Failed, GitHubRetry.Describe(exception));
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writes.Dispose();
        _owned?.Dispose();
    }

    private async Task<MergeResult> MergeLockedAsync(int number, string expectedHeadSha,
        CancellationToken cancellationToken)
    {
        var pullRequest = await FindPullRequestAsync(number, cancellationToken).ConfigureAwait(false);
        if (pullRequest is null)
        {
            return new MergeResult(MergeOutcome.NotFound, null, $"There is no pull request #{number}.");
        }

        if (pullRequest.Merged)
        {
            return new MergeResult(MergeOutcome.AlreadyMerged, pullRequest.MergeCommitSha, null);
        }

        if (pullRequest.State.Value == ItemState.Closed)
        {
            return new MergeResult(MergeOutcome.Closed, null,
                $"Pull request #{number} was closed without merging.");
        }

        if (!string.Equals(pullRequest.Head.Sha, expectedHeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return HeadChanged(number);
        }

        var merge = new MergePullRequest
        {
            Sha = expectedHeadSha,
            MergeMethod = _options.MergeMethod switch
            {
                RbacMergeMethod.Squash => PullRequestMergeMethod.Squash,
                RbacMergeMethod.Rebase => PullRequestMergeMethod.Rebase,
                _ => PullRequestMergeMethod.Merge,
            },
            CommitTitle = $"{pullRequest.Title} (#{number})",
        };
        try
        {
            var merged = await _retry.RunAsync(() => _client.PullRequest.Merge(Owner, Name, number,
                merge), cancellationToken)
                .ConfigureAwait(false);
            return merged.Merged
                ? new MergeResult(MergeOutcome.Merged, merged.Sha, null)
                : new MergeResult(MergeOutcome.NotMergeable, null, merged.Message);
        }
        catch (Exception exception) when (exception is PullRequestMismatchException
            || exception is ApiException { StatusCode: System.Net.HttpStatusCode.Conflict })
        {
            return HeadChanged(number);
        }
        catch (Exception exception) when (exception is PullRequestNotMergeableException
            || exception is ApiException { StatusCode: System.Net.HttpStatusCode.MethodNotAllowed })
        {
            // A retried merge whose first try went through reads as "not mergeable": look again.
            var now = await FindPullRequestAsync(number, cancellationToken).ConfigureAwait(false);
            return now is { Merged: true }
                ? new MergeResult(MergeOutcome.Merged, now.MergeCommitSha, null)
                : new MergeResult(MergeOutcome.NotMergeable, null,
                    GitHubErrors.Message((ApiException)exception));
        }
    }

    private static MergeResult HeadChanged(int number) =>
        new(MergeOutcome.HeadChanged, null,
            $"Pull request #{number} changed since it was reviewed; review it again.");

    private async Task<PullRequest?> FindPullRequestAsync(int number, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.RunAsync(() => _client.PullRequest.Get(Owner, Name, number),
                cancellationToken)
                .ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static PullRequestStatus Status(PullRequest pullRequest, IReadOnlyList<PullRequestReview> reviews)
    {
        // A reviewer's verdict is their latest approval, change request or dismissal; comments do
        // not change it.
        var verdicts = reviews
            .Where(review => review.User?.Login is not null)
            .Where(review
                => review.State.Value is PullRequestReviewState.Approved
                    or PullRequestReviewState.ChangesRequested
                or PullRequestReviewState.Dismissed)
            .GroupBy(review => review.User.Login, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.OrderBy(review => review.SubmittedAt).ThenBy(review => review.Id).Last())
            .ToList();

        // Only approvals of the current head count: a push after review needs a new one.
        var approvers = verdicts
            .Where(review => review.State.Value == PullRequestReviewState.Approved
                && string.Equals(review.CommitId, pullRequest.Head.Sha, StringComparison.OrdinalIgnoreCase))
            .Select(review => review.User.Login)
            .ToList();
        var changesRequested = verdicts.Any(review
            => review.State.Value == PullRequestReviewState.ChangesRequested);
        return new PullRequestStatus(
            pullRequest.Number, new Uri(pullRequest.HtmlUrl),
                pullRequest.State.Value == ItemState.Open, pullRequest.Merged,
            pullRequest.Head.Sha, approvers.Count > 0 && !changesRequested, changesRequested,
                approvers, pullRequest.Mergeable);
    }

    // GitHub errors, network failures and timeouts, but not the caller's cancellation.
    private static bool IsServiceFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is ApiException or HttpRequestException or TimeoutException or RbacRepositoryException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
