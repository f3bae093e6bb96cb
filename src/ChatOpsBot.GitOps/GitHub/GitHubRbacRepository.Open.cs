using ChatOpsBot.GitOps.Editing;
using ChatOpsBot.GitOps.Repository;
using Octokit;

namespace ChatOpsBot.GitOps.GitHub;

public sealed partial class GitHubRbacRepository
{
    /// <summary>
    /// Opens the pull request for a change: branch <c>k8s-access/&lt;request id&gt;</c> from the
    /// base head, the files edited by <see cref="RbacFileEditor"/>, labels and reviewers.
    /// Idempotent: an open pull request for the same request or binding is returned, a binding
    /// already on the base branch gives <see cref="AlreadyPresent"/>. A base branch that moves, a
    /// file changed meanwhile or a branch deleted meanwhile make it rebuild (bounded).
    /// </summary>
    public async Task<OpenPullRequestResult> OpenPullRequestAsync(AccessChange change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (ChangePreparation.TryPrepare(change, out var manifest) is { } refused)
        {
            return refused;
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await OpenLockedAsync(change, manifest!.Key.Resource, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (IsServiceFailure(exception, cancellationToken))
        {
            GitHubRbacLog.Failed(_logger, "open pull request", GitHubRetry.Describe(exception));
            GitHubFailures.Record("open-pull-request", exception);
            return new Failed($"GitHub refused or failed: {GitHubRetry.Describe(exception)}");
        }
        finally
        {
            _writes.Release();
        }
    }

    private async Task<OpenPullRequestResult> OpenLockedAsync(AccessChange change,
        RbacDocument key, CancellationToken cancellationToken)
    {
        var baseBranch = await BaseBranchAsync(cancellationToken).ConfigureAwait(false);
        var branch = _options.BranchPrefix + change.RequestId;
        var markers = PullRequestMarkers.For(change.RequestId, key);
        if (await FindOpenAsync(baseBranch, branch, markers,
            cancellationToken).ConfigureAwait(false) is { } existing)
        {
            GitHubRbacLog.Existing(_logger, existing.Number, change.RequestId);
            return existing;
        }

        for (var round = 0; round <= _options.Retry.MaxRebuilds; round++)
        {
            var baseSha = await HeadOfAsync(baseBranch, cancellationToken).ConfigureAwait(false);
            var snapshot = await ReadSnapshotAsync(baseSha, cancellationToken).ConfigureAwait(false);
            var planned = RbacFileEditor.Plan(snapshot.Texts, change.Fix, _options.FilePath);
            if (planned is RbacAlreadyPresent present)
            {
                GitHubRbacLog.AlreadyPresent(_logger, change.RequestId, present.Path);
                return new AlreadyPresent(present.Path, present.Detail);
            }

            if (planned is not RbacEditPlan plan)
            {
                return new Failed(((RbacEditRejected)planned).Reason);
            }

            if (plan.Changes.FirstOrDefault(file => file.IsNewFile
                && snapshot.Unreadable.Contains(file.Path)) is { } clash)
            {
                return new Failed(
                    $"{clash.Path} exists but could not be read (too large or not UTF-8); edit it by hand.");
            }

            await ResetBranchAsync(branch, baseSha, cancellationToken).ConfigureAwait(false);
            var committed = await CommitAsync(change, key, branch, plan, snapshot, cancellationToken)
                .ConfigureAwait(false);
            if (committed is CommitOutcome.Failed failed)
            {
                return new Failed(failed.Reason);
            }

            if (committed is CommitOutcome.BranchGone)
            {
                GitHubRbacLog.BranchGone(_logger, change.RequestId, branch);
                continue;
            }

            var baseNow = await HeadOfAsync(baseBranch, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(baseNow, baseSha, StringComparison.Ordinal))
            {
                GitHubRbacLog.BaseMoved(_logger, change.RequestId, baseSha, baseNow);
                continue;
            }

            return await CreatePullRequestAsync(change, key, markers, branch, baseBranch, plan,
                cancellationToken)
                .ConfigureAwait(false);
        }

        return new Failed(
            $"The repository kept changing while the change was written "
            + $"({_options.Retry.MaxRebuilds + 1} tries); "
            + "try again.");
    }

    private async Task<OpenPullRequestResult> CreatePullRequestAsync(
        AccessChange change, RbacDocument key, PullRequestMarkers markers, string branch, string baseBranch,
        RbacEditPlan plan, CancellationToken cancellationToken)
    {
        var request = new NewPullRequest(PullRequestText.Title(key), branch, baseBranch)
        {
            Body = PullRequestText.Body(change, markers, plan),
        };
        PullRequest created;
        try
        {
            created = await _retry.RunAsync(() => _client.PullRequest.Create(Owner, Name, request),
                cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiValidationException exception) when (GitHubErrors.IsPullRequestExists(exception))
        {
            // Opened by a first try whose answer was lost, or by another replica: that one stands,
            // with its labels and reviewers (asking again changes nothing when they are there).
            var existing = await FindOpenAsync(baseBranch, branch, markers, cancellationToken)
                .ConfigureAwait(false);
            if (existing is { SameRequest: true })
            {
                await DecorateAsync(existing.Number, cancellationToken).ConfigureAwait(false);
            }

            return (OpenPullRequestResult?)existing ?? new Failed(GitHubErrors.Message(exception));
        }
        catch (ApiValidationException exception)
        {
            GitHubFailures.Record("open-pull-request", exception);
            return new Failed($"GitHub would not open the pull request: {GitHubErrors.Message(exception)}");
        }

        var warnings = await DecorateAsync(created.Number, cancellationToken).ConfigureAwait(false);
        GitHubRbacLog.Opened(_logger, created.Number, Owner, Name, change.RequestId);
        return new OpenedPullRequest(created.Number, new Uri(created.HtmlUrl), created.Head.Sha, branch,
            plan.Changes.Select(file => file.Path).ToList(), warnings);
    }

    // Labels and reviewers: useful but not essential, so a refusal becomes a warning.
    private async Task<List<string>> DecorateAsync(int number, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        if (_options.Labels.Count > 0)
        {
            try
            {
                await _retry.RunAsync(() => _client.Issue.Labels.AddToIssue(Owner, Name, number,
                    [.. _options.Labels]), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ApiException exception)
            {
                GitHubRbacLog.Extra(_logger, number, "labels", GitHubErrors.Message(exception));
                GitHubFailures.Record("add-labels", exception);
                warnings.Add($"Labels not added: {GitHubErrors.Message(exception)}");
            }
        }

        if (_options.Reviewers.Count > 0 || _options.TeamReviewers.Count > 0)
        {
            try
            {
                var reviewers = new PullRequestReviewRequest([.. _options.Reviewers],
                    [.. _options.TeamReviewers]);
                await _retry.RunAsync(() => _client.PullRequest.ReviewRequest.Create(Owner, Name,
                    number, reviewers), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ApiException exception)
            {
                GitHubRbacLog.Extra(_logger, number, "review request", GitHubErrors.Message(exception));
                GitHubFailures.Record("request-reviewers", exception);
                warnings.Add($"Reviewers not requested: {GitHubErrors.Message(exception)}");
            }
        }

        return warnings;
    }

    private async Task<CommitOutcome> CommitAsync(
        AccessChange change, RbacDocument key, string branch, RbacEditPlan plan, RepositorySnapshot snapshot,
        CancellationToken cancellationToken)
    {
        foreach (var file in plan.Changes)
        {
            var text = file.NewText;
            var sha = file.IsNewFile ? null : snapshot.BlobShas.GetValueOrDefault(file.Path);
            var message = PullRequestText.CommitMessage(file, plan, change, key);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await WriteFileAsync(file.Path, text, sha, branch, message, cancellationToken)
                        .ConfigureAwait(false);
                    break;
                }
                catch (Exception exception) when (GitHubErrors.IsShaConflict(exception)
                    && attempt < _options.Retry.MaxRebuilds)
                {
                    GitHubRbacLog.FileConflict(_logger, change.RequestId, file.Path);
                    var rebuilt = await RebuildAsync(change, branch, file.Path, snapshot, cancellationToken)
                        .ConfigureAwait(false);
                    if (rebuilt is CommitOutcome.Failed failed)
                    {
                        return failed;
                    }

                    if (rebuilt is not CommitOutcome.Rewrite rewrite)
                    {
                        break;
                    }

                    (text, sha) = (rewrite.Text, rewrite.Sha);
                }
                catch (Exception exception) when (GitHubErrors.IsBranchMissing(exception))
                {
                    return new CommitOutcome.BranchGone();
                }
            }
        }

        return new CommitOutcome.Done();
    }

    // The file changed on the branch: plan again against its current text and write that.
    private async Task<CommitOutcome> RebuildAsync(
        AccessChange change, string branch, string path, RepositorySnapshot snapshot,
            CancellationToken cancellationToken)
    {
        var (current, sha) = await ReadFileAsync(path, branch, cancellationToken).ConfigureAwait(false);
        var files = snapshot.Texts.ToDictionary(entry => entry.Key, entry => entry.Value,
            StringComparer.Ordinal);
        if (current is null)
        {
            files.Remove(path);
        }
        else
        {
            files[path] = current;
        }

        return RbacFileEditor.Plan(files, change.Fix, _options.FilePath) switch
        {
            RbacAlreadyPresent => new CommitOutcome.Done(),
            RbacEditPlan replanned when replanned.Changes.FirstOrDefault(file
                => file.Path == path) is { } again =>
                new CommitOutcome.Rewrite(again.NewText, again.IsNewFile ? null : sha),
            RbacEditRejected rejected => new CommitOutcome.Failed(rejected.Reason),
            _ => new CommitOutcome.Failed(
                $"{path} changed meanwhile and the change no longer fits it; try again."),
        };
    }

    private async Task WriteFileAsync(string path, string text, string? sha, string branch,
        string message, CancellationToken cancellationToken)
    {
        if (sha is null)
        {
            await _retry.RunAsync(() => _client.Repository.Content.CreateFile(Owner, Name, path,
                new CreateFileRequest(message, text, branch)),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _retry.RunAsync(() => _client.Repository.Content.UpdateFile(Owner, Name, path,
                new UpdateFileRequest(message, text, sha, branch)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(string? Text, string? Sha)> ReadFileAsync(string path, string branch,
        CancellationToken cancellationToken)
    {
        try
        {
            var contents = await _retry.RunAsync(()
                => _client.Repository.Content.GetAllContentsByRef(Owner, Name, path, branch),
                    cancellationToken)
                .ConfigureAwait(false);
            var file = contents.Count == 1 ? contents[0] : null;
            return file?.EncodedContent is { } encoded
                ? (StrictUtf8.GetString(Convert.FromBase64String(encoded)), file.Sha)
                : (null, null);
        }
        catch (NotFoundException)
        {
            return (null, null);
        }
    }

    private async Task ResetBranchAsync(string branch, string sha, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.RunAsync(() => _client.Git.Reference.Create(Owner, Name,
                new NewReference($"refs/heads/{branch}", sha)), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiValidationException exception) when (GitHubErrors.IsReferenceExists(exception))
        {
            // Left by an earlier try with no open pull request: ours to start again from the base head.
            await _retry.RunAsync(() => _client.Git.Reference.Update(Owner, Name,
                $"heads/{branch}", new ReferenceUpdate(sha, force: true)),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> HeadOfAsync(string branch, CancellationToken cancellationToken)
    {
        var reference = await _retry.RunAsync(() => _client.Git.Reference.Get(Owner, Name,
            $"heads/{branch}"), cancellationToken)
            .ConfigureAwait(false);
        return reference.Object.Sha;
    }

    private async Task<string> BaseBranchAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.BaseBranch))
        {
            return _options.BaseBranch;
        }

        if (_defaultBranch is null)
        {
            var repository = await _retry.RunAsync(() => _client.Repository.Get(Owner, Name),
                cancellationToken)
                .ConfigureAwait(false);
            _defaultBranch = repository.DefaultBranch;
        }

        return _defaultBranch;
    }

    // An open pull request on the request's branch, or one whose markers add the same binding.
    private async Task<ExistingPullRequest?> FindOpenAsync(
        string baseBranch, string branch, PullRequestMarkers markers, CancellationToken cancellationToken)
    {
        var request = new PullRequestRequest { State = ItemStateFilter.Open, Base = baseBranch };
        var open = await _retry.RunAsync(
            () => _client.PullRequest.GetAllForRepository(Owner, Name, request,
                new ApiOptions { PageSize = 100, PageCount = 10 }),
            cancellationToken).ConfigureAwait(false);
        var sameRequest = open.FirstOrDefault(pullRequest => pullRequest.Head?.Ref == branch);
        var sameChange = sameRequest ?? open.FirstOrDefault(pullRequest =>
            PullRequestMarkers.Parse(pullRequest.Body) is { } theirs && theirs.SameChange(markers));
        return sameChange is null
            ? null
            : new ExistingPullRequest(sameChange.Number, new Uri(sameChange.HtmlUrl),
                sameChange.Head.Sha, sameChange.Head.Ref,
                sameRequest is not null);
    }

    private async Task<RepositorySnapshot> ReadSnapshotAsync(string commitSha,
        CancellationToken cancellationToken)
    {
        var tree = await _retry.RunAsync(() => _client.Git.Tree.GetRecursive(Owner, Name,
            commitSha), cancellationToken)
            .ConfigureAwait(false);
        var folder = RepositoryPaths.Normalise(_options.Directory ?? "").TrimEnd('/');
        var blobs = tree.Tree
            .Where(item => item.Type.Value == TreeType.Blob)
            .Where(item => folder.Length == 0 || item.Path.StartsWith(folder + "/", StringComparison.Ordinal)
                || IsConfiguredFile(item.Path))
            .Where(item => RepositoryPaths.IsManifestFile(item.Path)
                || RepositoryPaths.IsKustomization(item.Path))
            .ToList();
        if (tree.Truncated)
        {
            GitHubRbacLog.Skipped(_logger, folder,
                "the tree is too large to list whole; set a smaller folder");
        }

        if (blobs.Count > _options.MaxFiles)
        {
            throw new RbacRepositoryException(
                $"The RBAC folder holds {blobs.Count} YAML files, more than the {_options.MaxFiles} read; "
                + "set a smaller folder.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var shas = new Dictionary<string, string>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in blobs)
        {
            var text = item.Size <= RepositoryFile.MaxLength ? await ReadBlobAsync(item,
                cancellationToken).ConfigureAwait(false) : null;
            if (text is null)
            {
                GitHubRbacLog.Skipped(_logger, item.Path, "too large or not UTF-8");
                unreadable.Add(item.Path);
                continue;
            }

            texts[item.Path] = text;
            shas[item.Path] = item.Sha;
        }

        return new RepositorySnapshot(commitSha, texts, shas, unreadable);
    }

    private async Task<string?> ReadBlobAsync(TreeItem item, CancellationToken cancellationToken)
    {
        var blob = await _retry.RunAsync(() => _client.Git.Blob.Get(Owner, Name, item.Sha), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            var bytes = blob.Encoding.Value == EncodingType.Base64
                ? Convert.FromBase64String(blob.Content)
                : System.Text.Encoding.UTF8.GetBytes(blob.Content);
            return StrictUtf8.GetString(bytes);
        }
        catch (Exception exception)
            when (exception is FormatException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    // The configured file (or, for a "{namespace}" path, its folder) is read even outside Directory.
    private bool IsConfiguredFile(string path)
    {
        if (string.IsNullOrWhiteSpace(_options.FilePath))
        {
            return false;
        }

        var configured = RepositoryPaths.Normalise(_options.FilePath.Trim());
        var slot = configured.IndexOf(TargetChooser.NamespacePlaceholder, StringComparison.Ordinal);
        return slot < 0
            ? path == configured
            : path.StartsWith(configured[..slot], StringComparison.Ordinal);
    }

    // A request id becomes part of a branch name: keep it to characters Git and URLs take as they are.

    /// <summary>How writing the files ended.</summary>
    private abstract record CommitOutcome
    {
        public sealed record Done : CommitOutcome;

        public sealed record BranchGone : CommitOutcome;

        public sealed record Rewrite(string Text, string? Sha) : CommitOutcome;

        public sealed record Failed(string Reason) : CommitOutcome;
    }
}
