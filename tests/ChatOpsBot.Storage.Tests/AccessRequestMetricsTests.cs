using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Tests.Support;
using ChatOpsBot.Tests.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Storage.Tests;

/// <summary>
/// Every step an access request enters counts once in the access-requests metric, by outcome,
/// in both stores; a move that lost a race, or a second click, counts nothing.
/// </summary>
[Collection(MetricsGroup.Name)]
public sealed class AccessRequestMetricsTests : IDisposable
{
    private const string Requests = "k8s_access_bot.access_requests";

    private static readonly PullRequestInfo Pr = new(
        7, "https://github.example/platform/rbac/pull/7", "0123456789abcdef0123456789abcdef01234567",
        "k8s-access/hello-rb");

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Stores => ["sqlite", "memory"];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Approved_path_counts_each_step_once(string kind)
    {
        var (diagnoses, requests, owned) = Open(kind);
        using var _ = owned;
        var id = await diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        using var metrics = new MetricCapture(Requests);

        await diagnoses.RecordAccessRequestAsync(id, "UASK", default);
        await diagnoses.RecordAccessRequestAsync(id, "UAGAIN", default);
        await requests.TryRecordPullRequestAsync(id, Pr, "bot", default);
        await requests.TryDecideAsync(
            id, AccessDecision.Approve(), "UADMIN", AccessRequestState.PullRequestOpened, default);
        await requests.TryDecideAsync(
            id, AccessDecision.Deny("late"), "UOTHER", AccessRequestState.PullRequestOpened, default);
        await requests.TryAdvanceAsync(
            id, AccessRequestState.Approved, AccessRequestState.Merged, "bot", null, default);
        await requests.TryAdvanceAsync(
            id, AccessRequestState.Merged, AccessRequestState.Verified, "bot", null, default);

        var outcomes = metrics.Of(Requests).Select(item => item.Tags["outcome"]).ToList();
        Assert.Equal(["requested", "pr-opened", "approved", "merged", "verified"], outcomes);
        Assert.All(metrics.Of(Requests), item => Assert.Equal(1, item.Value));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Denied_failed_and_unverified_requests_count_as_such(string kind)
    {
        var (diagnoses, requests, owned) = Open(kind);
        using var _ = owned;
        var denied = await RequestedWithPullRequestAsync(diagnoses, requests);
        var failed = await diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await diagnoses.RecordAccessRequestAsync(failed, "UASK", default);
        var unverified = await RequestedWithPullRequestAsync(diagnoses, requests);
        using var metrics = new MetricCapture(Requests);

        await requests.TryDecideAsync(
            denied, AccessDecision.Deny("no"), "UADMIN", AccessRequestState.PullRequestOpened, default);
        await requests.TryFailAsync(failed, AccessRequestState.Requested, "GitHub said no", "bot", default);
        await requests.TryDecideAsync(
            unverified, AccessDecision.Approve(), "UADMIN", AccessRequestState.PullRequestOpened, default);
        await requests.TryAdvanceAsync(
            unverified, AccessRequestState.Approved, AccessRequestState.Merged, "bot", null, default);
        await requests.TryAdvanceAsync(
            unverified,
            AccessRequestState.Merged,
            AccessRequestState.VerificationFailed,
            "bot",
            "still",
            default);

        var outcomes = metrics.Of(Requests).Select(item => item.Tags["outcome"]).ToList();
        Assert.Equal(["denied", "failed", "approved", "merged", "verification-failed"], outcomes);
    }

    private static async Task<string> RequestedWithPullRequestAsync(
        IDiagnosisStore diagnoses, IAccessRequestStore requests)
    {
        var id = await diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await diagnoses.RecordAccessRequestAsync(id, "UASK", default);
        await requests.TryRecordPullRequestAsync(id, Pr, "bot", default);
        return id;
    }

    private (IDiagnosisStore Diagnoses, IAccessRequestStore Requests, IDisposable? Owned) Open(string kind)
    {
        if (kind == "sqlite")
        {
            var store = new SqliteRequestStore(
                new SqliteStoreOptions { SqlitePath = _folder.File("store.db") }, _time);
            return (store, store, store);
        }

        var memory = new InMemoryDiagnosisStore(1000, TimeSpan.FromDays(7), _time);
        return (memory, memory, null);
    }
}
