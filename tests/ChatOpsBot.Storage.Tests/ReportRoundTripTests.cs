using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Tests.Support;

namespace ChatOpsBot.Storage.Tests;

public sealed class ReportRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_full_report_comes_back_field_for_field_after_a_reopen()
    {
        var report = SampleReports.Full();
        var context = SampleReports.Context();
        string id;
        using (var store = Open())
        {
            id = await store.SaveAsync(report, context, default);
        }

        using var reopened = Open();
        var stored = await reopened.GetAsync(id, default);

        Assert.NotNull(stored);
        ReportAssert.Equal(report, stored.Report);
        ReportAssert.Equal(context, stored.Context);

        // The chosen identity is one of the candidates, as the engine hands it over.
        Assert.Same(stored.Report.Identity.Candidates[1], stored.Report.Identity.Chosen);
    }

    [Fact]
    public async Task Nulls_empty_values_and_the_core_group_keep_their_meaning()
    {
        var chosen = new IdentityCandidate("someone", [], IdentitySource.ErrorMessage, null, "", null);
        var report = new DiagnosisReport
        {
            Attempt = new AccessAttempt
            {
                Kind = AttemptKind.Unauthorized,
                Groups = [],
                ApiGroup = "",
                NonResourceUrl = "/metrics",
                ClusterScope = true,
            },

            // The chosen candidate is not in the list: it must still come back.
            Identity = new ResolvedIdentity { Chosen = chosen, Candidates = [] },
            Allowed = false,
            Cause = new Cause(CauseCode.IdentityNotMapped, ""),
            Fix = new ProposedFix("ConfigMap", null, "aws-auth", "- rolearn: x\n", ""),
        };
        var context = new DiagnosisContext
        {
            ChannelId = "C1",
            RequestedBy = "U1",
            Origin = DiagnosisOrigin.Message,
        };
        using var store = Open();

        var stored = await store.GetAsync(await store.SaveAsync(report, context, default), default);

        ReportAssert.Equal(report, stored!.Report);
        ReportAssert.Equal(context, stored.Context);
        Assert.NotNull(stored.Report.Attempt.Groups);
        Assert.Equal("", stored.Report.Attempt.ApiGroup);
        Assert.Null(stored.Report.Attempt.User);
        Assert.Null(stored.Report.Fix!.Namespace);
        Assert.Null(stored.Context.TeamId);
    }

    [Theory]
    [InlineData(AttemptKind.GkeIam, CauseCode.NotRbac, CheckStatus.Warn)]
    [InlineData(AttemptKind.AdmissionDenial, CauseCode.NamespaceNotFound, CheckStatus.Skip)]
    [InlineData(AttemptKind.NotAnAccessError, CauseCode.Unknown, CheckStatus.Pass)]
    public async Task Every_enum_value_round_trips(AttemptKind kind, CauseCode code, CheckStatus status)
    {
        var report = SampleReports.Full() with
        {
            Attempt = SampleReports.Attempt() with { Kind = kind, Groups = null },
            Cause = new Cause(code, "why"),
            Checks = [new Check("x", status, "detail")],
        };
        using var store = Open();

        var id = await store.SaveAsync(report, SampleReports.Context(), default);
        var stored = await store.GetAsync(id, default);

        ReportAssert.Equal(report, stored!.Report);
        Assert.Null(stored.Report.Attempt.Groups);
    }

    [Fact]
    public async Task A_report_too_large_to_keep_is_refused_and_nothing_is_written()
    {
        var huge = SampleReports.Full() with
        {
            Attempt = SampleReports.Attempt() with
            {
                Reason = new string('x', SqliteRequestStore.MaxJsonLength),
            },
        };
        using var store = Open();

        await Assert.ThrowsAsync<ArgumentException>(
            () => store.SaveAsync(huge, SampleReports.Context(), default));

        Assert.Equal(0, await StoreFile.CountRowsAsync(store.FilePath, "diagnoses"));
    }

    private SqliteRequestStore Open() =>
        new(new SqliteStoreOptions { SqlitePath = _folder.File("store.db") });
}
