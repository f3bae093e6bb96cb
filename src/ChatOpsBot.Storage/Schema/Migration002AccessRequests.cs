using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Json;
using ChatOpsBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage.Schema;

/// <summary>
/// Version 2: access requests with their lifecycle, and the audit log. Clicks recorded under
/// version 1 on diagnoses that propose a fix become requests, so nobody's request is lost.
/// </summary>
internal static class Migration002AccessRequests
{
    private const string Sql = """
        CREATE TABLE access_requests (
            id              TEXT NOT NULL PRIMARY KEY,
            state           TEXT NOT NULL,
            requested_by    TEXT NOT NULL,
            requested_at    TEXT NOT NULL,
            updated_at      TEXT NOT NULL,
            cluster         TEXT NULL,
            namespace       TEXT NULL,
            fix_kind        TEXT NOT NULL,
            fix_namespace   TEXT NULL,
            fix_name        TEXT NOT NULL,
            fix_summary     TEXT NOT NULL,
            fix_yaml        TEXT NOT NULL,
            snapshot_json   TEXT NOT NULL,
            pr_number       INTEGER NULL,
            pr_url          TEXT NULL,
            pr_head_sha     TEXT NULL,
            pr_branch       TEXT NULL,
            approval_channel TEXT NULL,
            approval_ts     TEXT NULL,
            decision        TEXT NULL,
            decided_by      TEXT NULL,
            decided_at      TEXT NULL,
            decision_reason TEXT NULL,
            failure_reason  TEXT NULL
        );
        CREATE INDEX ix_access_requests_state ON access_requests (state, updated_at);
        CREATE TABLE audit_log (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            request_id TEXT NOT NULL REFERENCES access_requests (id),
            at         TEXT NOT NULL,
            actor      TEXT NOT NULL,
            action     TEXT NOT NULL,
            state      TEXT NOT NULL,
            detail     TEXT NULL
        );
        CREATE INDEX ix_audit_log_request ON audit_log (request_id, seq);
        """;

    private const string SelectRequestedDiagnoses = """
        SELECT id, saved_at, report_json, context_json, requested_by, requested_at
        FROM diagnoses WHERE requested_by IS NOT NULL ORDER BY requested_at, id
        """;

    // Frozen with this version on purpose: later versions may change access_requests, and this
    // step must still produce exactly the version 2 rows that their migrations expect.
    private const string InsertRequest = """
        INSERT INTO access_requests (
            id, state, requested_by, requested_at, updated_at, cluster, namespace,
            fix_kind, fix_namespace, fix_name, fix_summary, fix_yaml, snapshot_json)
        VALUES (
            @id, @state, @requested_by, @requested_at, @updated_at, @cluster, @namespace,
            @fix_kind, @fix_namespace, @fix_name, @fix_summary, @fix_yaml, @snapshot_json)
        """;

    private const string InsertAudit = """
        INSERT INTO audit_log (request_id, at, actor, action, state, detail)
        VALUES (@request_id, @at, @actor, @action, @state, @detail)
        """;

    public static StoreMigration Migration { get; } = new(2, "access requests and audit log", Apply);

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        StoreMigration.Run(connection, transaction, Sql);

        foreach (var request in RequestsFromVersion1(connection, transaction))
        {
            Insert(connection, transaction, request);
        }
    }

    private static List<AccessRequest> RequestsFromVersion1(
        SqliteConnection connection, SqliteTransaction transaction)
    {
        var requests = new List<AccessRequest>();
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = SelectRequestedDiagnoses;
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var stored = new StoredDiagnosis(
                id,
                StoredJson.ReadReport(reader.GetString(2), id),
                StoredJson.ReadContext(reader.GetString(3), id),
                StoreTime.Parse(reader.GetString(1)));
            var requestedAt = StoreTime.Parse(reader.GetString(5));
            if (AccessRequest.From(stored, reader.GetString(4), requestedAt) is { } request)
            {
                requests.Add(request);
            }
        }

        return requests;
    }

    private static void Insert(
        SqliteConnection connection, SqliteTransaction transaction, AccessRequest request)
    {
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = InsertRequest;
            insert.With("@id", request.Id)
                .With("@state", nameof(AccessRequestState.Requested))
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
            insert.ExecuteNonQuery();
        }

        using var audit = connection.CreateCommand();
        audit.Transaction = transaction;
        audit.CommandText = InsertAudit;
        audit.With("@request_id", request.Id)
            .With("@at", StoreTime.ToText(request.RequestedAt))
            .With("@actor", request.RequestedBy)
            .With("@action", AuditActions.Requested)
            .With("@state", nameof(AccessRequestState.Requested))
            .With("@detail", request.Describe() + " (recorded before schema version 2)");
        audit.ExecuteNonQuery();
    }
}
