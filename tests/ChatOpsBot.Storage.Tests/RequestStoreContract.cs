using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Storage.Tests;

/// <summary>
/// What every <see cref="IDiagnosisStore"/> + <see cref="IAccessRequestStore"/> must do; run
/// against the SQLite store and the in-memory one.
/// </summary>
public abstract class RequestStoreContract : IDisposable
{
    private static readonly PullRequestInfo Pr = new(
        42, "https://github.example/platform/rbac/pull/42", "0123456789abcdef0123456789abcdef01234567",
        "k8s-access/hello-rb");

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero));

    protected abstract IDiagnosisStore Diagnoses { get; }

    protected abstract IAccessRequestStore Requests { get; }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task A_saved_diagnosis_comes_back_under_a_new_opaque_id()
    {
        var report = SampleReports.Full();
        var context = SampleReports.Context();

        var id = await Diagnoses.SaveAsync(report, context, default);
        var other = await Diagnoses.SaveAsync(report, context, default);

        Assert.True(DiagnosisIds.IsWellFormed(id));
        Assert.NotEqual(id, other);
        var stored = await Diagnoses.GetAsync(id, default);
        Assert.NotNull(stored);
        Assert.Equal(id, stored.Id);
        Assert.Equal(Time.GetUtcNow(), stored.SavedAt);
        ReportAssert.Equal(report, stored.Report);
        ReportAssert.Equal(context, stored.Context);
        Assert.Null(stored.AccessRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("x' OR '1'='1' --------")]
    public async Task Unknown_or_malformed_ids_are_not_found_anywhere(string id)
    {
        await Diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);

        Assert.Null(await Diagnoses.GetAsync(id, default));
        var click = await Diagnoses.RecordAccessRequestAsync(id, "U1", default);
        Assert.Equal(AccessRequestStatus.NotFound, click.Status);
        Assert.Null(await Requests.GetRequestAsync(id, default));
        Assert.Empty(await Requests.GetAuditTrailAsync(id, default));
        Assert.False(await Requests.AppendAuditAsync(id, "U1", "note", null, default));
        Assert.False(
            await Requests.SetApprovalMessageAsync(id, new MessageLocation("C1", "1.2"), "bot", default));
        var decided = await Requests.TryDecideAsync(
            id, AccessDecision.Approve(), "UADMIN", AccessRequestState.PullRequestOpened, default);
        Assert.Equal(TransitionOutcome.NotFound, decided.Outcome);
        Assert.False(decided.Won);
    }

    [Fact]
    public async Task The_first_click_opens_the_request_and_a_second_is_already_recorded()
    {
        var id = await Diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);

        var first = await Diagnoses.RecordAccessRequestAsync(id, "UFIRST", default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await Diagnoses.RecordAccessRequestAsync(id, "USECOND", default);

        Assert.Equal(AccessRequestStatus.Recorded, first.Status);
        Assert.Equal(AccessRequestStatus.AlreadyRecorded, second.Status);
        Assert.Equal("UFIRST", second.Diagnosis!.AccessRequest!.RequestedBy);
        var request = await Requests.GetRequestAsync(id, default);
        Assert.NotNull(request);
        Assert.Equal(AccessRequestState.Requested, request.State);
        Assert.Equal("UFIRST", request.RequestedBy);
        Assert.Equal(Time.GetUtcNow() - TimeSpan.FromMinutes(1), request.RequestedAt);
        Assert.Equal("hello", request.Namespace);
        Assert.Equal("prod-eu", request.Cluster);
        Assert.Equal(SampleReports.Full().Fix, request.Fix);
        ReportAssert.Equal(SampleReports.Identity().Chosen, request.Identity);
        ReportAssert.Equal(SampleReports.Attempt(), request.Attempt);
        ReportAssert.Equal(SampleReports.Context(), request.Context);
        Assert.Single(await Requests.GetAuditTrailAsync(id, default));
    }

    [Fact]
    public async Task Concurrent_clicks_record_exactly_one_request()
    {
        var id = await Diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);

        var results = await Task.WhenAll(Enumerable.Range(0, 24)
            .Select(i => Task.Run(() => Diagnoses.RecordAccessRequestAsync(id, "U" + i, default))));

        var winner = Assert.Single(results, result => result.Status == AccessRequestStatus.Recorded);
        Assert.All(
            results.Where(r => r != winner),
            r => Assert.Equal(AccessRequestStatus.AlreadyRecorded, r.Status));
        var request = await Requests.GetRequestAsync(id, default);
        Assert.Equal(winner.Diagnosis!.AccessRequest!.RequestedBy, request!.RequestedBy);
        Assert.Single(await Requests.GetAuditTrailAsync(id, default));
    }

    [Fact]
    public async Task A_diagnosis_without_a_fix_records_the_click_but_opens_no_request()
    {
        var id = await Diagnoses.SaveAsync(SampleReports.WithoutFix(), SampleReports.Context(), default);

        var result = await Diagnoses.RecordAccessRequestAsync(id, "U1", default);

        Assert.Equal(AccessRequestStatus.Recorded, result.Status);
        Assert.Null(await Requests.GetRequestAsync(id, default));
    }

    [Fact]
    public async Task Concurrent_decisions_have_exactly_one_winner_and_one_recorded_decision()
    {
        var id = await OpenedRequestAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            Requests.TryDecideAsync(
                id,
                i % 2 == 0 ? AccessDecision.Approve("ok " + i) : AccessDecision.Deny("no " + i),
                "UADMIN" + i,
                AccessRequestState.PullRequestOpened,
                default))));

        var winner = Assert.Single(results, result => result.Won);
        Assert.All(results.Where(r => !r.Won), r => Assert.Equal(TransitionOutcome.StateChanged, r.Outcome));
        var stored = await Requests.GetRequestAsync(id, default);
        Assert.Equal(winner.Request!.Decision, stored!.Decision);
        Assert.Equal(winner.Request.State, stored.State);
        var decisions = (await Requests.GetAuditTrailAsync(id, default))
            .Where(entry => entry.Action is AuditActions.Approved or AuditActions.Denied).ToList();
        var decided = Assert.Single(decisions);
        Assert.Equal(stored.Decision!.DecidedBy, decided.Actor);
    }

    [Fact]
    public async Task A_late_decision_loses_and_sees_the_winners_decision()
    {
        var id = await OpenedRequestAsync();

        var approve = await Requests.TryDecideAsync(
            id, AccessDecision.Approve(), "UALICE", AccessRequestState.PullRequestOpened, default);
        var deny = await Requests.TryDecideAsync(
            id, AccessDecision.Deny("too broad"), "UBOB", AccessRequestState.PullRequestOpened, default);

        Assert.True(approve.Won);
        Assert.Equal(AccessRequestState.Approved, approve.Request!.State);
        Assert.Equal(
            new RecordedDecision(DecisionVerdict.Approve, "UALICE", Time.GetUtcNow(), null),
            approve.Request.Decision);
        Assert.False(deny.Won);
        Assert.Equal(TransitionOutcome.StateChanged, deny.Outcome);
        Assert.Equal("UALICE", deny.Request!.Decision!.DecidedBy);
    }

    [Fact]
    public async Task The_audit_trail_lists_every_step_in_order_with_who_and_when()
    {
        var id = await Diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await Diagnoses.RecordAccessRequestAsync(id, "UASKER", default);
        var start = Time.GetUtcNow();
        await Step(() => Requests.TryRecordPullRequestAsync(id, Pr, AuditActors.Bot, default));
        Time.Advance(TimeSpan.FromSeconds(1));
        var admins = new MessageLocation("CADMINS", "1712.0001");
        Assert.True(await Requests.SetApprovalMessageAsync(id, admins, AuditActors.Bot, default));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Step(() => Requests.TryDecideAsync(
            id, AccessDecision.Approve("fine"), "UADMIN", AccessRequestState.PullRequestOpened, default));
        await Step(() => Requests.TryAdvanceAsync(
            id,
            AccessRequestState.Approved,
            AccessRequestState.Merged,
            AuditActors.Bot,
            "merge abc123",
            default));
        var noted = await Requests.AppendAuditAsync(
            id, AuditActors.Bot, "verification-attempt", "still denied", default);
        Assert.True(noted);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Step(() => Requests.TryAdvanceAsync(
            id, AccessRequestState.Merged, AccessRequestState.Verified, AuditActors.Bot, null, default));

        var trail = await Requests.GetAuditTrailAsync(id, default);

        Assert.Equal(
            ["requested", "pull-request-opened", "approval-message-posted", "approved", "merged",
             "verification-attempt", "verified"],
            trail.Select(entry => entry.Action));
        Assert.Equal(
            ["UASKER", "bot", "bot", "UADMIN", "bot", "bot", "bot"], trail.Select(entry => entry.Actor));
        Assert.Equal(
            [AccessRequestState.Requested, AccessRequestState.PullRequestOpened,
             AccessRequestState.PullRequestOpened, AccessRequestState.Approved, AccessRequestState.Merged,
             AccessRequestState.Merged, AccessRequestState.Verified],
            trail.Select(entry => entry.State));
        Assert.True(trail.Zip(trail.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
        Assert.Equal(start, trail[1].At);
        Assert.Equal(start + TimeSpan.FromSeconds(3), trail[^1].At);
        Assert.Equal(Pr.Url, trail[1].Detail);
        Assert.Equal("fine", trail[3].Detail);
        Assert.All(trail, entry => Assert.Equal(id, entry.RequestId));
        var request = await Requests.GetRequestAsync(id, default);
        Assert.Equal(Pr, request!.PullRequest);
        Assert.Equal(admins, request.ApprovalMessage);
        Assert.Equal(AccessRequestState.Verified, request.State);
    }

    [Fact]
    public async Task The_lifecycle_refuses_moves_it_does_not_allow_and_changes_nothing()
    {
        var id = await Diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await Diagnoses.RecordAccessRequestAsync(id, "U1", default);

        var early = await Requests.TryDecideAsync(
            id, AccessDecision.Approve(), "UADMIN", AccessRequestState.Requested, default);
        var skip = await Requests.TryAdvanceAsync(
            id, AccessRequestState.Requested, AccessRequestState.Merged, AuditActors.Bot, null, default);
        var wrongExpectation = await Requests.TryAdvanceAsync(
            id, AccessRequestState.Approved, AccessRequestState.Merged, AuditActors.Bot, null, default);

        Assert.Equal(TransitionOutcome.NotAllowed, early.Outcome);
        Assert.Equal(TransitionOutcome.NotAllowed, skip.Outcome);
        Assert.Equal(TransitionOutcome.StateChanged, wrongExpectation.Outcome);
        Assert.Equal(AccessRequestState.Requested, (await Requests.GetRequestAsync(id, default))!.State);
        Assert.Single(await Requests.GetAuditTrailAsync(id, default));
    }

    [Fact]
    public async Task A_failure_records_its_reason_and_ends_the_request()
    {
        var id = await Diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await Diagnoses.RecordAccessRequestAsync(id, "U1", default);

        const string Reason = "GitHub answered 403: token lacks contents:write";
        var failed = await Requests.TryFailAsync(
            id, AccessRequestState.Requested, Reason, AuditActors.Bot, default);
        var again = await Requests.TryFailAsync(
            id, AccessRequestState.Failed, "twice", AuditActors.Bot, default);
        var afterwards = await Requests.TryRecordPullRequestAsync(id, Pr, AuditActors.Bot, default);

        Assert.True(failed.Won);
        Assert.Equal(Reason, failed.Request!.FailureReason);
        Assert.Equal(TransitionOutcome.NotAllowed, again.Outcome);
        Assert.Equal(TransitionOutcome.StateChanged, afterwards.Outcome);
        Assert.Equal(AccessRequestState.Failed, (await Requests.GetRequestAsync(id, default))!.State);
        Assert.Null((await Requests.GetRequestAsync(id, default))!.PullRequest);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_changes()
    {
        var id = await OpenedRequestAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Requests.TryDecideAsync(
            id,
            new AccessDecision(DecisionVerdict.Deny, " "),
            "UADMIN",
            AccessRequestState.PullRequestOpened,
            default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Requests.TryDecideAsync(
            id, AccessDecision.Approve(), "", AccessRequestState.PullRequestOpened, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Requests.TryDecideAsync(
            id, AccessDecision.Approve(new string('x', AccessRequestLimits.MaxTextLength + 1)), "UADMIN",
            AccessRequestState.PullRequestOpened, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Requests.TryAdvanceAsync(
            id, AccessRequestState.PullRequestOpened, AccessRequestState.Approved, "UADMIN", null, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Requests.AppendAuditAsync(
            id, "bot", new string('a', AccessRequestLimits.MaxActionLength + 1), null, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Requests.TryRecordPullRequestAsync(
            id, Pr with { Number = 0 }, "bot", default));

        var request = await Requests.GetRequestAsync(id, default);
        Assert.Equal(AccessRequestState.PullRequestOpened, request!.State);
        Assert.Null(request.Decision);
        Assert.Equal(2, (await Requests.GetAuditTrailAsync(id, default)).Count);
    }

    [Fact]
    public async Task Pending_verifications_are_the_merged_requests_oldest_first()
    {
        var later = await MergedRequestAsync();
        var notMerged = await OpenedRequestAsync();
        var verified = await MergedRequestAsync();
        await Requests.TryAdvanceAsync(
            verified, AccessRequestState.Merged, AccessRequestState.Verified, AuditActors.Bot, null, default);
        Time.Advance(TimeSpan.FromMinutes(5));
        var latest = await MergedRequestAsync();

        var pending = await Requests.ListPendingVerificationsAsync(default);

        Assert.Equal([later, latest], pending.Select(request => request.Id));
        Assert.DoesNotContain(notMerged, pending.Select(request => request.Id));
        Assert.All(pending, request => Assert.Equal(AccessRequestState.Merged, request.State));
    }

    [Fact]
    public async Task Requests_outlive_their_expired_diagnosis()
    {
        var id = await MergedRequestAsync();

        Time.Advance(TimeSpan.FromDays(8));

        Assert.Null(await Diagnoses.GetAsync(id, default));
        var click = await Diagnoses.RecordAccessRequestAsync(id, "U2", default);
        Assert.Equal(AccessRequestStatus.NotFound, click.Status);
        var request = await Requests.GetRequestAsync(id, default);
        Assert.Equal(AccessRequestState.Merged, request!.State);
        Assert.Equal(4, (await Requests.GetAuditTrailAsync(id, default)).Count);
        Assert.Single(await Requests.ListPendingVerificationsAsync(default));
    }

    protected async Task<string> OpenedRequestAsync()
    {
        var id = await Diagnoses.SaveAsync(SampleReports.Full(), SampleReports.Context(), default);
        await Diagnoses.RecordAccessRequestAsync(id, "UASKER", default);
        await Step(() => Requests.TryRecordPullRequestAsync(id, Pr, AuditActors.Bot, default));
        return id;
    }

    protected async Task<string> MergedRequestAsync()
    {
        var id = await OpenedRequestAsync();
        await Step(() => Requests.TryDecideAsync(
            id, AccessDecision.Approve(), "UADMIN", AccessRequestState.PullRequestOpened, default));
        await Step(() => Requests.TryAdvanceAsync(
            id, AccessRequestState.Approved, AccessRequestState.Merged, AuditActors.Bot, null, default));
        return id;
    }

    private static async Task Step(Func<Task<TransitionResult>> step)
    {
        var result = await step();
        Assert.True(result.Won, $"expected the step to win, got {result.Outcome}");
    }
}

/// <summary>The contract on the SQLite store, over a real file.</summary>
public sealed class SqliteRequestStoreContractTests : RequestStoreContract
{
    private readonly TempFolder _folder = new();
    private readonly SqliteRequestStore _store;

    public SqliteRequestStoreContractTests()
    {
        _store = new SqliteRequestStore(
            new SqliteStoreOptions { SqlitePath = _folder.File("store.db") }, Time);
    }

    protected override IDiagnosisStore Diagnoses => _store;

    protected override IAccessRequestStore Requests => _store;

    public override void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
        base.Dispose();
    }
}

/// <summary>The contract on the in-memory store.</summary>
public sealed class InMemoryStoreContractTests : RequestStoreContract
{
    private readonly InMemoryDiagnosisStore _store;

    public InMemoryStoreContractTests()
    {
        _store = new InMemoryDiagnosisStore(1000, TimeSpan.FromDays(7), Time);
    }

    protected override IDiagnosisStore Diagnoses => _store;

    protected override IAccessRequestStore Requests => _store;
}
