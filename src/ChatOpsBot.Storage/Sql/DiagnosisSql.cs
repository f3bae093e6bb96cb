namespace ChatOpsBot.Storage.Sql;

/// <summary>The statements on the <c>diagnoses</c> table; every value is a parameter.</summary>
internal static class DiagnosisSql
{
    public const string Insert = """
        INSERT INTO diagnoses (id, saved_at, report_json, context_json)
        VALUES (@id, @saved_at, @report_json, @context_json)
        """;

    // Expired rows may linger until the next clean-up; the cutoff hides them at once.
    public const string SelectLive = """
        SELECT id, saved_at, report_json, context_json, requested_by, requested_at
        FROM diagnoses WHERE id = @id AND saved_at > @cutoff
        """;

    public const string MarkRequested = """
        UPDATE diagnoses SET requested_by = @requested_by, requested_at = @requested_at
        WHERE id = @id AND requested_by IS NULL
        """;

    public const string DeleteExpired = "DELETE FROM diagnoses WHERE saved_at <= @cutoff";

    public const string DeleteBeyondCapacity = """
        DELETE FROM diagnoses WHERE id IN (
            SELECT id FROM diagnoses ORDER BY saved_at DESC, id DESC LIMIT -1 OFFSET @keep)
        """;
}
