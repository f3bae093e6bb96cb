using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage.Tests.Support;

/// <summary>Looks into a store file directly, the way an operator with the sqlite3 shell would.</summary>
internal static class StoreFile
{
    public static async Task<long> CountRowsAsync(string path, string table)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();

        // The table name comes from the tests' own constants, never from data.
        command.CommandText = table switch
        {
            "diagnoses" => "SELECT COUNT(*) FROM diagnoses",
            "access_requests" => "SELECT COUNT(*) FROM access_requests",
            "audit_log" => "SELECT COUNT(*) FROM audit_log",
            "chat_aliases" => "SELECT COUNT(*) FROM chat_aliases",
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<object?> ScalarAsync(
        string path, string sql, params (string Name, object Value)[] values)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    public static async Task ExecuteAsync(
        string path, string sql, params (string Name, object Value)[] values)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var settings = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        var connection = new SqliteConnection(settings.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
