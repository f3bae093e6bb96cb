using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Playground;

/// <summary>
/// The Teams view of the playground: each bot message with blocks rendered by the same
/// <see cref="AdaptiveCardRenderer"/> the Teams front end uses, so the page shows what Teams
/// would receive.
/// </summary>
internal static class PlaygroundTeamsView
{
    /// <summary>The Adaptive Card for a message's blocks, or null for a text-only message.</summary>
    public static JsonObject? CardFor(string text, JsonArray? blocks) =>
        blocks is null
            ? null
            : AdaptiveCardRenderer.Render(new SlackMessage(text, blocks), PlaygroundIds.NameOf);
}
