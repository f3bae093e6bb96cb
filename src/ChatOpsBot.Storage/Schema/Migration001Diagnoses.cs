namespace ChatOpsBot.Storage.Schema;

/// <summary>Version 1: diagnoses under their opaque ids, with the first "Request access" click.</summary>
internal static class Migration001Diagnoses
{
    private const string Sql = """
        CREATE TABLE diagnoses (
            id           TEXT NOT NULL PRIMARY KEY,
            saved_at     TEXT NOT NULL,
            report_json  TEXT NOT NULL,
            context_json TEXT NOT NULL,
            requested_by TEXT NULL,
            requested_at TEXT NULL
        );
        CREATE INDEX ix_diagnoses_saved_at ON diagnoses (saved_at);
        """;

    public static StoreMigration Migration { get; } = StoreMigration.Script(1, "diagnoses", Sql);
}
