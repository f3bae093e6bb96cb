using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Storage.Tests;

/// <summary>A restart loses nothing: every test closes the store and opens the same file again.</summary>
public sealed class RestartTests : IDisposable
{
    private static readonly PullRequestInfo PullRequest = new(7, "https://x/pull/7", "abc", "b");
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_button_clicked_after_a_restart_still_finds_its_diagnosis()
    {
        string id;
        using (var before = Open())
        {
            id = await before.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        }

        using var after = Open();
        var stored = await after.GetAsync(id, default);
        var click = await after.RecordAccessRequestAsync(id, "UASKER", default);

        Assert.NotNull(stored);
        Assert.Equal(_time.GetUtcNow(), stored.SavedAt);
        Assert.Equal(AccessRequestStatus.Recorded, click.Status);
        Assert.Equal(AccessRequestState.Requested, (await after.GetRequestAsync(id, default))!.State);
    }

    [Fact]
    public async Task A_request_its_decision_and_its_audit_trail_survive_a_restart()
    {
        string id;
        IReadOnlyList<AuditEntry> trailBefore;
        using (var before = Open())
        {
            id = await before.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
            await before.RecordAccessRequestAsync(id, "UASKER", default);
            await before.TryRecordPullRequestAsync(id, PullRequest, "bot", default);
            await before.SetApprovalMessageAsync(id, new MessageLocation("CADM", "99.1"), "bot", default);
            await before.TryDecideAsync(
                id,
                AccessDecision.Deny("use the viewer role"),
                "UADMIN",
                AccessRequestState.PullRequestOpened,
                default);
            trailBefore = await before.GetAuditTrailAsync(id, default);
        }

        using var after = Open();
        var request = await after.GetRequestAsync(id, default);
        var trailAfter = await after.GetAuditTrailAsync(id, default);
        var secondClick = await after.RecordAccessRequestAsync(id, "UOTHER", default);

        Assert.Equal(AccessRequestState.Denied, request!.State);
        Assert.Equal(
            new RecordedDecision(DecisionVerdict.Deny, "UADMIN", _time.GetUtcNow(), "use the viewer role"),
            request.Decision);
        Assert.Equal(PullRequest, request.PullRequest);
        Assert.Equal(new MessageLocation("CADM", "99.1"), request.ApprovalMessage);
        Assert.Equal(trailBefore, trailAfter);
        Assert.Equal(4, trailAfter.Count);
        Assert.Equal(AccessRequestStatus.AlreadyRecorded, secondClick.Status);
        Assert.Equal("UASKER", secondClick.Diagnosis!.AccessRequest!.RequestedBy);
    }

    [Fact]
    public async Task A_verification_under_way_is_listed_again_after_a_restart()
    {
        string merged;
        string verified;
        using (var before = Open())
        {
            merged = await MergeAsync(before);
            verified = await MergeAsync(before);
            await before.TryAdvanceAsync(
                verified,
                AccessRequestState.Merged,
                AccessRequestState.Verified,
                "bot",
                "allowed now",
                default);
        }

        using var after = Open();
        var pending = await after.ListPendingVerificationsAsync(default);

        var resumed = Assert.Single(pending);
        Assert.Equal(merged, resumed.Id);
        Assert.Equal("EKSGetTokenAuth", resumed.Attempt.User);
        Assert.Equal("admin", resumed.Identity.User);
        Assert.Equal("C0123", resumed.Context.ChannelId);
        Assert.Equal("1712345678.000100", resumed.Context.ThreadTs);
        var done = await after.TryAdvanceAsync(
            merged, AccessRequestState.Merged, AccessRequestState.Verified, "bot", null, default);
        Assert.True(done.Won);
        Assert.Empty(await after.ListPendingVerificationsAsync(default));
    }

    [Fact]
    public async Task Two_stores_on_one_file_still_let_exactly_one_decision_win()
    {
        using var first = Open();
        using var second = Open();
        var id = await first.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await first.RecordAccessRequestAsync(id, "UASKER", default);
        await second.TryRecordPullRequestAsync(id, new PullRequestInfo(1, "u", "s", "b"), "bot", default);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).TryDecideAsync(
                id, AccessDecision.Approve(), "UADMIN" + i, AccessRequestState.PullRequestOpened, default))));

        Assert.Single(results, result => result.Won);
        Assert.Equal(1L, await StoreFile.ScalarAsync(
            first.FilePath, "SELECT COUNT(*) FROM audit_log WHERE action = 'approved'"));
    }

    [Fact]
    public async Task The_file_is_in_write_ahead_log_mode()
    {
        using var store = Open();

        var mode = await StoreFile.ScalarAsync(store.FilePath, "PRAGMA journal_mode");

        Assert.Equal("wal", mode);
    }

    private SqliteRequestStore Open() =>
        new(new SqliteStoreOptions { SqlitePath = _folder.File("bot.db") }, _time);

    private static async Task<string> MergeAsync(SqliteRequestStore store)
    {
        var id = await store.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await store.RecordAccessRequestAsync(id, "UASKER", default);
        await store.TryRecordPullRequestAsync(id, PullRequest, "bot", default);
        await store.TryDecideAsync(
            id, AccessDecision.Approve(), "UADMIN", AccessRequestState.PullRequestOpened, default);
        await store.TryAdvanceAsync(
            id, AccessRequestState.Approved, AccessRequestState.Merged, "bot", null, default);
        return id;
    }
}
