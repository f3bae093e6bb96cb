using System.Globalization;
using ChatOpsBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage.Schema;

/// <summary>
/// Brings a store file to the current schema: reads <c>schema_version</c>, refuses a newer or
/// foreign file, and runs the missing steps in one transaction (all or nothing).
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        )
        """;

    private const string ReadVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    private const string CountForeignTables = """
        SELECT COUNT(*) FROM sqlite_master
        WHERE type = 'table' AND name NOT IN ('schema_version', 'sqlite_sequence')
        """;

    private const string RecordVersion = """
        INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @at)
        """;

    /// <summary>
    /// Migrates to <paramref name="target"/> (the latest when null) and returns the versions
    /// before and after.
    /// </summary>
    public static (int Before, int After) Migrate(
        SqliteConnection connection,
        IReadOnlyList<StoreMigration> migrations,
        DateTimeOffset now,
        string fileName,
        int? target = null)
    {
        var latest = target ?? migrations[^1].Version;
        using var transaction = connection.BeginTransaction(deferred: false);
        var foreignTables = Scalar(connection, transaction, CountForeignTables);
        Execute(connection, transaction, CreateVersionTable);
        var current = Scalar(connection, transaction, ReadVersion);
        if (current == 0 && foreignTables > 0)
        {
            throw new RequestStoreException(
                $"'{fileName}' is a SQLite database but not this bot's store (it has other tables and no "
                + "schema version); set Storage:SqlitePath to a new file.");
        }

        var known = migrations[^1].Version;
        if (current > known)
        {
            throw new RequestStoreException(
                $"'{fileName}' has store schema version {current}, newer than this build knows ({known}); "
                + "run the newer build of the bot, or restore a backup taken before the upgrade.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current && m.Version <= latest))
        {
            migration.Apply(connection, transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = RecordVersion;
            record.With("@version", migration.Version)
                .With("@description", migration.Description)
                .With("@at", StoreTime.ToText(now));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return (current, Math.Max(current, latest));
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
