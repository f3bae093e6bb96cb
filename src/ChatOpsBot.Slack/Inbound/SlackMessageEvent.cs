using System.Text.Json;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>The fields of a <c>message</c> or <c>app_mention</c> event the bot acts on.</summary>
internal sealed record SlackMessageEvent
{
    public required string Type { get; init; }

    public string? Subtype { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public bool FromBotProfile { get; init; }

    public string Text { get; init; } = "";

    public required string Channel { get; init; }

    public required string Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? Team { get; init; }

    public bool IsMention => Type == "app_mention";

    /// <summary>The ts to reply under: the thread's parent when the message is in a thread.</summary>
    public string ReplyThreadTs => string.IsNullOrEmpty(ThreadTs) ? Ts : ThreadTs;

    public static SlackMessageEvent? From(JsonElement ev)
    {
        var type = JsonFields.String(ev, "type");
        var channel = JsonFields.String(ev, "channel");
        var ts = JsonFields.String(ev, "ts");
        if (type is not ("message" or "app_mention")
            || string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(ts))
        {
            return null;
        }

        return new SlackMessageEvent
        {
            Type = type,
            Subtype = JsonFields.String(ev, "subtype"),
            User = JsonFields.String(ev, "user"),
            BotId = JsonFields.String(ev, "bot_id"),
            FromBotProfile = JsonFields.Has(ev, "bot_profile"),
            Text = JsonFields.String(ev, "text") ?? "",
            Channel = channel,
            Ts = ts,
            ThreadTs = JsonFields.String(ev, "thread_ts"),
            Team = JsonFields.String(ev, "team"),
        };
    }
}
