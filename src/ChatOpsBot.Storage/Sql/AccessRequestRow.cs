using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Storage.Json;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage.Sql;

/// <summary>
/// Reads rows selected with <see cref="RequestSql.Columns"/> and <see cref="RequestSql.SelectAudit"/>.
/// </summary>
internal static class AccessRequestRow
{
    public static AccessRequest Read(SqliteDataReader row)
    {
        var id = row.GetString(0);
        var snapshot = StoredJson.ReadSnapshot(row.GetString(12), id);
        return new AccessRequest
        {
            Id = id,
            State = ParseEnum<AccessRequestState>(row.GetString(1), id),
            RequestedBy = row.GetString(2),
            RequestedAt = StoreTime.Parse(row.GetString(3)),
            UpdatedAt = StoreTime.Parse(row.GetString(4)),
            Fix = new ProposedFix(
                row.GetString(7), row.TextOrNull(8), row.GetString(9), row.GetString(11), row.GetString(10)),
            Attempt = snapshot.Attempt,
            Identity = snapshot.Identity,
            Context = snapshot.Context,
            PullRequest = row.IsDBNull(13)
                ? null
                : new PullRequestInfo(
                    row.GetInt32(13), row.GetString(14), row.GetString(15), row.GetString(16)),
            ApprovalMessage = row.IsDBNull(17)
                ? null
                : new MessageLocation(row.GetString(17), row.GetString(18)),
            Decision = row.IsDBNull(19)
                ? null
                : new RecordedDecision(
                    ParseEnum<DecisionVerdict>(row.GetString(19), id),
                    row.GetString(20),
                    StoreTime.Parse(row.GetString(21)),
                    row.TextOrNull(22)),
            FailureReason = row.TextOrNull(23),
        };
    }

    public static AuditEntry ReadAudit(SqliteDataReader row)
    {
        var requestId = row.GetString(1);
        return new AuditEntry(
            row.GetInt64(0),
            requestId,
            StoreTime.Parse(row.GetString(2)),
            row.GetString(3),
            row.GetString(4),
            ParseEnum<AccessRequestState>(row.GetString(5), requestId),
            row.TextOrNull(6));
    }

    public static T ParseEnum<T>(string text, string rowId)
        where T : struct, Enum =>
        // Names only: Enum.TryParse also takes numbers, which no writer here produces.
        !text.Any(char.IsAsciiDigit)
        && Enum.TryParse<T>(text, ignoreCase: false, out var value)
        && Enum.IsDefined(value)
            ? value
            : throw new RequestStoreException(
                $"The stored access request {rowId} has an unknown {typeof(T).Name} '{text}'; "
                + "the store file is damaged or was written by a newer build.");
}
