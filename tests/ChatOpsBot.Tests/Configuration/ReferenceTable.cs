using System.Text.RegularExpressions;

namespace ChatOpsBot.Tests.Configuration;

/// <summary>One row of the README's configuration reference.</summary>
/// <param name="Key">The setting, as written in its first cell.</param>
/// <param name="Cells">Every cell of the row.</param>
internal sealed record ReferenceRow(string Key, IReadOnlyList<string> Cells);

/// <summary>
/// The rows of the README section "Configuration reference": tables whose first cell is one
/// setting in backticks, and whose last cell is its environment-variable form.
/// </summary>
internal static partial class ReferenceTable
{
    public const string Heading = "## Configuration reference";

    public static IReadOnlyList<ReferenceRow> Parse(string readme)
    {
        ArgumentNullException.ThrowIfNull(readme);
        var lines = readme.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(line => line.Trim() == Heading);
        if (start < 0)
        {
            return [];
        }

        var rows = new List<ReferenceRow>();
        var section = lines.Skip(start + 1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));
        foreach (var line in section)
        {
            if (!line.StartsWith('|'))
            {
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList();
            if (KeyCell().Match(cells[0]) is { Success: true } key)
            {
                rows.Add(new ReferenceRow(key.Groups["key"].Value, cells));
            }
        }

        return rows;
    }

    /// <summary>The environment variable of a key: <c>__</c> for <c>:</c>, 0 for the index.</summary>
    public static string EnvironmentVariable(string key) =>
        string.Join("__", key.Split(':').Select(part => part == SettingKeys.Index ? "0" : part));

    [GeneratedRegex("^`(?<key>[^`\\s]+)`$", RegexOptions.NonBacktracking)]
    private static partial Regex KeyCell();
}
