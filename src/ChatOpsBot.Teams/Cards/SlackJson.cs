using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Cards;

/// <summary>Tolerant reads of Block Kit JSON: a missing or mistyped field is simply absent.</summary>
internal static class SlackJson
{
    /// <summary>The string at <paramref name="key"/>, or null.</summary>
    public static string? String(JsonNode? node, string key) =>
        node is JsonObject obj
        && obj.TryGetPropertyValue(key, out var value)
        && value is JsonValue scalar
        && scalar.GetValueKind() == JsonValueKind.String
            ? scalar.GetValue<string>()
            : null;

    /// <summary>The object at <paramref name="key"/>, or null.</summary>
    public static JsonObject? Object(JsonNode? node, string key) =>
        node is JsonObject obj && obj.TryGetPropertyValue(key, out var value) ? value as JsonObject : null;

    /// <summary>
    /// The objects of the array at <paramref name="key"/> (other items skipped), at most
    /// <paramref name="max"/> of them.
    /// </summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node, string key, int max) =>
        node is JsonObject obj && obj.TryGetPropertyValue(key, out var value) && value is JsonArray array
            ? array.OfType<JsonObject>().Take(max)
            : [];

    /// <summary>
    /// A Slack text object's text and whether it is mrkdwn; a bare string counts as plain text.
    /// </summary>
    public static (string Text, bool IsMrkdwn)? Text(JsonNode? textObject)
    {
        if (textObject is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            return (scalar.GetValue<string>(), false);
        }

        return String(textObject, "text") is { } text
            ? (text, String(textObject, "type") == "mrkdwn")
            : null;
    }
}
