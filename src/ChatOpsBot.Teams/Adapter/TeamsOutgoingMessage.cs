using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>Turns a Slack-shaped message into the Teams activity that carries it: an Adaptive Card.</summary>
internal static class TeamsOutgoingMessage
{
    /// <summary>
    /// The activity for <paramref name="message"/>, naming users by <paramref name="displayNameOf"/>.
    /// </summary>
    public static JsonObject Build(SlackMessage message, Func<string, string?> displayNameOf)
    {
        var card = AdaptiveCardRenderer.Render(message, displayNameOf);
        return TeamsActivities.MessageWithCard(card, NotificationText(message.Text, displayNameOf));
    }

    // The fallback shows in notifications: "@Dana" and a link's label, not Slack's markup.
    private static string NotificationText(string mrkdwn, Func<string, string?> displayNameOf)
    {
        var named = mrkdwn;
        foreach (var user in TeamsMentions.UserIds(mrkdwn))
        {
            if (displayNameOf(user) is { Length: > 0 } name)
            {
                var safe = name.Replace("<", "", StringComparison.Ordinal)
                    .Replace(">", "", StringComparison.Ordinal)
                    .Replace("|", "", StringComparison.Ordinal);
                named = named.Replace($"<@{user}>", $"<@{user}|{safe}>", StringComparison.Ordinal);
            }
        }

        return SlackIncomingText.ToPlainText(named);
    }
}
