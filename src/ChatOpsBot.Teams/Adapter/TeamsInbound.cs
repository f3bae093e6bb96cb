using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.Work;
using ChatOpsBot.Teams.Cards;
using ChatOpsBot.Teams.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>
/// Turns Teams activities into what Slack would send, and hands them to the shared
/// <see cref="ISlackInboundHandler"/>: a message with an access error becomes a message event, a
/// command (<c>k8s-access hello</c>, or any text in the personal chat or after a mention) a
/// slash command, and a card click a <c>block_actions</c> payload. Retried activities are
/// dropped; activities from bots, without an Entra user or without ids are ignored.
/// </summary>
public sealed partial class TeamsInbound : ITeamsActivityHandler
{
    private const string ActionPrefix = "k8s_access.";

    private readonly ISlackInboundHandler _handler;
    private readonly TeamsIdMap _ids;
    private readonly TeamsResponseUrls _responseUrls;
    private readonly SlackEventDeduplicator _dedup;
    private readonly IServiceProvider _services;
    private readonly string _commandName;
    private readonly string _commandWord;
    private readonly ILogger<TeamsInbound> _logger;

    /// <summary>Creates the translator.</summary>
    /// <param name="handler">The shared flow's inbound handler.</param>
    /// <param name="ids">Maps Teams ids to the flow's ids.</param>
    /// <param name="responseUrls">Makes the response_url values handed to the flow.</param>
    /// <param name="dedup">Remembers the activities already taken on.</param>
    /// <param name="services">Where the outbound API is resolved to post command acknowledgements.</param>
    /// <param name="slack">The flow's settings (the command name).</param>
    /// <param name="options">The Teams settings (the command word).</param>
    /// <param name="logger">The translator's logger.</param>
    public TeamsInbound(
        ISlackInboundHandler handler,
        TeamsIdMap ids,
        TeamsResponseUrls responseUrls,
        SlackEventDeduplicator dedup,
        IServiceProvider services,
        IOptions<SlackOptions> slack,
        IOptions<TeamsAdapterOptions> options,
        ILogger<TeamsInbound> logger)
    {
        ArgumentNullException.ThrowIfNull(slack);
        ArgumentNullException.ThrowIfNull(options);
        _handler = handler;
        _ids = ids;
        _responseUrls = responseUrls;
        _dedup = dedup;
        _services = services;
        _commandName = slack.Value.CommandName;
        _commandWord = options.Value.CommandWord is { Length: > 0 } word ? word : _commandName.TrimStart('/');
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task HandleMessageAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (await SenderAsync(activity, cancellationToken).ConfigureAwait(false) is not { } sender
            || !Claim(sender))
        {
            return;
        }

        if (ReadClick(activity.Value) is { } submitted)
        {
            // An Action.Submit button: the same as a click on an Action.Execute one.
            await ClickAsync(activity, sender, submitted, cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = TeamsIncomingText.ToPlainText(activity.CleanText).Trim();
        if (text.Length == 0)
        {
            return;
        }

        try
        {
            await RouteAsync(sender, text, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackBusyException)
        {
            // Forget the claim, so the Bot Connector's retry of this activity can still be answered.
            Release(sender);
            LogBusy(sender.Conversation.Channel);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<JsonObject?> HandleInvokeAsync(
        TeamsActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.Equals(activity.Name, "adaptiveCard/action", StringComparison.Ordinal))
        {
            LogOddInvoke();
            return null;
        }

        if (await SenderAsync(activity, cancellationToken).ConfigureAwait(false) is not { } sender)
        {
            return InvokeAnswers.Refused();
        }

        if (!Claim(sender))
        {
            return InvokeAnswers.Working();
        }

        return ReadClick(activity.Value) is { } click
            ? await ClickAsync(activity, sender, click, cancellationToken).ConfigureAwait(false)
            : InvokeAnswers.Unknown();
    }

    // One of the bot's own buttons or menus, or null (every action id of the bot has the prefix).
    private static CardAction? ReadClick(JsonNode? value)
    {
        if (value is not JsonObject)
        {
            return null;
        }

        using var read = JsonDocument.Parse(value.ToJsonString());
        var click = CardActionReader.TryRead(read.RootElement);
        return click is not null && click.ActionId.StartsWith(ActionPrefix, StringComparison.Ordinal)
            ? click
            : null;
    }

    private async Task RouteAsync(TeamsSender sender, string text, CancellationToken cancellationToken)
    {
        if (CommandText(text) is { } typed)
        {
            await CommandAsync(sender, typed, cancellationToken).ConfigureAwait(false);
            return;
        }

        var addressed = sender.Mentioned || sender.Conversation.IsPersonal;
        if (AccessErrorPrefilter.MightHoldAccessError(text))
        {
            await MessageAsync(sender, text, addressed, cancellationToken).ConfigureAwait(false);
        }
        else if (addressed)
        {
            // Teams has no slash commands: what is said to the bot directly is the command.
            await CommandAsync(sender, text, cancellationToken).ConfigureAwait(false);
        }
    }

    // The text after the command word ("k8s-access hello", "/k8s-access hello"), or null.
    private string? CommandText(string text)
    {
        var rest = text.StartsWith('/') ? text[1..] : text;
        if (!rest.StartsWith(_commandWord, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        rest = rest[_commandWord.Length..];
        return rest.Length == 0 ? "" : char.IsWhiteSpace(rest[0]) ? rest.Trim() : null;
    }

    private async Task CommandAsync(TeamsSender sender, string text, CancellationToken cancellationToken)
    {
        var command = new SlashCommand
        {
            Command = _commandName,
            Text = text,
            TeamId = sender.TeamId ?? "",
            ChannelId = sender.Conversation.Channel,
            UserId = sender.UserId,
            UserName = sender.UserName ?? "",
            ResponseUrl = _responseUrls.Create(
                new TeamsResponseTarget(
                    sender.Conversation.Channel, sender.UserId, sender.ReplyThreadTs, null)),
            TriggerId = RandomId(),
            ApiAppId = "teams",
        };
        var reply = await _handler.HandleSlashCommandAsync(command, cancellationToken).ConfigureAwait(false);
        if (reply is null || (string?)reply["text"] is not { Length: > 0 } answer)
        {
            return;
        }

        // Slack shows the acknowledgement to the caller alone; Teams gets it as a reply.
        var message = new SlackMessage(answer, reply["blocks"]?.DeepClone() as JsonArray);
        try
        {
            await _services.GetRequiredService<ISlackWebApi>()
                .PostEphemeralAsync(
                    sender.Conversation.Channel, sender.UserId, message, sender.ReplyThreadTs,
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is SlackApiException or HttpRequestException
                                            or Connector.BotConnectorException)
        {
            LogAckFailed(sender.Conversation.Channel, problem.GetType().Name);
        }
    }

    private async Task MessageAsync(
        TeamsSender sender, string text, bool addressed, CancellationToken cancellationToken)
    {
        var inner = new JsonObject
        {
            ["type"] = addressed ? "app_mention" : "message",
            ["channel"] = sender.Conversation.Channel,
            ["user"] = sender.UserId,
            ["text"] = Mrkdwn.Escape(text),
            ["ts"] = sender.Ts,
            ["event_ts"] = sender.Ts,
            ["channel_type"] = sender.Conversation.IsPersonal ? "im" : "channel",
        };
        if (sender.ThreadTs is { } thread)
        {
            inner["thread_ts"] = thread;
        }

        if (sender.TeamId is { } team)
        {
            inner["team"] = team;
        }

        var body = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = sender.TeamId,
            ["api_app_id"] = "teams",
            ["event_id"] = "Ev" + sender.Ts,
            ["event"] = inner,
        };
        using var document = JsonDocument.Parse(body.ToJsonString());
        await _handler.HandleEventAsync(document.RootElement, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> ClickAsync(
        TeamsActivity activity, TeamsSender sender, CardAction click, CancellationToken cancellationToken)
    {
        // The clicked card is the activity the click replies to.
        var cardTs = activity.ReplyToId is { Length: > 0 } cardId
                     && activity.ConversationId is { } conversationId
            ? await _ids
                .RememberMessageAsync(sender.Conversation.Channel, cardId, conversationId, cancellationToken)
                .ConfigureAwait(false)
            : null;
        // A click on a channel post outside a thread answers under the clicked card.
        if (sender.Conversation.IsChannel && sender.ThreadTs is null)
        {
            sender = sender with { ThreadTs = cardTs };
        }

        var responseUrl = _responseUrls.Create(new TeamsResponseTarget(
            sender.Conversation.Channel, sender.UserId, sender.ReplyThreadTs, cardTs));
        var payload = TeamsBlockActions.From(click, sender, cardTs, responseUrl);
        using var document = JsonDocument.Parse(payload.ToJsonString());
        try
        {
            await _handler.HandleInteractionAsync(document.RootElement, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (SlackBusyException)
        {
            Release(sender);
            LogBusy(sender.Conversation.Channel);
            return InvokeAnswers.Busy();
        }

        return InvokeAnswers.Working();
    }

    private async Task<TeamsSender?> SenderAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        // Bots (28:…) are never answered; people are known by their Entra object id.
        if (activity.Id is not { Length: > 0 } id
            || activity.ConversationId is not { Length: > 0 } conversationId
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl
            || activity.FromId is null || activity.FromId.StartsWith("28:", StringComparison.Ordinal)
            || !Guid.TryParse(activity.FromAadObjectId, out var objectId))
        {
            LogIgnored(activity.Type);
            return null;
        }

        var conversation = await _ids
            .RememberConversationAsync(
                serviceUrl, conversationId, activity.ConversationType, cancellationToken)
            .ConfigureAwait(false);
        var channel = conversation.Channel;
        LogConversation(channel, conversation.ConversationId, conversation.ConversationType, serviceUrl);
        var ts = await _ids.RememberMessageAsync(channel, id, conversationId, cancellationToken)
            .ConfigureAwait(false);
        var root = TeamsIdMap.ThreadRootOf(conversationId);
        var threadTs = root is null || root == id
            ? null
            : await _ids.RememberMessageAsync(channel, root, conversationId, cancellationToken)
                .ConfigureAwait(false);
        var user = await _ids.RememberUserAsync(objectId, activity.FromName, cancellationToken)
            .ConfigureAwait(false);
        var mentioned = activity.Mentions.Any(m =>
            activity.RecipientId is not null
            && string.Equals(m.MentionedId, activity.RecipientId, StringComparison.Ordinal));
        var team = Guid.TryParse(activity.TenantId, out var tenant) ? TeamsIds.TeamId(tenant) : null;
        return new TeamsSender(conversation, user, activity.FromName, ts, threadTs, team, mentioned);
    }

    private bool Claim(TeamsSender sender)
    {
        if (_dedup.TryClaimEvent(ClaimKey(sender)))
        {
            return true;
        }

        LogDuplicate(sender.Conversation.Channel);
        return false;
    }

    private void Release(TeamsSender sender) => _dedup.ReleaseEvent(ClaimKey(sender));

    private static string ClaimKey(TeamsSender sender) =>
        "teams:" + sender.Conversation.Channel + ":" + sender.Ts;

    private static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Teams {ActivityType} activity ignored: no user, id or conversation")]
    private partial void LogIgnored(string activityType);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Teams activity in {Channel}: conversation {ConversationId} ({ConversationType}) "
                  + "at {ServiceUrl}")]
    private partial void LogConversation(
        string channel, string conversationId, string? conversationType, string serviceUrl);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Teams invoke that is not an Adaptive Card action ignored")]
    private partial void LogOddInvoke();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Teams activity in {Channel} already taken on")]
    private partial void LogDuplicate(string channel);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Work queue full: Teams activity in {Channel} refused")]
    private partial void LogBusy(string channel);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Acknowledging a Teams command in {Channel} failed ({ErrorType})")]
    private partial void LogAckFailed(string channel, string errorType);
}
