using BenchmarkDotNet.Attributes;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Benchmarks;

/// <summary>
/// The diagnosis a developer waits for, on clusters of growing size: a <c>kubectl exec</c>
/// refused in a namespace that lacks its team binding (the most common support ticket).
/// </summary>
[MemoryDiagnoser]
public class DiagnosisBenchmarks
{
    private const string Error =
        "Error from server (Forbidden): pods \"app-00097-web-0\" is forbidden: " +
        "User \"EKSGetTokenAuth\" cannot create resource \"pods/exec\" in API group \"\" " +
        "in the namespace \"app-00097\"";

    private DiagnosisService _warm = null!;
    private InMemorySource _source = null!;

    /// <summary>The number of namespaces.</summary>
    [Params(500, 5000)]
    public int Namespaces { get; set; }

    /// <summary>Builds the cluster once per size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _source = new InMemorySource(SyntheticCluster.Build(Namespaces));
        _warm = new DiagnosisService(new SingleClusterProvider(_source));

        // The first diagnosis indexes the RBAC, so the warm benchmark never pays for it.
        Diagnose(_warm);
    }

    /// <summary>
    /// A diagnosis with the cluster's RBAC already indexed (the bot's steady state).
    /// </summary>
    [Benchmark(Baseline = true)]
    public DiagnosisReport? DiagnoseWarm() => Diagnose(_warm);

    /// <summary>
    /// A diagnosis that also indexes the cluster's RBAC (the first one after a read).
    /// </summary>
    [Benchmark]
    public DiagnosisReport? DiagnoseCold() =>
        Diagnose(new DiagnosisService(new SingleClusterProvider(_source)));

    private static DiagnosisReport? Diagnose(DiagnosisService service) =>
        service.DiagnoseAsync(new DiagnosisRequest { Text = Error }, CancellationToken.None)
            .GetAwaiter()
            .GetResult();

    private sealed class InMemorySource(ClusterState state) : IClusterSource
    {
        public string Description => "in-memory synthetic cluster";

        public Task<ClusterState> LoadStateAsync(
            ClusterQuery query, CancellationToken cancellationToken) =>
            Task.FromResult(state);

        public Task<AccessReview?> ReviewAsync(
            UserInfo user, RequestAttributes request, CancellationToken cancellationToken) =>
            Task.FromResult<AccessReview?>(null);
    }
}
