using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.Storage.Json;
using ChatOpsBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage;

/// <summary>The <see cref="IDiagnosisStore"/> half of the SQLite store.</summary>
public sealed partial class SqliteRequestStore
{
    /// <summary>The largest report or context JSON a diagnosis may store (characters).</summary>
    public const int MaxJsonLength = 1024 * 1024;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The report is larger than <see cref="MaxJsonLength"/>.</exception>
    public async Task<string> SaveAsync(
        DiagnosisReport report, DiagnosisContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var reportJson = StoredJson.Write(report);
        var contextJson = StoredJson.Write(context);
        if (reportJson.Length > MaxJsonLength || contextJson.Length > MaxJsonLength)
        {
            throw new ArgumentException(
                $"The diagnosis is larger than the store keeps ({MaxJsonLength} characters of JSON).",
                nameof(report));
        }

        await PurgeWhenDueAsync(cancellationToken).ConfigureAwait(false);
        var id = DiagnosisIds.NewId();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = DiagnosisSql.Insert;
        insert.With("@id", id)
            .With("@saved_at", StoreTime.ToText(_time.GetUtcNow()))
            .With("@report_json", reportJson)
            .With("@context_json", contextJson);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <inheritdoc />
    public async Task<StoredDiagnosis?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!DiagnosisIds.IsWellFormed(id))
        {
            return null;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadDiagnosisAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AccessRequestResult> RecordAccessRequestAsync(
        string id, string requestedBy, CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckActor(requestedBy, nameof(requestedBy));
        if (!DiagnosisIds.IsWellFormed(id))
        {
            return new AccessRequestResult(AccessRequestStatus.NotFound, null);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var stored = await ReadDiagnosisAsync(connection, transaction, id, cancellationToken)
            .ConfigureAwait(false);
        if (stored is null)
        {
            return new AccessRequestResult(AccessRequestStatus.NotFound, null);
        }

        if (stored.AccessRequest is not null)
        {
            return new AccessRequestResult(AccessRequestStatus.AlreadyRecorded, stored);
        }

        var now = _time.GetUtcNow();
        await using (var mark = Command(connection, transaction, DiagnosisSql.MarkRequested))
        {
            mark.With("@id", id)
                .With("@requested_by", requestedBy)
                .With("@requested_at", StoreTime.ToText(now));
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var updated = stored with { AccessRequest = new AccessRequestRecord(requestedBy, now) };
        var request = AccessRequest.From(updated, requestedBy, now);
        if (request is not null)
        {
            await InsertRequestAsync(connection, transaction, request, cancellationToken)
                .ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (request is not null)
        {
            BotTelemetry.RecordAccessRequest(AccessRequestOutcomes.Requested);
        }

        return new AccessRequestResult(AccessRequestStatus.Recorded, updated);
    }

    private async Task<StoredDiagnosis?> ReadDiagnosisAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string id,
        CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, DiagnosisSql.SelectLive);
        select.With("@id", id).With("@cutoff", StoreTime.ToText(_time.GetUtcNow() - _lifetime));
        await using var row = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var requestedBy = row.TextOrNull(4);
        return new StoredDiagnosis(
            id,
            StoredJson.ReadReport(row.GetString(2), id),
            StoredJson.ReadContext(row.GetString(3), id),
            StoreTime.Parse(row.GetString(1)))
        {
            AccessRequest = requestedBy is null
                ? null
                : new AccessRequestRecord(requestedBy, StoreTime.Parse(row.GetString(5))),
        };
    }

    private async Task PurgeWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextPurgeTicks);
        // Of several saves that find the clean-up due, only the one that moves the mark runs it.
        if (now < due
            || Interlocked.CompareExchange(ref _nextPurgeTicks, now + PurgeInterval.Ticks, due) != due)
        {
            return;
        }

        await PurgeExpiredDiagnosesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(
        SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
