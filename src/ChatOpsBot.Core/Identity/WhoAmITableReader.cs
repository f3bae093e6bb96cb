namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Reads the table <c>kubectl auth whoami</c> prints by default: a header
/// <c>ATTRIBUTE VALUE</c>, then the rows <c>Username</c>, <c>UID</c>, <c>Groups [a b]</c> and
/// <c>Extra: key [v]</c>, columns padded with spaces.
/// </summary>
internal static class WhoAmITableReader
{
    internal static WhoAmIFound? Find(List<(int Start, string Text)> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsHeader(lines[i].Text))
            {
                continue;
            }

            var found = ReadRows(lines, i + 1);
            if (found is not null)
            {
                return found with { Position = lines[i].Start };
            }
        }

        return null;
    }

    private static bool IsHeader(string line)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words is ["ATTRIBUTE", "VALUE"];
    }

    private static WhoAmIFound? ReadRows(List<(int Start, string Text)> lines, int first)
    {
        string? user = null;
        IReadOnlyList<string> groups = [];
        for (var i = first; i < lines.Count; i++)
        {
            var line = lines[i].Text.Trim();
            if (Value(line, "Username") is { } name)
            {
                user = name;
            }
            else if (Value(line, "Groups") is { } list)
            {
                groups = ReadGroupList(list);
            }
            else if (Value(line, "UID") is null && !line.StartsWith("Extra:", StringComparison.Ordinal))
            {
                break;
            }
        }

        return user is null ? null : new WhoAmIFound(0, user, groups);
    }

    // "Name" then at least one blank, then the value to the end of the line.
    private static string? Value(string line, string name)
    {
        if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length
            || !char.IsWhiteSpace(line[name.Length]))
        {
            return null;
        }

        var value = line[name.Length..].Trim();
        return value.Length == 0 ? null : value;
    }

    // Go prints a string slice as "[a b c]".
    private static List<string> ReadGroupList(string value)
    {
        var inner = value.StartsWith('[') && value.EndsWith(']') ? value[1..^1] : value;
        var names = inner.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }
}
