using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Storage.Tests;

public sealed class ExpiryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_diagnosis_is_readable_until_its_lifetime_ends_and_not_a_tick_longer()
    {
        using var store = Open(TimeSpan.FromHours(2));
        var id = await store.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);

        _time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
        Assert.NotNull(await store.GetAsync(id, default));

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(await store.GetAsync(id, default));
        var click = await store.RecordAccessRequestAsync(id, "U1", default);
        Assert.Equal(AccessRequestStatus.NotFound, click.Status);
    }

    [Fact]
    public async Task The_clean_up_removes_expired_diagnoses_but_never_requests_or_their_audit()
    {
        using var store = Open(TimeSpan.FromDays(1));
        var requested = await store.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await store.RecordAccessRequestAsync(requested, "UASKER", default);
        await store.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        _time.Advance(TimeSpan.FromHours(23));
        var young = await store.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        _time.Advance(TimeSpan.FromHours(1));

        var removed = await store.PurgeExpiredDiagnosesAsync(default);

        Assert.Equal(2, removed);
        Assert.Equal(1, await StoreFile.CountRowsAsync(store.FilePath, "diagnoses"));
        Assert.NotNull(await store.GetAsync(young, default));
        Assert.Equal(1, await StoreFile.CountRowsAsync(store.FilePath, "access_requests"));
        Assert.Equal(1, await StoreFile.CountRowsAsync(store.FilePath, "audit_log"));
        Assert.Equal("UASKER", (await store.GetRequestAsync(requested, default))!.RequestedBy);
    }

    [Fact]
    public async Task Saving_cleans_up_when_due_and_keeps_at_most_the_configured_number()
    {
        using var store = Open(TimeSpan.FromDays(30), maxDiagnoses: 3);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await store.SaveAsync(SampleReports.Full(), SampleReports.Context(), default));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // The first save cleaned up (nothing to do); the next clean-up is due ten minutes later.
        Assert.Equal(5, await StoreFile.CountRowsAsync(store.FilePath, "diagnoses"));
        _time.Advance(TimeSpan.FromMinutes(10));
        ids.Add(await store.SaveAsync(SampleReports.Full(), SampleReports.Context(), default));

        Assert.Equal(4, await StoreFile.CountRowsAsync(store.FilePath, "diagnoses"));
        Assert.Null(await store.GetAsync(ids[0], default));
        Assert.Null(await store.GetAsync(ids[1], default));
        Assert.NotNull(await store.GetAsync(ids[2], default));
        Assert.NotNull(await store.GetAsync(ids[5], default));
    }

    private SqliteRequestStore Open(TimeSpan lifetime, int maxDiagnoses = 1000) =>
        new(
            new SqliteStoreOptions
            {
                SqlitePath = _folder.File("expiry.db"),
                DiagnosisLifetime = lifetime,
                MaxDiagnoses = maxDiagnoses,
            },
            _time);
}
