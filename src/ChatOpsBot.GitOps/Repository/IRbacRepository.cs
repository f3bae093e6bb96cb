namespace ChatOpsBot.GitOps.Repository;

/// <summary>
/// The RBAC GitOps repository as the approval flow sees it: propose a change as a pull request,
/// follow it, merge it or close it. Expected outcomes are results, not exceptions.
/// </summary>
public interface IRbacRepository
{
    /// <summary>
    /// Opens a pull request that adds the fix, or returns the one already open for the same
    /// request or binding, or says the binding is already on the base branch.
    /// </summary>
    Task<OpenPullRequestResult> OpenPullRequestAsync(AccessChange change, CancellationToken cancellationToken = default);

    /// <summary>The pull request's state, or null when there is no such pull request.</summary>
    /// <exception cref="RbacRepositoryException">The repository could not be reached.</exception>
    Task<PullRequestStatus?> GetPullRequestAsync(int number, CancellationToken cancellationToken = default);

    /// <summary>Merges the pull request if its head is still <paramref name="expectedHeadSha"/>.</summary>
    Task<MergeResult> MergeAsync(int number, string expectedHeadSha, CancellationToken cancellationToken = default);

    /// <summary>Comments the reason on the pull request and closes it.</summary>
    Task<CloseResult> CloseAsync(int number, string reason, CancellationToken cancellationToken = default);
}
