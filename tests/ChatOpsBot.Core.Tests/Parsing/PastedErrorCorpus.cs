using System.Text.Json;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>One case of the pasted-error collection: the paste and the expected first reading.</summary>
public sealed record PastedErrorCase(string Id, string Text, JsonElement Expected, string[] Features);

/// <summary>Loads the pasted-error collection copied into Fixtures/errors.</summary>
public static class PastedErrorCorpus
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "errors");

    private static readonly Lazy<Dictionary<string, PastedErrorCase>> Cases = new(Load);

    private static readonly Lazy<Dictionary<string, string[]>> Unstated = new(LoadUnstated);

    public static IEnumerable<string> Ids => Cases.Value.Keys;

    public static PastedErrorCase Get(string id) => Cases.Value[id];

    /// <summary>Expected fields the paste does not contain (see the fixture README).</summary>
    public static IReadOnlyCollection<string> UnstatedFields(string id) =>
        Unstated.Value.TryGetValue(id, out var fields) ? fields : [];

    private static Dictionary<string, PastedErrorCase> Load()
    {
        var cases = new Dictionary<string, PastedErrorCase>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Folder, "pasted-errors.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var features = root.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(e => e.GetString()!).ToArray()
                : [];
            var id = root.GetProperty("id").GetString()!;
            cases[id] = new PastedErrorCase(id, root.GetProperty("text").GetString()!,
                root.GetProperty("expected").Clone(), features);
        }

        return cases;
    }

    private static Dictionary<string, string[]> LoadUnstated()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder,
            "unstated-fields.json")));
        return document.RootElement.EnumerateObject()
            .Where(p => !p.Name.StartsWith('_'))
            .ToDictionary(
                p => p.Name,
                p => p.Value.GetProperty("fields").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                StringComparer.Ordinal);
    }
}
