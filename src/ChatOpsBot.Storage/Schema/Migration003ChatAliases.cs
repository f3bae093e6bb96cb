namespace ChatOpsBot.Storage.Schema;

/// <summary>
/// Version 3: aliases of a chat front end's ids (Teams conversations, activities and users),
/// so the ids stored with diagnoses and requests still resolve after a restart.
/// </summary>
internal static class Migration003ChatAliases
{
    private const string Sql = """
        CREATE TABLE chat_aliases (
            kind       TEXT NOT NULL,
            alias      TEXT NOT NULL,
            key        TEXT NOT NULL,
            detail     TEXT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (kind, alias)
        );
        CREATE UNIQUE INDEX ux_chat_aliases_key ON chat_aliases (kind, key);
        """;

    public static StoreMigration Migration { get; } = StoreMigration.Script(3, "chat aliases", Sql);
}
