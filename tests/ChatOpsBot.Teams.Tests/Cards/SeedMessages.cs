using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Kubernetes.Snapshot;
using ChatOpsBot.Slack.Approval;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Teams.Tests.Cards;

/// <summary>
/// The messages the Slack flow really builds for the example cluster's seed error: the
/// diagnosis reply and the approvers' message, from a real diagnosis of the snapshot.
/// </summary>
internal static class SeedMessages
{
    public const string Requester = "U0DEVELOPER";
    public const string PullRequestUrl = "https://github.example/fake-company/rbac/pull/7";

    private static readonly string Folder =
        Path.Combine(AppContext.BaseDirectory, "examples", "seed-exec-forbidden");

    private static readonly Lazy<Task<DiagnosisReport>> Report = new(DiagnoseAsync);

    public static string DiagnosisId { get; } = DiagnosisIds.NewId();

    public static Task<DiagnosisReport> ReportAsync() => Report.Value;

    public static async Task<SlackMessage> DiagnosisAsync() =>
        DiagnosisMessageBuilder.Build(await Report.Value, DiagnosisId, IdentityHintSource.None);

    public static async Task<AccessRequest> RequestAsync()
    {
        var report = await Report.Value;
        var at = DateTimeOffset.UtcNow;
        var context = new DiagnosisContext { ChannelId = "C0TEAM", RequestedBy = Requester };
        var stored = new StoredDiagnosis(DiagnosisId, report, context, at);
        var request = AccessRequest.From(stored, Requester, at)!;
        return request with
        {
            State = AccessRequestState.PullRequestOpened,
            PullRequest = new PullRequestInfo(7, PullRequestUrl, "0123abcd", "k8s-access/rb-hello"),
        };
    }

    public static async Task<SlackMessage> ApprovalAsync() =>
        ApprovalMessageBuilder.Pending(await RequestAsync(), (await Report.Value).Cause.Summary);

    private static async Task<DiagnosisReport> DiagnoseAsync()
    {
        using var source = new SnapshotClusterSource(Path.Combine(Folder, "cluster"));
        var service = new DiagnosisService(new SingleClusterProvider(source));
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, "error.txt"));
        var report = await service.DiagnoseAsync(
            new DiagnosisRequest { Text = text }, CancellationToken.None);
        return report ?? throw new InvalidOperationException("the seed error gave no diagnosis");
    }
}
