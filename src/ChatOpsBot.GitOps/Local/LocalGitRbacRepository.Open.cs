using ChatOpsBot.GitOps.Editing;
using ChatOpsBot.GitOps.Repository;

namespace ChatOpsBot.GitOps.Local;

public sealed partial class LocalGitRbacRepository
{
    /// <summary>
    /// Opens the pull request for a change: branch <c>k8s-access/&lt;request id&gt;</c> from the
    /// base head with one commit of the files <see cref="RbacFileEditor"/> plans. Idempotent as on
    /// GitHub: an open pull request for the same request or the same binding is returned, and a
    /// binding already on the base branch gives <see cref="AlreadyPresent"/>.
    /// </summary>
    public async Task<OpenPullRequestResult> OpenPullRequestAsync(AccessChange change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (ChangePreparation.TryPrepare(change, out var manifest) is { } refused)
        {
            return refused;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            return await OpenLockedAsync(change, manifest!.Key.Resource,
                cancellationToken).ConfigureAwait(false);
        }
        catch (RbacRepositoryException exception)
        {
            LocalGitRbacLog.Failed(_logger, "open pull request", exception.Message);
            return new Failed($"The local repository failed: {exception.Message}");
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<OpenPullRequestResult> OpenLockedAsync(AccessChange change, RbacDocument key,
        CancellationToken cancellationToken)
    {
        var branch = _options.BranchPrefix + change.RequestId;
        var markers = PullRequestMarkers.For(change.RequestId, key);
        var book = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (await FindOpenAsync(book, branch, markers,
            cancellationToken).ConfigureAwait(false) is { } existing)
        {
            LocalGitRbacLog.Existing(_logger, existing.Number, change.RequestId);
            return existing;
        }

        var baseSha = await BaseHeadAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = await _workspace.ReadAsync(baseSha, cancellationToken).ConfigureAwait(false);
        var planned = RbacFileEditor.Plan(snapshot.Texts, change.Fix, _options.FilePath);
        if (planned is RbacAlreadyPresent present)
        {
            LocalGitRbacLog.AlreadyPresent(_logger, change.RequestId, present.Path);
            return new AlreadyPresent(present.Path, present.Detail);
        }

        if (planned is not RbacEditPlan plan)
        {
            return new Failed(((RbacEditRejected)planned).Reason);
        }

        if (plan.Changes.FirstOrDefault(file => file.IsNewFile && snapshot.Unreadable.Contains(file.Path))
            is { } clash)
        {
            return new Failed(
                $"{clash.Path} exists but could not be read (too large or not UTF-8); edit it by hand.");
        }

        var target = plan.Changes.First(file => file.Path == plan.TargetPath);
        var message = PullRequestText.CommitMessage(target, plan, change, key);
        var head = await _workspace.CommitAsync(baseSha, "refs/heads/" + branch, plan.Changes, snapshot.Modes,
            message, cancellationToken).ConfigureAwait(false);

        var pull = new LocalPullRequest
        {
            Number = book.NextNumber,
            Title = PullRequestText.Title(key),
            Body = PullRequestText.Body(change, markers, plan),
            State = LocalPullRequestState.Open,
            HeadSha = head,
            Branch = branch,
            RequestId = change.RequestId,
            ObjectKey = markers.ObjectKey,
            GrantKey = markers.GrantKey,
            ChangedFiles = plan.Changes.Select(file => file.Path).ToList(),
        };
        await _store.SaveAsync(book with
        {
            NextNumber = book.NextNumber + 1,
            PullRequests = [.. book.PullRequests, pull],
        }, cancellationToken).ConfigureAwait(false);
        LocalGitRbacLog.Opened(_logger, pull.Number, branch, change.RequestId);
        return new OpenedPullRequest(pull.Number, UrlOf(pull.Number), head, branch, pull.ChangedFiles, []);
    }

    // An open pull request on the request's branch, or one that adds the same object or grant.
    private async Task<ExistingPullRequest?> FindOpenAsync(LocalPullRequestBook book, string branch,
        PullRequestMarkers markers, CancellationToken cancellationToken)
    {
        var open = book.PullRequests.Where(pull => pull.State == LocalPullRequestState.Open).ToList();
        var sameRequest = open.FirstOrDefault(pull => pull.Branch == branch);
        var found = sameRequest ?? open.FirstOrDefault(pull => pull.Markers.SameChange(markers));
        if (found is null)
        {
            return null;
        }

        var head = await _workspace.HeadOfAsync("refs/heads/" + found.Branch, cancellationToken)
            .ConfigureAwait(false);
        return new ExistingPullRequest(found.Number, UrlOf(found.Number), head ?? found.HeadSha, found.Branch,
            sameRequest is not null);
    }

    // A request id becomes part of a branch name: keep it to characters Git takes as they are.
}
