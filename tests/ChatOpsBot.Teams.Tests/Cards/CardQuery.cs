using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Tests.Cards;

/// <summary>Looks inside a rendered card: every element or action of a type, every text.</summary>
internal static class CardQuery
{
    /// <summary>Every object in the card (ShowCard cards and fallbacks included), depth first.</summary>
    public static IEnumerable<JsonObject> All(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in All(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in All(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>Every object whose <c>type</c> is <paramref name="type"/>.</summary>
    public static List<JsonObject> OfType(JsonNode card, string type) =>
        All(card).Where(obj => obj["type"] is JsonValue value
                               && value.TryGetValue<string>(out var t) && t == type).ToList();

    /// <summary>The texts of every TextBlock, joined by line breaks.</summary>
    public static string Text(JsonNode card) =>
        string.Join("\n", OfType(card, "TextBlock").Select(block => (string?)block["text"] ?? ""));

    /// <summary>The top-level body elements.</summary>
    public static List<JsonObject> Body(JsonObject card) =>
        card["body"]!.AsArray().Select(element => element!.AsObject()).ToList();

    /// <summary>The Action.Execute with this verb outside any ShowCard or fallback (exactly one).</summary>
    public static JsonObject TopExecute(JsonObject card, string verb) =>
        Assert.Single(Body(card)
            .Where(element => (string?)element["type"] == "ActionSet")
            .SelectMany(set => set["actions"]!.AsArray().Select(action => action!.AsObject())),
            action => (string?)action["type"] == "Action.Execute" && (string?)action["verb"] == verb);
}
