using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Tests.Support;

namespace ChatOpsBot.Storage.Tests;

/// <summary>Values shaped like SQL (or worse) are data: stored and returned exactly as given.</summary>
public sealed class HostileValueTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Values => new()
    {
        "'; DROP TABLE diagnoses; --",
        "Robert'); DELETE FROM access_requests; --",
        "\" OR \"1\"=\"1",
        "x' OR '1'='1",
        "@id",
        "$1 ?1 :name",
        "line one\nline two\r\n\ttabbed",
        "nul\u0000inside",
        "emoji 🚀 and ünïcödé",
        "%_ LIKE wildcards %",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Every_text_field_keeps_the_value_verbatim(string value)
    {
        using var store = new SqliteRequestStore(
            new SqliteStoreOptions { SqlitePath = _folder.File("hostile.db") });
        var report = SampleReports.Full() with
        {
            Attempt = SampleReports.Attempt(value) with { User = value, Reason = value, Groups = [value] },
            Cause = new Cause(CauseCode.MissingBinding, value),
            Checks = [new Check(value, CheckStatus.Fail, value)],
            Fix = new ProposedFix("RoleBinding", value, value, value, value),
        };
        var context = SampleReports.Context(value) with
        {
            ChannelId = value,
            ThreadTs = value,
            TeamId = value,
        };

        var id = await store.SaveAsync(report, context, default);
        await store.RecordAccessRequestAsync(id, value, default);
        var pullRequest = new PullRequestInfo(9, value, value, value);
        await store.TryRecordPullRequestAsync(id, pullRequest, value, default);
        await store.SetApprovalMessageAsync(id, new MessageLocation(value, value), value, default);
        await store.AppendAuditAsync(id, value, "note", value, default);
        await store.TryDecideAsync(
            id, AccessDecision.Deny(value), value, AccessRequestState.PullRequestOpened, default);

        var stored = await store.GetAsync(id, default);
        ReportAssert.Equal(report, stored!.Report);
        ReportAssert.Equal(context, stored.Context);
        Assert.Equal(value, stored.AccessRequest!.RequestedBy);
        var request = await store.GetRequestAsync(id, default);
        Assert.Equal(value, request!.RequestedBy);
        Assert.Equal(value, request.Namespace);
        Assert.Equal(value, request.Cluster);
        Assert.Equal(report.Fix, request.Fix);
        Assert.Equal(pullRequest, request.PullRequest);
        Assert.Equal(new MessageLocation(value, value), request.ApprovalMessage);
        Assert.Equal(value, request.Decision!.Reason);
        Assert.Equal(value, request.Decision.DecidedBy);
        var trail = await store.GetAuditTrailAsync(id, default);
        Assert.Equal(5, trail.Count);
        Assert.Equal(value, trail[3].Detail);
        Assert.All(trail.Skip(1), entry => Assert.Equal(value, entry.Actor));

        // Nothing was dropped or emptied along the way.
        Assert.Equal(1, await StoreFile.CountRowsAsync(store.FilePath, "diagnoses"));
        Assert.Equal(1, await StoreFile.CountRowsAsync(store.FilePath, "access_requests"));
    }
}
