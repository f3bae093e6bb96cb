using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Teams.Connector;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>
/// The Slack Web API of the shared flow, spoken to Teams through the Bot Connector. Channels
/// and message timestamps are the <see cref="TeamsIdMap"/>'s aliases; messages go out as Adaptive
/// Cards. Teams has no ephemeral messages in channels, so an "ephemeral" answer is an ordinary
/// reply that names the person (in the personal chat it is simply a message); and no user
/// groups, so a group has no members. Errors use Slack's codes, as the flow expects.
/// </summary>
public sealed class TeamsSlackApi : ISlackWebApi
{
    private readonly BotConnectorClient _connector;
    private readonly TeamsIdMap _ids;
    private readonly TeamsResponseUrls _responseUrls;

    /// <summary>Creates the API over the Bot Connector client and the id map.</summary>
    /// <param name="connector">Posts and updates activities.</param>
    /// <param name="ids">Maps the flow's ids to Teams' ids.</param>
    /// <param name="responseUrls">The response_url values handed to the flow.</param>
    public TeamsSlackApi(BotConnectorClient connector, TeamsIdMap ids, TeamsResponseUrls responseUrls)
    {
        _connector = connector ?? throw new ArgumentNullException(nameof(connector));
        _ids = ids ?? throw new ArgumentNullException(nameof(ids));
        _responseUrls = responseUrls ?? throw new ArgumentNullException(nameof(responseUrls));
    }

    /// <inheritdoc />
    public async Task<SlackMessageRef> PostMessageAsync(
        string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var conversation = await ConversationAsync("chat.postMessage", channel, cancellationToken)
            .ConfigureAwait(false);
        return await PostAsync(channel, conversation, message, threadTs, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PostEphemeralAsync(
        string channel,
        string user,
        SlackMessage message,
        string? threadTs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var conversation = await ConversationAsync("chat.postEphemeral", channel, cancellationToken)
            .ConfigureAwait(false);

        // Everyone in a channel or group chat reads it, so it says whom it answers.
        var addressed = conversation.IsPersonal ? message : Addressed(user, message);
        await PostAsync(channel, conversation, addressed, threadTs, cancellationToken).ConfigureAwait(false);
    }

    // Posts to a conversation already looked up, as a reply in the thread when it is known.
    private async Task<SlackMessageRef> PostAsync(
        string channel,
        TeamsConversation conversation,
        SlackMessage message,
        string? threadTs,
        CancellationToken cancellationToken)
    {
        var root = threadTs is null
            ? null
            : await _ids.FindMessageAsync(channel, threadTs, cancellationToken).ConfigureAwait(false);
        var activity = await BuildAsync(message, cancellationToken).ConfigureAwait(false);

        string? id;
        string conversationId;
        if (root is null)
        {
            // An unknown thread (forgotten, or never ours) gets a new message rather than none.
            id = await ConnectorAsync("chat.postMessage", () => _connector.SendToConversationAsync(
                    conversation.ServiceUrl, conversation.ConversationId, activity, cancellationToken))
                .ConfigureAwait(false);
            conversationId = id is null ? conversation.ConversationId : conversation.ThreadConversationId(id);
        }
        else
        {
            conversationId = conversation.ThreadConversationId(root.ActivityId);
            id = await ConnectorAsync("chat.postMessage", () => _connector.ReplyToActivityAsync(
                    conversation.ServiceUrl, conversationId, root.ActivityId, activity, cancellationToken))
                .ConfigureAwait(false);
        }

        // Without an id the message cannot be updated later; its alias then names nothing.
        var ts = id is null
            ? TeamsIds.Alias('M', Guid.NewGuid().ToString("N"))
            : await _ids.RememberMessageAsync(channel, id, conversationId, cancellationToken)
                .ConfigureAwait(false);
        return new SlackMessageRef(channel, ts);
    }

    /// <inheritdoc />
    public async Task UpdateMessageAsync(
        SlackMessageRef target, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var conversation = await ConversationAsync("chat.update", target.Channel, cancellationToken)
            .ConfigureAwait(false);
        var posted = await _ids
                         .FindMessageAsync(target.Channel, target.Ts, cancellationToken)
                         .ConfigureAwait(false)
                     ?? throw new SlackApiException("chat.update", "message_not_found");
        var activity = await BuildAsync(message, cancellationToken).ConfigureAwait(false);
        await ConnectorAsync("chat.update", async () =>
            {
                await _connector.UpdateActivityAsync(
                        conversation.ServiceUrl, posted.ConversationId, posted.ActivityId, activity,
                        cancellationToken)
                    .ConfigureAwait(false);
                return (string?)null;
            })
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var name = await _ids.DisplayNameAsync(userId, cancellationToken).ConfigureAwait(false);
        return name is null
            ? throw new SlackApiException("users.info", "user_not_found")
            : new SlackUser(userId, name, false, null);
    }

    /// <inheritdoc />
    /// <remarks>Teams has no Slack user groups: every group is empty (approvers are listed by id).</remarks>
    public Task<IReadOnlyList<string>> GetUserGroupMembersAsync(
        string userGroupId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <inheritdoc />
    public async Task PostToResponseUrlAsync(
        Uri responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        var target = _responseUrls.Resolve(responseUrl)
                     ?? throw new SlackApiException("response_url", "expired_url");
        if (replaceOriginal && target.OriginalTs is { } original)
        {
            await UpdateMessageAsync(
                    new SlackMessageRef(target.Channel, original), message, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        await PostEphemeralAsync(target.Channel, target.User, message, target.ThreadTs, cancellationToken)
            .ConfigureAwait(false);
    }

    // The flow handles Slack's failures; a Bot Connector refusal is reported as one of them.
    private static async Task<string?> ConnectorAsync(string method, Func<Task<string?>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (BotConnectorException problem)
        {
            throw new SlackApiException(method, "teams_connector_refused: " + problem.Message);
        }
        catch (ArgumentException)
        {
            // A stored service URL that is no longer acceptable (not https): nothing is sent.
            throw new SlackApiException(method, "teams_service_url_refused");
        }
    }

    private async Task<TeamsConversation> ConversationAsync(
        string method, string channel, CancellationToken cancellationToken) =>
        await _ids.FindConversationAsync(channel, cancellationToken).ConfigureAwait(false)
        ?? throw new SlackApiException(method, "channel_not_found");

    private async Task<JsonObject> BuildAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        var mentioned = TeamsMentions.UserIds(message.Text, message.Blocks);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in mentioned)
        {
            if (await _ids.DisplayNameAsync(user, cancellationToken).ConfigureAwait(false) is { } name)
            {
                names[user] = name;
            }
        }

        return TeamsOutgoingMessage.Build(message, user => names.GetValueOrDefault(user));
    }

    private static SlackMessage Addressed(string user, SlackMessage message)
    {
        var mention = $"<@{user}>";
        if (message.Blocks is not { } blocks)
        {
            return message with { Text = $"{mention} {message.Text}" };
        }

        var addressed = new JsonArray(new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mention },
        });
        foreach (var block in blocks)
        {
            addressed.Add(block?.DeepClone());
        }

        return new SlackMessage($"{mention} {message.Text}", addressed);
    }
}
