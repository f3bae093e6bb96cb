namespace ChatOpsBot.Teams.Adapter;

/// <summary>A Teams conversation as the adapter knows it, under its Slack-shaped alias.</summary>
/// <param name="Channel">The alias the Slack flow uses as the channel id.</param>
/// <param name="ServiceUrl">Where its activities go; taken from a validated activity or the settings.</param>
/// <param name="ConversationId">The conversation id without any <c>;messageid=</c> thread part.</param>
/// <param name="ConversationType"><c>channel</c>, <c>groupChat</c> or <c>personal</c>, when known.</param>
public sealed record TeamsConversation(
    string Channel, string ServiceUrl, string ConversationId, string? ConversationType)
{
    /// <summary>True for a team channel, where replies form threads and everyone reads along.</summary>
    public bool IsChannel => ConversationType is null or "channel";

    /// <summary>True for the one-to-one chat with the bot.</summary>
    public bool IsPersonal => ConversationType == "personal";

    /// <summary>
    /// The conversation id that addresses the thread under <paramref name="rootActivityId"/>.
    /// </summary>
    /// <param name="rootActivityId">The id of the thread's first message.</param>
    /// <returns>The id to post a threaded reply to.</returns>
    public string ThreadConversationId(string rootActivityId) =>
        IsChannel && ConversationType is not null
            ? ConversationId + TeamsIdMap.ThreadMarker + rootActivityId
            : ConversationId;
}

/// <summary>A message (activity) the adapter knows: its id and the conversation id that reaches it.</summary>
/// <param name="ActivityId">The Teams activity id.</param>
/// <param name="ConversationId">The conversation id it was posted or received under.</param>
public sealed record TeamsMessageRef(string ActivityId, string ConversationId);
