using System.Diagnostics;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Work;

/// <summary>A diagnosis, its store id and the Slack message built for it.</summary>
internal sealed record DiagnosisOutcome(string Id, DiagnosisReport Report, SlackMessage Message);

/// <summary>
/// Runs the engine, stores the report under a new id and builds the reply. Each diagnosis is one
/// span, one log line (id, cause, cluster, origin, duration: never the pasted text) and one
/// count in the diagnoses metrics.
/// </summary>
internal sealed partial class DiagnosisRunner
{
    private readonly IDiagnosisService _engine;
    private readonly IDiagnosisStore _store;
    private readonly IClusterSourceProvider? _clusters;
    private readonly ILogger<DiagnosisRunner> _logger;

    public DiagnosisRunner(
        IDiagnosisService engine,
        IDiagnosisStore store,
        ILogger<DiagnosisRunner> logger,
        IClusterSourceProvider? clusters = null)
    {
        _engine = engine;
        _store = store;
        _logger = logger;
        _clusters = clusters;
    }

    /// <summary>The outcome, or null when the engine found no access error to explain.</summary>
    public async Task<DiagnosisOutcome?> RunAsync(
        DiagnosisRequest request, DiagnosisContext context, IdentityHintSource hintSource,
        CancellationToken cancellationToken)
    {
        var origin = Origins.Of(context.Origin);
        using var activity = BotTelemetry.Source.StartActivity("diagnosis");
        activity?.SetTag(BotTelemetry.OriginTag, origin);
        var clock = Stopwatch.StartNew();

        var report = await _engine.DiagnoseAsync(request, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            activity?.SetTag(BotTelemetry.CauseTag, "none");
            return null;
        }

        var id = await _store.SaveAsync(report, context, cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var cause = report.Cause.Code.ToString();
        var cluster = ClusterName(context.Cluster);
        activity?.SetTag(BotTelemetry.CauseTag, cause);
        activity?.SetTag("cluster", cluster);
        activity?.SetTag("diagnosis.id", id);
        BotTelemetry.RecordDiagnosis(cause, origin, elapsed);
        LogDiagnosed(id, cause, cluster, origin, elapsed.TotalMilliseconds);

        return new DiagnosisOutcome(id, report, DiagnosisMessageBuilder.Build(report, id, hintSource));
    }

    // The name the user gave, or the default cluster's (the first configured) for none.
    private string ClusterName(string? requested) =>
        requested ?? (_clusters?.Names is [var first, ..] ? first : "default");

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Diagnosis {DiagnosisId}: {CauseCode} on cluster {Cluster} ({Origin}) "
                  + "in {DurationMs:F1} ms")]
    private partial void LogDiagnosed(
        string diagnosisId, string causeCode, string cluster, string origin, double durationMs);
}
