using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Playground;

/// <summary>
/// The Slack Web API of the playground: every post, update and response_url answer lands in
/// the in-memory <see cref="PlaygroundChat"/>, and users and groups are the playground's fixed
/// ones. Nothing goes to the network. Errors use Slack's own codes.
/// </summary>
public sealed class PlaygroundSlackApi : ISlackWebApi
{
    private readonly PlaygroundChat _chat;
    private readonly PlaygroundResponseUrls _responseUrls;

    /// <summary>Creates the API over the chat and the response_url registry.</summary>
    public PlaygroundSlackApi(PlaygroundChat chat, PlaygroundResponseUrls responseUrls)
    {
        _chat = chat;
        _responseUrls = responseUrls;
    }

    /// <inheritdoc />
    public Task<SlackMessageRef> PostMessageAsync(
        string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnsureChannel("chat.postMessage", channel);
        var blocks = message.Blocks?.ToJsonString();
        var posted = _chat.Post(channel, PlaygroundIds.Bot, message.Text, blocks, threadTs, null);
        return Task.FromResult(new SlackMessageRef(channel, posted.Ts));
    }

    /// <inheritdoc />
    public Task PostEphemeralAsync(
        string channel, string user, SlackMessage message, string? threadTs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnsureChannel("chat.postEphemeral", channel);
        if (PlaygroundIds.NameOf(user) is null)
        {
            throw new SlackApiException("chat.postEphemeral", "user_not_in_channel");
        }

        _chat.Post(channel, PlaygroundIds.Bot, message.Text, message.Blocks?.ToJsonString(), threadTs, user);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdateMessageAsync(
        SlackMessageRef target, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        EnsureChannel("chat.update", target.Channel);
        var original = _chat.FindPosted(target.Channel, target.Ts);
        if (original is null)
        {
            throw new SlackApiException("chat.update", "message_not_found");
        }

        if (original.User != PlaygroundIds.Bot)
        {
            throw new SlackApiException("chat.update", "cant_update_message");
        }

        _chat.Replace(original.Key, message.Text, message.Blocks?.ToJsonString());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        PlaygroundIds.NameOf(userId) is { } name
            ? Task.FromResult(new SlackUser(userId, name, userId == PlaygroundIds.Bot, null))
            : throw new SlackApiException("users.info", "user_not_found");

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetUserGroupMembersAsync(
        string userGroupId, CancellationToken cancellationToken) =>
        userGroupId == PlaygroundIds.AdminGroup
            ? Task.FromResult<IReadOnlyList<string>>([PlaygroundIds.Admin])
            : throw new SlackApiException("usergroups.users.list", "no_such_subteam");

    /// <inheritdoc />
    public Task PostToResponseUrlAsync(
        Uri responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        if (_responseUrls.Resolve(responseUrl) is not { } target)
        {
            // What Slack says about a response_url it does not know (or no longer honours).
            throw new SlackApiException("response_url", "expired_url");
        }

        var blocks = message.Blocks?.ToJsonString();
        if (replaceOriginal && target.OriginalKey is { } key && _chat.Replace(key, message.Text, blocks))
        {
            return Task.CompletedTask;
        }

        _chat.Post(target.Channel, PlaygroundIds.Bot, message.Text, blocks, target.ThreadTs, target.User);
        return Task.CompletedTask;
    }

    private static void EnsureChannel(string method, string channel)
    {
        if (PlaygroundIds.ChannelName(channel) is null)
        {
            throw new SlackApiException(method, "channel_not_found");
        }
    }
}
