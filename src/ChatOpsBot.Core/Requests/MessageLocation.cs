namespace ChatOpsBot.Core.Requests;

/// <summary>Where a chat message is, so the bot can update it later (the approvers' message).</summary>
/// <param name="ChannelId">The channel (or conversation) id.</param>
/// <param name="MessageTs">The message's id within the channel (Slack's <c>ts</c>).</param>
public sealed record MessageLocation(string ChannelId, string MessageTs);
