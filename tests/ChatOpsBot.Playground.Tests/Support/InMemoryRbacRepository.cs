using System.Globalization;
using System.Security.Cryptography;
using ChatOpsBot.GitOps.Repository;

namespace ChatOpsBot.Playground.Tests.Support;

/// <summary>
/// An RBAC repository in memory: a "pull request" per request id, and a merge that writes the
/// fix into the cluster snapshot folder, as a GitOps sync of the merged file would.
/// </summary>
internal sealed class InMemoryRbacRepository(string clusterFolder) : IRbacRepository
{
    private readonly Lock _gate = new();
    private readonly List<PullRequest> _pulls = [];

    public IReadOnlyList<PullRequest> PullRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _pulls];
            }
        }
    }

    public int MergeCalls { get; private set; }

    public Task<OpenPullRequestResult> OpenPullRequestAsync(
        AccessChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_pulls.FirstOrDefault(p => p.RequestId == change.RequestId) is { } existing)
            {
                return Task.FromResult<OpenPullRequestResult>(
                    new ExistingPullRequest(
                        existing.Number, existing.Url, existing.HeadSha, existing.Branch, SameRequest: true));
            }

            var number = _pulls.Count + 1;
            var pull = new PullRequest(
                number, change.RequestId, change.Fix.Yaml,
                Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
                $"access/{change.RequestId}",
                new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1/rbac/pulls/{number}")));
            _pulls.Add(pull);
            return Task.FromResult<OpenPullRequestResult>(new OpenedPullRequest(
                pull.Number, pull.Url, pull.HeadSha, pull.Branch, [$"rbac/{change.Fix.Name}.yaml"], []));
        }
    }

    public Task<PullRequestStatus?> GetPullRequestAsync(
        int number, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var pull = _pulls.FirstOrDefault(p => p.Number == number);
            return Task.FromResult(pull is null
                ? null
                : new PullRequestStatus(
                    pull.Number, pull.Url, pull.IsOpen, pull.IsMerged, pull.HeadSha,
                    Approved: false, ChangesRequested: false, Approvers: [], Mergeable: true));
        }
    }

    public async Task<MergeResult> MergeAsync(
        int number, string expectedHeadSha, CancellationToken cancellationToken = default)
    {
        PullRequest? pull;
        lock (_gate)
        {
            MergeCalls++;
            pull = _pulls.FirstOrDefault(p => p.Number == number);
            if (pull is null)
            {
                return new MergeResult(MergeOutcome.NotFound, null, "no such pull request");
            }

            if (pull.IsMerged)
            {
                return new MergeResult(MergeOutcome.AlreadyMerged, pull.HeadSha, null);
            }

            if (!pull.IsOpen)
            {
                return new MergeResult(MergeOutcome.Closed, null, "closed");
            }

            if (pull.HeadSha != expectedHeadSha)
            {
                return new MergeResult(MergeOutcome.HeadChanged, null, "the head moved");
            }

            pull.IsMerged = true;
            pull.IsOpen = false;
        }

        var synced = Path.Combine(clusterFolder, $"merged-{number}.yaml");
        await File.WriteAllTextAsync(synced, pull.Yaml, cancellationToken);
        return new MergeResult(MergeOutcome.Merged, pull.HeadSha, null);
    }

    public Task<CloseResult> CloseAsync(
        int number, string reason, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var pull = _pulls.FirstOrDefault(p => p.Number == number);
            if (pull is null)
            {
                return Task.FromResult(new CloseResult(CloseOutcome.NotFound, "no such pull request"));
            }

            if (pull.IsMerged)
            {
                return Task.FromResult(new CloseResult(CloseOutcome.AlreadyMerged, "merged"));
            }

            var outcome = pull.IsOpen ? CloseOutcome.Closed : CloseOutcome.AlreadyClosed;
            pull.IsOpen = false;
            return Task.FromResult(new CloseResult(outcome, null));
        }
    }

    internal sealed record PullRequest(
        int Number, string RequestId, string Yaml, string HeadSha, string Branch, Uri Url)
    {
        public bool IsOpen { get; set; } = true;

        public bool IsMerged { get; set; }
    }
}
