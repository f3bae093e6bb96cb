using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage.Schema;

/// <summary>
/// One step of the schema. Once released, a migration never changes: a file at version N is
/// brought forward by running every later step in order, inside one transaction.
/// </summary>
/// <param name="Version">The schema version the step produces.</param>
/// <param name="Description">What it does, recorded in <c>schema_version</c>.</param>
/// <param name="Apply">The step; it runs inside the migration's transaction.</param>
internal sealed record StoreMigration(
    int Version, string Description, Action<SqliteConnection, SqliteTransaction> Apply)
{
    /// <summary>A step that only runs the statements in <paramref name="sql"/>.</summary>
    public static StoreMigration Script(int version, string description, string sql) =>
        new(version, description, (connection, transaction) => Run(connection, transaction, sql));

    /// <summary>Runs <paramref name="sql"/> inside the migration's transaction.</summary>
    public static void Run(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
