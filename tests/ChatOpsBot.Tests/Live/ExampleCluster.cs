using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// The objects of an example case's <c>cluster</c> folder (every YAML file, single objects and
/// <c>kind: List</c> alike), grouped by kind, as the fake API server serves them.
/// </summary>
internal sealed class ExampleCluster
{
    private readonly Dictionary<string, List<JsonObject>> byKind = new(StringComparer.Ordinal);

    private ExampleCluster()
    {
    }

    /// <summary>Reads examples/<paramref name="name"/>/cluster from the test output.</summary>
    public static ExampleCluster Load(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "examples", name, "cluster");
        var cluster = new ExampleCluster();
        var files = Directory.EnumerateFiles(folder)
            .Where(file => Path.GetExtension(file) is ".yaml" or ".yml")
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var document in YamlJson.Documents(File.ReadAllText(file)))
            {
                cluster.Add(document.AsObject());
            }
        }

        return cluster;
    }

    /// <summary>The objects of one kind, as copies the caller may change.</summary>
    public IReadOnlyList<JsonObject> OfKind(string kind) =>
        byKind.TryGetValue(kind, out var items) ? [.. items.Select(item => item.DeepClone().AsObject())] : [];

    /// <summary>The object of a kind with this namespace and name, or null.</summary>
    public JsonObject? Find(string kind, string? @namespace, string name) => OfKind(kind).FirstOrDefault(
        item => NameOf(item) == name && NamespaceOf(item) == @namespace);

    public static string? NameOf(JsonObject item) => (string?)item["metadata"]?["name"];

    public static string? NamespaceOf(JsonObject item) => (string?)item["metadata"]?["namespace"];

    private void Add(JsonObject document)
    {
        var kind = (string?)document["kind"] ?? "";
        if (kind == "List")
        {
            foreach (var item in document["items"]?.AsArray() ?? [])
            {
                Add(item!.AsObject());
            }

            return;
        }

        if (!byKind.TryGetValue(kind, out var items))
        {
            byKind[kind] = items = [];
        }

        items.Add(document);
    }
}
