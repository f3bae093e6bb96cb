using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Json;
using ChatOpsBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage;

/// <summary>The reads and audit entries of the <see cref="IAccessRequestStore"/> half.</summary>
public sealed partial class SqliteRequestStore
{
    /// <inheritdoc />
    public async Task<AccessRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        if (!DiagnosisIds.IsWellFormed(requestId))
        {
            return null;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadRequestAsync(connection, null, requestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> SetApprovalMessageAsync(
        string requestId, MessageLocation location, string actor, CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckMessage(location, nameof(location));
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        if (!DiagnosisIds.IsWellFormed(requestId))
        {
            return false;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var state = await ReadStateAsync(connection, transaction, requestId, cancellationToken)
            .ConfigureAwait(false);
        if (state is not { } current)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        await using (var update = Command(connection, transaction, RequestSql.SetApprovalMessage))
        {
            update.With("@id", requestId)
                .With("@channel", location.ChannelId)
                .With("@ts", location.MessageTs)
                .With("@now", StoreTime.ToText(now));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var detail = $"{location.ChannelId} {location.MessageTs}";
        var entry = new AuditLine(actor, AuditActions.ApprovalMessagePosted, current, detail);
        await AuditAsync(connection, transaction, requestId, now, entry, cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> AppendAuditAsync(
        string requestId, string actor, string action, string? detail, CancellationToken cancellationToken)
    {
        AccessRequestLimits.CheckActor(actor, nameof(actor));
        AccessRequestLimits.CheckAction(action, nameof(action));
        AccessRequestLimits.CheckText(detail, nameof(detail));
        if (!DiagnosisIds.IsWellFormed(requestId))
        {
            return false;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        var state = await ReadStateAsync(connection, transaction, requestId, cancellationToken)
            .ConfigureAwait(false);
        if (state is not { } current)
        {
            return false;
        }

        var entry = new AuditLine(actor, action, current, detail);
        await AuditAsync(connection, transaction, requestId, _time.GetUtcNow(), entry, cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(
        string requestId, CancellationToken cancellationToken)
    {
        if (!DiagnosisIds.IsWellFormed(requestId))
        {
            return [];
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, null, RequestSql.SelectAudit);
        select.With("@request_id", requestId);
        await using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var trail = new List<AuditEntry>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            trail.Add(AccessRequestRow.ReadAudit(rows));
        }

        return trail;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AccessRequest>> ListPendingVerificationsAsync(
        CancellationToken cancellationToken) =>
        ListInStateAsync(AccessRequestState.Merged, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccessRequest>> ListInStateAsync(
        AccessRequestState state, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, null, RequestSql.SelectByState);
        select.With("@state", state.ToString());
        await using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<AccessRequest>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pending.Add(AccessRequestRow.Read(rows));
        }

        return pending;
    }

    private static async Task InsertRequestAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        AccessRequest request,
        CancellationToken cancellationToken)
    {
        await using (var insert = Command(connection, transaction, RequestSql.Insert))
        {
            insert.With("@id", request.Id)
                .With("@state", request.State.ToString())
                .With("@requested_by", request.RequestedBy)
                .With("@requested_at", StoreTime.ToText(request.RequestedAt))
                .With("@updated_at", StoreTime.ToText(request.UpdatedAt))
                .With("@cluster", request.Cluster)
                .With("@namespace", request.Namespace)
                .With("@fix_kind", request.Fix.Kind)
                .With("@fix_namespace", request.Fix.Namespace)
                .With("@fix_name", request.Fix.Name)
                .With("@fix_summary", request.Fix.Summary)
                .With("@fix_yaml", request.Fix.Yaml)
                .With("@snapshot_json", StoredJson.WriteSnapshot(request));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var entry = new AuditLine(
            request.RequestedBy, AuditActions.Requested, request.State, request.Describe());
        await AuditAsync(connection, transaction, request.Id, request.RequestedAt, entry, cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task<AccessRequest?> ReadRequestAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string id,
        CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, RequestSql.SelectById);
        select.With("@id", id);
        await using var row = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await row.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? AccessRequestRow.Read(row)
            : null;
    }

    private static async Task<AccessRequestState?> ReadStateAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string id,
        CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, RequestSql.SelectState);
        select.With("@id", id);
        var state = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return state is null ? null : AccessRequestRow.ParseEnum<AccessRequestState>(state, id);
    }

    private static async Task AuditAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string requestId,
        DateTimeOffset at,
        AuditLine line,
        CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction, RequestSql.InsertAudit);
        insert.With("@request_id", requestId)
            .With("@at", StoreTime.ToText(at))
            .With("@actor", line.Actor)
            .With("@action", line.Action)
            .With("@state", line.State.ToString())
            .With("@detail", line.Detail);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An audit entry before it has a sequence number and time.</summary>
    private sealed record AuditLine(string Actor, string Action, AccessRequestState State, string? Detail);
}
