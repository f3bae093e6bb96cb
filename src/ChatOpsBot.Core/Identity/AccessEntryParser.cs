using System.Text.Json;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Reads the JSON that <c>aws eks describe-access-entry</c> prints
/// (<c>{"accessEntry": {…}}</c>), a bare access-entry object, or an array of either.
/// The output of <c>list-access-entries</c> (only ARNs) holds no mapping and gives no entries.
/// </summary>
public static class AccessEntryParser
{
    private const int MaxLength = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 32,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the entries; a missing username becomes the one EKS would set.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="AccessEntryFormatException">The text is not access-entry JSON.</exception>
    public static IReadOnlyList<AccessEntry> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new AccessEntryFormatException("The access-entry JSON is larger than 16 MiB.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException exception)
        {
            throw new AccessEntryFormatException(
                $"The access-entry JSON is not valid JSON (line {exception.LineNumber + 1}).", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new[] { root };
            var entries = new List<AccessEntry>();
            for (var i = 0; i < items.Length; i++)
            {
                entries.AddRange(ReadItem(items[i], items.Length == 1 ? "" : $" (item {i + 1})"));
            }

            return entries;
        }
    }

    private static List<AccessEntry> ReadItem(JsonElement item, string where)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new AccessEntryFormatException($"An access entry must be a JSON object{where}.");
        }

        if (Property(item, "accessEntry") is { } wrapped)
        {
            return [ReadEntry(wrapped, where)];
        }

        if (Property(item, "accessEntries") is { ValueKind: JsonValueKind.Array } listed)
        {
            // list-access-entries prints ARNs only; objects would be entries after all.
            return listed.EnumerateArray()
                .Where(element => element.ValueKind == JsonValueKind.Object)
                .Select(element => ReadEntry(element, where))
                .ToList();
        }

        return [ReadEntry(item, where)];
    }

    private static AccessEntry ReadEntry(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new AccessEntryFormatException($"\"accessEntry\" must be a JSON object{where}.");
        }

        var principal = ReadString(entry, "principalArn", where);
        if (string.IsNullOrWhiteSpace(principal))
        {
            throw new AccessEntryFormatException($"The access entry has no principalArn{where}.");
        }

        var type = ReadString(entry, "type", where);
        type = string.IsNullOrWhiteSpace(type) ? "STANDARD" : type;
        var username = ReadString(entry, "username", where);
        return new AccessEntry
        {
            PrincipalArn = principal,
            Type = type,
            KubernetesGroups = ReadGroups(entry, where),
            Username = string.IsNullOrEmpty(username)
                ? AccessEntryDefaults.DefaultUsername(principal, type)
                : username,
        };
    }

    private static List<string> ReadGroups(JsonElement entry, string where)
    {
        var groups = Property(entry, "kubernetesGroups");
        if (groups is null || groups.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (groups.Value.ValueKind != JsonValueKind.Array
            || groups.Value.EnumerateArray().Any(group => group.ValueKind != JsonValueKind.String))
        {
            throw new AccessEntryFormatException($"kubernetesGroups must be a list of names{where}.");
        }

        var names = groups.Value.EnumerateArray().Select(group => group.GetString()!);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static string? ReadString(JsonElement entry, string name, string where)
    {
        var value = Property(entry, name);
        return value?.ValueKind switch
        {
            null or JsonValueKind.Null => null,
            JsonValueKind.String => value.Value.GetString(),
            _ => throw new AccessEntryFormatException($"{name} must be text{where}."),
        };
    }

    // The CLI prints camelCase; SDK and PowerShell dumps use PascalCase: accept both.
    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
