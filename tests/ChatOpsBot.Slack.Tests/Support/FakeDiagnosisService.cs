using System.Collections.Concurrent;
using ChatOpsBot.Core.Diagnosis;

namespace ChatOpsBot.Slack.Tests.Support;

/// <summary>
/// An engine stand-in: records every request and answers with what the test's function
/// builds. <see cref="Gate"/>, when set, holds every diagnosis until the test releases it.
/// </summary>
internal sealed class FakeDiagnosisService : IDiagnosisService
{
    public ConcurrentQueue<DiagnosisRequest> Requests { get; } = new();

    public Func<DiagnosisRequest, DiagnosisReport?> Answer { get; set; } = Reports.ForRequest;

    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Signalled each time a request arrives (before the gate).</summary>
    public event Action<DiagnosisRequest>? Received;

    public async Task<DiagnosisReport?> DiagnoseAsync(
        DiagnosisRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        Received?.Invoke(request);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Answer(request);
    }
}
