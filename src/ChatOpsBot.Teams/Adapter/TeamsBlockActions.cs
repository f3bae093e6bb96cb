using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>Turns a card click into the <c>block_actions</c> payload Slack would send for it.</summary>
public static class TeamsBlockActions
{
    /// <summary>
    /// The <c>block_actions</c> payload for <paramref name="click"/>: who clicked (the signed
    /// activity's user and tenant), where (the card's conversation and message) and the one action.
    /// </summary>
    /// <param name="click">The click, as read from the activity's value.</param>
    /// <param name="sender">Who clicked, and where.</param>
    /// <param name="cardTs">The clicked card's alias, when the click named it.</param>
    /// <param name="responseUrl">Where the flow's answers to the click go.</param>
    /// <returns>The payload for <c>ISlackInboundHandler.HandleInteractionAsync</c>.</returns>
    public static JsonObject From(CardAction click, TeamsSender sender, string? cardTs, Uri responseUrl)
    {
        ArgumentNullException.ThrowIfNull(click);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(responseUrl);
        var action = new JsonObject
        {
            ["action_id"] = click.ActionId,
            ["block_id"] = click.BlockId,
            ["action_ts"] = sender.Ts,
        };
        if (click.SelectedOption is { } option)
        {
            action["type"] = "static_select";
            action["selected_option"] = new JsonObject { ["value"] = option };
        }
        else
        {
            action["type"] = "button";
            action["value"] = click.Value;
        }

        var container = new JsonObject
        {
            ["type"] = "message",
            ["channel_id"] = sender.Conversation.Channel,
            ["message_ts"] = cardTs,
            ["is_ephemeral"] = false,
        };
        var user = new JsonObject
        {
            ["id"] = sender.UserId,
            ["username"] = sender.UserName,
            ["name"] = sender.UserName,
            ["team_id"] = sender.TeamId,
        };
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = user,
            ["api_app_id"] = "teams",
            ["container"] = container,
            ["trigger_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            ["team"] = sender.TeamId is null ? null : new JsonObject { ["id"] = sender.TeamId },
            ["channel"] = new JsonObject { ["id"] = sender.Conversation.Channel },
            ["response_url"] = responseUrl.AbsoluteUri,
            ["actions"] = new JsonArray(action),
        };
        if (sender.ReplyThreadTs is { } thread)
        {
            container["thread_ts"] = thread;
            payload["message"] = new JsonObject { ["ts"] = cardTs, ["thread_ts"] = thread };
        }

        return payload;
    }
}
