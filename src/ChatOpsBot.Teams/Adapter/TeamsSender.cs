namespace ChatOpsBot.Teams.Adapter;

/// <summary>Where an activity came from and who sent it, in the shared flow's ids.</summary>
/// <param name="Conversation">The conversation, under its alias.</param>
/// <param name="UserId">The sender's Slack-shaped id.</param>
/// <param name="UserName">The sender's display name.</param>
/// <param name="Ts">The activity's alias.</param>
/// <param name="ThreadTs">The alias of the thread's first message, when the activity replies in one.</param>
/// <param name="TeamId">The tenant's Slack-shaped team id, when the activity names it.</param>
/// <param name="Mentioned">Whether the bot was mentioned.</param>
public sealed record TeamsSender(
    TeamsConversation Conversation,
    string UserId,
    string? UserName,
    string Ts,
    string? ThreadTs,
    string? TeamId,
    bool Mentioned)
{
    /// <summary>The thread a reply to this activity goes in: none in chats, which have no threads.</summary>
    public string? ReplyThreadTs => Conversation.IsChannel ? ThreadTs ?? Ts : null;
}
