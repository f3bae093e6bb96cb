using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>Turns a Slack-shaped message into the Teams activity that carries it: an Adaptive Card.</summary>
internal static class TeamsOutgoingMessage
{
    /// <summary>
    /// The activity for <paramref name="message"/>, naming users by <paramref name="displayNameOf"/>.
    /// </summary>
    public static JsonObject Build(SlackMessage message, Func<string, string?> displayNameOf) =>
        TeamsActivities.MessageWithCard(AdaptiveCardRenderer.Render(message, displayNameOf), message.Text);
}
