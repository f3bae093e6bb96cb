using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Slack.Caching;
using ChatOpsBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Storage;

/// <summary>
/// A bounded in-memory <see cref="IDiagnosisStore"/>: entries expire after
/// <see cref="SlackOptions.StoredDiagnosisLifetime"/> and the oldest go first beyond
/// <see cref="SlackOptions.StoredDiagnosisCapacity"/>. A restart forgets everything; the
/// durable store replaces it later.
/// </summary>
public sealed class InMemoryDiagnosisStore : IDiagnosisStore
{
    private readonly TtlCache<string, StoredDiagnosis> _entries;
    private readonly TimeProvider _time;

    /// <summary>Creates the store with the configured capacity and lifetime.</summary>
    public InMemoryDiagnosisStore(IOptions<SlackOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        var settings = options.Value;
        _entries = new TtlCache<string, StoredDiagnosis>(
            settings.StoredDiagnosisCapacity, settings.StoredDiagnosisLifetime, time, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public Task<string> SaveAsync(
        DiagnosisReport report, DiagnosisContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var id = DiagnosisIds.NewId();
        _entries.Set(id, new StoredDiagnosis(id, report, context, _time.GetUtcNow()));
        return Task.FromResult(id);
    }

    /// <inheritdoc />
    public Task<StoredDiagnosis?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = DiagnosisIds.IsWellFormed(id) && _entries.TryGet(id, out var stored) ? stored : null;
        return Task.FromResult(found);
    }

    /// <inheritdoc />
    public Task<AccessRequestResult> RecordAccessRequestAsync(
        string id, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestedBy);
        if (!DiagnosisIds.IsWellFormed(id))
        {
            return Task.FromResult(new AccessRequestResult(AccessRequestStatus.NotFound, null));
        }

        var status = AccessRequestStatus.NotFound;
        var found = _entries.TryUpdate(
            id,
            stored =>
            {
                if (stored.AccessRequest is not null)
                {
                    status = AccessRequestStatus.AlreadyRecorded;
                    return stored;
                }

                status = AccessRequestStatus.Recorded;
                var record = new AccessRequestRecord(requestedBy, _time.GetUtcNow());
                return stored with { AccessRequest = record };
            },
            out var updated);
        return Task.FromResult(new AccessRequestResult(status, found ? updated : null));
    }
}
