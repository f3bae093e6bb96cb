namespace ChatOpsBot.Teams.Protocol;

/// <summary>One <c>mention</c> entity of an activity: who was mentioned and the markup used.</summary>
/// <param name="MentionedId">The mentioned account's id (a <c>28:</c> bot or <c>29:</c> user id).</param>
/// <param name="MentionedName">The display name of the mentioned account.</param>
/// <param name="Text">The markup in the message text, such as <c>&lt;at&gt;testbot&lt;/at&gt;</c>.</param>
public sealed record TeamsMention(string? MentionedId, string? MentionedName, string Text);
