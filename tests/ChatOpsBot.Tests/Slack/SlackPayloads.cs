using System.Net;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// Slack payloads made from Slack's own fixtures, with only the fields a test is about
/// changed, so everything else reaches the bot in Slack's exact shape.
/// </summary>
internal static class SlackPayloads
{
    /// <summary>
    /// A channel <c>message</c> event_callback. <paramref name="slackText"/> is the text as Slack
    /// delivers it (with <c>&amp;lt;</c> escapes); the rich_text block carries the plain text, as
    /// Slack's clients send both.
    /// </summary>
    public static string Message(
        string eventId, string slackText, string plainText, string channel, string ts, string user)
    {
        var root = SlackFixtures.Json("events-api/event_callback-message.json");
        root["event_id"] = eventId;
        var message = root["event"]!.AsObject();
        message["text"] = slackText;
        message["channel"] = channel;
        message["ts"] = ts;
        message["event_ts"] = ts;
        message["user"] = user;
        message.Remove("client_msg_id");
        var section = message["blocks"]![0]!["elements"]![0]!.AsObject();
        section["elements"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = plainText });
        return root.ToJsonString();
    }

    /// <summary>
    /// An <c>app_mention</c> event_callback: <paramref name="text"/> after a mention of the bot,
    /// which Slack sends besides the channel's <c>message</c> event for the same post.
    /// </summary>
    public static string Mention(
        string eventId, string botUserId, string text, string channel, string ts, string user)
    {
        var root = SlackFixtures.Json("events-api/event_callback-app_mention.json");
        root["event_id"] = eventId;
        var mention = root["event"]!.AsObject();
        mention["text"] = $"<@{botUserId}> {Escape(text)}";
        mention["channel"] = channel;
        mention["ts"] = ts;
        mention["event_ts"] = ts;
        mention["user"] = user;
        var section = mention["blocks"]![0]!["elements"]![0]!.AsObject();
        section["elements"] = new JsonArray(
            new JsonObject { ["type"] = "user", ["user_id"] = botUserId },
            new JsonObject { ["type"] = "text", ["text"] = " " + text });
        return root.ToJsonString();
    }

    /// <summary>A message event whose text has nothing Slack would escape.</summary>
    public static string Message(string eventId, string text, string channel, string ts, string user) =>
        Message(eventId, Escape(text), text, channel, ts, user);

    /// <summary>
    /// Slack's documented <c>bot_message</c> event in a channel, carrying
    /// <paramref name="text"/>. The fixture names no channel; one is added so that only the
    /// bot subtype can explain the bot's silence.
    /// </summary>
    public static string BotMessage(string eventId, string text, string channel, string ts)
    {
        var root = SlackFixtures.Json("events-api/event_callback-message-subtype-bot_message.json");
        root["event_id"] = eventId;
        var message = root["event"]!.AsObject();
        message["text"] = Escape(text);
        message["channel"] = channel;
        message["ts"] = ts;
        return root.ToJsonString();
    }

    /// <summary>
    /// A slash command form: Slack's signing example body with the command, text, user and
    /// response_url replaced, every other field kept in Slack's order and encoding.
    /// </summary>
    public static string Command(string command, string text, Uri responseUrl, string userId)
    {
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["command"] = command,
            ["text"] = text,
            ["response_url"] = responseUrl.AbsoluteUri,
            ["user_id"] = userId,
        };
        var original = SlackFixtures.Text("slash-commands/webhook-collect.form-urlencoded.txt").Trim();
        var fields = original.Split('&')
            .Select(field => field.Split('=', 2))
            .Select(pair => replacements.TryGetValue(pair[0], out var value)
                ? pair[0] + "=" + WebUtility.UrlEncode(value)
                : string.Join('=', pair));
        return string.Join('&', fields);
    }

    /// <summary>
    /// A <c>block_actions</c> click on an element of a message the bot posted (Slack docs' click
    /// payload, with the container, user, channel, response_url and action replaced).
    /// </summary>
    public static string BlockAction(
        string userId, string channel, string messageTs, string? threadTs, Uri responseUrl,
        JsonObject action)
    {
        var root = SlackFixtures.Json("interactivity/block_actions-button-message_attachment.json");
        root["user"]!["id"] = userId;
        root["channel"]!["id"] = channel;
        root["container"] = new JsonObject
        {
            ["type"] = "message",
            ["message_ts"] = messageTs,
            ["channel_id"] = channel,
            ["is_ephemeral"] = false,
        };
        var message = root["message"]!.AsObject();
        message["ts"] = messageTs;
        if (threadTs is not null)
        {
            message["thread_ts"] = threadTs;
        }

        root["response_url"] = responseUrl.AbsoluteUri;
        var clicked = root["actions"]![0]!.AsObject();
        var actionTs = clicked["action_ts"]!.DeepClone();
        root["actions"] = new JsonArray(action);
        action["action_ts"] = actionTs;
        return root.ToJsonString();
    }

    /// <summary>The action Slack reports for a click on a posted button.</summary>
    public static JsonObject ButtonAction(string blockId, JsonObject button) => new()
    {
        ["action_id"] = button["action_id"]!.DeepClone(),
        ["block_id"] = blockId,
        ["text"] = button["text"]!.DeepClone(),
        ["value"] = button["value"]!.DeepClone(),
        ["type"] = "button",
    };

    /// <summary>The action Slack reports when an option of a posted static select is chosen.</summary>
    public static JsonObject SelectAction(string blockId, JsonObject select, JsonObject option) => new()
    {
        ["type"] = "static_select",
        ["action_id"] = select["action_id"]!.DeepClone(),
        ["block_id"] = blockId,
        ["selected_option"] = option.DeepClone(),
        ["placeholder"] = select["placeholder"]!.DeepClone(),
    };

    /// <summary>Text as Slack delivers what a user typed: only &amp;, &lt; and &gt; escaped.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
