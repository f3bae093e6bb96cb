using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Storage.Sql;

/// <summary>Small helpers that keep every value a bound parameter.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Binds <paramref name="value"/> (null as SQL NULL) to <paramref name="name"/>.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>The text in column <paramref name="ordinal"/>, or null.</summary>
    public static string? TextOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
