using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class InMemoryDiagnosisStoreTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DiagnosisContext _context = new() { ChannelId = "C1", RequestedBy = "U1" };

    private InMemoryDiagnosisStore Store(int capacity = 100, int days = 7) =>
        new(capacity, TimeSpan.FromDays(days), _time);

    private static ChatOpsBot.Core.Diagnosis.DiagnosisReport Report() =>
        Reports.MissingBinding(Reports.ExecAttempt, Reports.Identity(new()));

    [Fact]
    public async Task Saved_diagnoses_come_back_under_an_opaque_unguessable_id()
    {
        var store = Store();
        var report = Report();

        var id = await store.SaveAsync(report, _context, default);
        var other = await store.SaveAsync(report, _context, default);

        Assert.True(DiagnosisIds.IsWellFormed(id));
        Assert.NotEqual(id, other);
        var stored = await store.GetAsync(id, default);
        Assert.Same(report, stored!.Report);
        Assert.Equal(_context, stored.Context);
        Assert.Null(stored.AccessRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../../../etc/passwd00")]
    public async Task Unknown_ids_are_not_found(string id)
    {
        var store = Store();

        Assert.Null(await store.GetAsync(id, default));
        var request = await store.RecordAccessRequestAsync(id, "U1", default);
        Assert.Equal(AccessRequestStatus.NotFound, request.Status);
    }

    [Fact]
    public async Task Entries_expire_and_the_oldest_go_first()
    {
        var store = Store(capacity: 2, days: 1);
        var first = await store.SaveAsync(Report(), _context, default);
        var second = await store.SaveAsync(Report(), _context, default);
        var third = await store.SaveAsync(Report(), _context, default);

        Assert.Null(await store.GetAsync(first, default));
        Assert.NotNull(await store.GetAsync(second, default));

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Null(await store.GetAsync(third, default));
    }

    [Fact]
    public async Task An_access_request_is_recorded_once()
    {
        var store = Store();
        var id = await store.SaveAsync(Report(), _context, default);

        var first = await store.RecordAccessRequestAsync(id, "UA", default);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await store.RecordAccessRequestAsync(id, "UB", default);

        Assert.Equal(AccessRequestStatus.Recorded, first.Status);
        Assert.Equal(AccessRequestStatus.AlreadyRecorded, second.Status);
        Assert.Equal("UA", second.Diagnosis!.AccessRequest!.RequestedBy);
        Assert.Equal("UA", (await store.GetAsync(id, default))!.AccessRequest!.RequestedBy);
    }

    [Fact]
    public async Task Concurrent_clicks_record_exactly_one_request()
    {
        var store = Store();
        var id = await store.SaveAsync(Report(), _context, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(i => Task.Run(() => store.RecordAccessRequestAsync(id, "U" + i, default))));

        Assert.Single(results, r => r.Status == AccessRequestStatus.Recorded);
    }
}
