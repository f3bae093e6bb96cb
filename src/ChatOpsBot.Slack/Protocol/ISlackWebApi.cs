using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Protocol;

/// <summary>A message to post: text (the notification fallback) and Block Kit blocks.</summary>
/// <param name="Text">Plain fallback text, already escaped for mrkdwn.</param>
/// <param name="Blocks">The Block Kit blocks, or null for text only.</param>
public sealed record SlackMessage(string Text, JsonArray? Blocks = null);

/// <summary>Where a posted message lives, so it can be updated later.</summary>
public sealed record SlackMessageRef(string Channel, string Ts);

/// <summary>A Slack user as <c>users.info</c> describes it (the fields the bot uses).</summary>
public sealed record SlackUser(string Id, string Name, bool IsBot, string? Email);

/// <summary>Thrown when Slack answers <c>ok: false</c>; carries Slack's error code.</summary>
public sealed class SlackApiException : Exception
{
    /// <summary>Creates the exception for a Slack error code such as <c>channel_not_found</c>.</summary>
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    /// <summary>The Web API method that failed.</summary>
    public string Method { get; }

    /// <summary>Slack's error code.</summary>
    public string Error { get; }
}

/// <summary>The Slack Web API methods the bot uses, plus <c>response_url</c> posts.</summary>
public interface ISlackWebApi
{
    /// <summary><c>chat.postMessage</c>; <paramref name="threadTs"/> makes it a threaded reply.</summary>
    Task<SlackMessageRef> PostMessageAsync(
        string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken);

    /// <summary><c>chat.postEphemeral</c>: visible only to <paramref name="user"/>.</summary>
    Task PostEphemeralAsync(
        string channel, string user, SlackMessage message, string? threadTs,
        CancellationToken cancellationToken);

    /// <summary><c>chat.update</c> of a message the bot posted.</summary>
    Task UpdateMessageAsync(SlackMessageRef target, SlackMessage message, CancellationToken cancellationToken);

    /// <summary><c>users.info</c>.</summary>
    Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary><c>usergroups.users.list</c>: the members of a user group.</summary>
    Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken);

    /// <summary>Posts to a <c>response_url</c> (slash commands and interactions).</summary>
    Task PostToResponseUrlAsync(
        Uri responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken cancellationToken);
}
