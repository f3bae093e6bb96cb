using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.Work;

/// <summary>A diagnosis, its store id and the Slack message built for it.</summary>
internal sealed record DiagnosisOutcome(string Id, DiagnosisReport Report, SlackMessage Message);

/// <summary>Runs the engine, stores the report under a new id and builds the reply.</summary>
internal sealed class DiagnosisRunner
{
    private readonly IDiagnosisService _engine;
    private readonly IDiagnosisStore _store;

    public DiagnosisRunner(IDiagnosisService engine, IDiagnosisStore store)
    {
        _engine = engine;
        _store = store;
    }

    /// <summary>The outcome, or null when the engine found no access error to explain.</summary>
    public async Task<DiagnosisOutcome?> RunAsync(
        DiagnosisRequest request, DiagnosisContext context, IdentityHintSource hintSource,
        CancellationToken cancellationToken)
    {
        var report = await _engine.DiagnoseAsync(request, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return null;
        }

        var id = await _store.SaveAsync(report, context, cancellationToken).ConfigureAwait(false);
        return new DiagnosisOutcome(id, report, DiagnosisMessageBuilder.Build(report, id, hintSource));
    }
}
