using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Slack;

/// <summary>Reads the copied Slack fixtures (Fixtures/slack; sources in its README).</summary>
internal static class SlackFixtures
{
    public static string Text(string relative) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "slack", relative));

    /// <summary>A fresh, editable copy of a JSON fixture.</summary>
    public static JsonObject Json(string relative) => JsonNode.Parse(Text(relative))!.AsObject();
}
