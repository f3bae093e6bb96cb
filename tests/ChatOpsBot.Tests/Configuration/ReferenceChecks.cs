namespace ChatOpsBot.Tests.Configuration;

/// <summary>What is missing between the options classes, appsettings.json and the README.</summary>
internal static class ReferenceChecks
{
    /// <summary>Keys of the settings file without a row in the reference.</summary>
    public static IReadOnlyList<string> FileKeysNotInReference(
        IEnumerable<string> fileKeys, IEnumerable<ReferenceRow> rows)
    {
        var documented = rows.Select(row => row.Key).ToHashSet(StringComparer.Ordinal);
        return [.. fileKeys.Where(key => !documented.Contains(key))];
    }

    /// <summary>Bindable keys of the sections that the settings file does not hold.</summary>
    public static IReadOnlyList<string> BoundKeysNotInFile(
        IEnumerable<BoundSection> sections, IEnumerable<string> fileKeys)
    {
        var inFile = fileKeys.ToHashSet(StringComparer.Ordinal);
        return [.. sections
            .SelectMany(SettingKeys.Of)
            .Where(key => key.InFile && !inFile.Contains(key.Key))
            .Select(key => key.Key)];
    }

    /// <summary>Element keys of lists (<c>Clusters:N:Name</c>) without a row in the reference.</summary>
    public static IReadOnlyList<string> ElementKeysNotInReference(
        IEnumerable<BoundSection> sections, IEnumerable<ReferenceRow> rows)
    {
        var documented = rows.Select(row => row.Key).ToHashSet(StringComparer.Ordinal);
        return [.. sections
            .SelectMany(SettingKeys.Of)
            .Where(key => !key.InFile && !documented.Contains(key.Key))
            .Select(key => key.Key)];
    }

    /// <summary>Rows whose last cell does not give the key's environment-variable form.</summary>
    public static IReadOnlyList<string> RowsWithoutEnvironmentForm(IEnumerable<ReferenceRow> rows) =>
        [.. rows
            .Where(row => row.Key.Contains(':', StringComparison.Ordinal))
            .Where(row => !row.Cells[^1].Contains(
                $"`{ReferenceTable.EnvironmentVariable(row.Key)}", StringComparison.Ordinal))
            .Select(row => row.Key)];
}
