using System.Globalization;

namespace ChatOpsBot.Storage.Sql;

/// <summary>
/// Times as fixed-width UTC text (<c>2025-01-31T09:15:00.1234567Z</c>): exact to the tick,
/// readable in the sqlite3 shell, and ordered correctly by plain text comparison.
/// </summary>
internal static class StoreTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(
            text, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
