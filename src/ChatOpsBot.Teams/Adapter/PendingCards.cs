using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Teams.Adapter;

// TEMPORARY until the Teams cards branch lands: replaced by CardActionReader, InvokeResponses
// and AdaptiveCardRenderer. Deleted at the merge.
internal static class PendingCards
{
    public static TeamsClick? Read(JsonObject value)
    {
        var data = value["action"] is JsonObject action ? action["data"] as JsonObject : value;
        return data?["action_id"] is JsonValue id && id.TryGetValue<string>(out var actionId)
            ? new TeamsClick(actionId, (string?)data["block_id"], (string?)data["value"], null)
            : null;
    }

    public static JsonObject Message(string text) =>
        new() { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = text };

    public static JsonObject Error(int status, string code, string text) =>
        new()
        {
            ["statusCode"] = status,
            ["type"] = "application/vnd.microsoft.error",
            ["value"] = new JsonObject { ["code"] = code, ["message"] = text },
        };

    public static JsonObject Activity(SlackMessage message, Func<string, string?> displayNameOf) =>
        new() { ["type"] = "message", ["textFormat"] = "markdown", ["text"] = message.Text, ["blocks"] = message.Blocks?.DeepClone() };
}
