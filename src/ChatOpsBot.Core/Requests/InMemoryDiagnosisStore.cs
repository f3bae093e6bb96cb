using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Telemetry;

namespace ChatOpsBot.Core.Requests;

/// <summary>
/// A bounded in-memory store for tests and local trials: diagnoses expire after the given
/// lifetime, and beyond the capacity the oldest diagnosis (and, separately, the oldest
/// request) goes first. A restart forgets everything; production uses the SQLite store.
/// </summary>
public sealed partial class InMemoryDiagnosisStore : IDiagnosisStore, IAccessRequestStore, IStoreHealth
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredDiagnosis> _diagnoses = new(StringComparer.Ordinal);

    // Every diagnosis lives equally long, so save order is also expiry order.
    private readonly Queue<string> _diagnosisOrder = new();
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="capacity">The most diagnoses (and, separately, requests) kept.</param>
    /// <param name="lifetime">How long a diagnosis can be read after it was saved.</param>
    /// <param name="time">The clock.</param>
    public InMemoryDiagnosisStore(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time;
    }

    /// <inheritdoc />
    public Task<string> SaveAsync(
        DiagnosisReport report, DiagnosisContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var id = DiagnosisIds.NewId();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            PurgeDiagnoses(now);
            while (_diagnoses.Count >= _capacity && _diagnosisOrder.TryDequeue(out var oldest))
            {
                _diagnoses.Remove(oldest);
            }

            _diagnoses[id] = new StoredDiagnosis(id, report, context, now);
            _diagnosisOrder.Enqueue(id);
        }

        return Task.FromResult(id);
    }

    /// <inheritdoc />
    public Task<StoredDiagnosis?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(FindDiagnosis(id));
        }
    }

    /// <inheritdoc />
    public Task<AccessRequestResult> RecordAccessRequestAsync(
        string id, string requestedBy, CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckActor(requestedBy, nameof(requestedBy));
        lock (_gate)
        {
            if (FindDiagnosis(id) is not { } stored)
            {
                return Task.FromResult(new AccessRequestResult(AccessRequestStatus.NotFound, null));
            }

            if (stored.AccessRequest is not null)
            {
                return Task.FromResult(new AccessRequestResult(AccessRequestStatus.AlreadyRecorded, stored));
            }

            var now = _time.GetUtcNow();
            var updated = stored with { AccessRequest = new AccessRequestRecord(requestedBy, now) };
            _diagnoses[id] = updated;
            if (AccessRequest.From(updated, requestedBy, now) is { } request)
            {
                AddRequest(request);
                BotTelemetry.RecordAccessRequest(AccessRequestOutcomes.Requested);
            }

            return Task.FromResult(new AccessRequestResult(AccessRequestStatus.Recorded, updated));
        }
    }

    /// <inheritdoc />
    public Task<bool> CanReachAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    // Callers hold the gate.
    private StoredDiagnosis? FindDiagnosis(string id)
    {
        PurgeDiagnoses(_time.GetUtcNow());
        return DiagnosisIds.IsWellFormed(id) && _diagnoses.TryGetValue(id, out var stored) ? stored : null;
    }

    private void PurgeDiagnoses(DateTimeOffset now)
    {
        while (_diagnosisOrder.TryPeek(out var oldest)
               && (!_diagnoses.TryGetValue(oldest, out var stored) || stored.SavedAt + _lifetime <= now))
        {
            _diagnosisOrder.Dequeue();
            _diagnoses.Remove(oldest);
        }
    }
}
