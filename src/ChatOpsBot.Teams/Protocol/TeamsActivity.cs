using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Protocol;

/// <summary>
/// The parts of an inbound Bot Framework activity the bot uses. <see cref="Raw"/> keeps the
/// whole object for fields not modelled here (attachments, channelData, …).
/// </summary>
public sealed record TeamsActivity
{
    /// <summary>The activity type, such as <c>message</c> or <c>invoke</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The invoke's name, such as <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The activity id (the target of a threaded reply).</summary>
    public string? Id { get; init; }

    /// <summary>The channel, <c>msteams</c> for Teams.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Where replies go; validated against the token's <c>serviceurl</c> claim.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The message text as sent, mention markup included.</summary>
    public string? Text { get; init; }

    /// <summary>The text with mention markup handled by <see cref="TeamsText.StripMentions"/>.</summary>
    public string CleanText { get; init; } = "";

    /// <summary>The id of the activity this one replies to, if any.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>The conversation id (for channel threads it ends with <c>;messageid=…</c>).</summary>
    public string? ConversationId { get; init; }

    /// <summary>The conversation type: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }

    /// <summary>The Entra tenant, from <c>channelData.tenant.id</c> or <c>conversation.tenantId</c>.</summary>
    public string? TenantId { get; init; }

    /// <summary>The sender's Teams id (<c>29:…</c>).</summary>
    public string? FromId { get; init; }

    /// <summary>The sender's display name.</summary>
    public string? FromName { get; init; }

    /// <summary>The sender's Entra object id.</summary>
    public string? FromAadObjectId { get; init; }

    /// <summary>The bot's own id in this conversation (<c>28:…</c>).</summary>
    public string? RecipientId { get; init; }

    /// <summary>The <c>mention</c> entities.</summary>
    public IReadOnlyList<TeamsMention> Mentions { get; init; } = [];

    /// <summary>The <c>value</c> payload (card submissions, invokes), if any.</summary>
    public JsonNode? Value { get; init; }

    /// <summary>The whole activity as received.</summary>
    public required JsonObject Raw { get; init; }
}
