namespace ChatOpsBot.Storage.Sql;

/// <summary>
/// The statements on <c>access_requests</c> and <c>audit_log</c>. Every state change is
/// guarded by <c>state = @expected</c>, so it happens at most once whoever races for it.
/// </summary>
internal static class RequestSql
{
    public const string Columns = """
        id, state, requested_by, requested_at, updated_at, cluster, namespace,
        fix_kind, fix_namespace, fix_name, fix_summary, fix_yaml, snapshot_json,
        pr_number, pr_url, pr_head_sha, pr_branch, approval_channel, approval_ts,
        decision, decided_by, decided_at, decision_reason, failure_reason
        """;

    public const string SelectById = "SELECT " + Columns + " FROM access_requests WHERE id = @id";

    public const string SelectByState =
        "SELECT " + Columns + " FROM access_requests WHERE state = @state ORDER BY updated_at, id";

    public const string SelectState = "SELECT state FROM access_requests WHERE id = @id";

    public const string Insert = """
        INSERT INTO access_requests (
            id, state, requested_by, requested_at, updated_at, cluster, namespace,
            fix_kind, fix_namespace, fix_name, fix_summary, fix_yaml, snapshot_json)
        VALUES (
            @id, @state, @requested_by, @requested_at, @updated_at, @cluster, @namespace,
            @fix_kind, @fix_namespace, @fix_name, @fix_summary, @fix_yaml, @snapshot_json)
        """;

    public const string MoveWithPullRequest = """
        UPDATE access_requests
        SET state = @next, updated_at = @now,
            pr_number = @pr_number, pr_url = @pr_url, pr_head_sha = @pr_head_sha, pr_branch = @pr_branch
        WHERE id = @id AND state = @expected
        """;

    // "decision IS NULL" on top of the state guard: a decision is written once, ever.
    public const string MoveWithDecision = """
        UPDATE access_requests
        SET state = @next, updated_at = @now,
            decision = @decision, decided_by = @decided_by, decided_at = @now, decision_reason = @reason
        WHERE id = @id AND state = @expected AND decision IS NULL
        """;

    public const string Move = """
        UPDATE access_requests SET state = @next, updated_at = @now
        WHERE id = @id AND state = @expected
        """;

    public const string MoveToFailed = """
        UPDATE access_requests SET state = @next, updated_at = @now, failure_reason = @reason
        WHERE id = @id AND state = @expected
        """;

    public const string SetApprovalMessage = """
        UPDATE access_requests SET approval_channel = @channel, approval_ts = @ts, updated_at = @now
        WHERE id = @id
        """;

    public const string InsertAudit = """
        INSERT INTO audit_log (request_id, at, actor, action, state, detail)
        VALUES (@request_id, @at, @actor, @action, @state, @detail)
        """;

    public const string SelectAudit = """
        SELECT seq, request_id, at, actor, action, state, detail
        FROM audit_log WHERE request_id = @request_id ORDER BY seq
        """;
}
