using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Playground;

/// <summary>
/// Turns what happens on the page into what Slack would send: a channel post becomes an
/// <c>event_callback</c> message event, a line starting with a slash becomes a slash command,
/// and a click becomes a <c>block_actions</c> payload, each handed straight to the bot's
/// <see cref="ISlackInboundHandler"/> (the in-process equivalent of a signed request).
/// </summary>
public sealed class PlaygroundInbound
{
    private const string AppId = "A0PLAYGND";

    private readonly ISlackInboundHandler _handler;
    private readonly PlaygroundChat _chat;
    private readonly PlaygroundResponseUrls _responseUrls;
    private readonly TimeProvider _time;

    /// <summary>Creates the translator.</summary>
    public PlaygroundInbound(
        ISlackInboundHandler handler, PlaygroundChat chat, PlaygroundResponseUrls responseUrls,
        TimeProvider time)
    {
        _handler = handler;
        _chat = chat;
        _responseUrls = responseUrls;
        _time = time;
    }

    /// <summary>Posts the text as the role and lets the bot see it; returns the user's message.</summary>
    /// <exception cref="PlaygroundRequestException">The request is not usable; nothing changed.</exception>
    public async Task<PlaygroundMessage> PostAsync(
        PlaygroundPostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = UserOf(request.Role);
        var channel = string.IsNullOrEmpty(request.Channel) ? PlaygroundIds.TeamChannel : request.Channel;
        if (PlaygroundIds.ChannelName(channel) is null)
        {
            throw new PlaygroundRequestException(400, "unknown channel");
        }

        var text = (request.Text ?? "").Trim();
        if (text.Length == 0 || text.Length > PlaygroundChat.MaxTextLength)
        {
            throw new PlaygroundRequestException(
                400, $"the text must be 1 to {PlaygroundChat.MaxTextLength} characters");
        }

        var threadTs = string.IsNullOrEmpty(request.ThreadTs) ? null : request.ThreadTs;
        if (threadTs is not null && _chat.FindPosted(channel, threadTs) is null)
        {
            throw new PlaygroundRequestException(400, "there is no such thread in that channel");
        }

        return text.StartsWith('/')
            ? await CommandAsync(user, channel, text, cancellationToken).ConfigureAwait(false)
            : await MessageAsync(user, channel, text, threadTs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Clicks an element of a message the role can see.</summary>
    /// <exception cref="PlaygroundRequestException">No such message or element; nothing changed.</exception>
    public async Task ClickAsync(PlaygroundActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = UserOf(request.Role);
        var message = request.MessageKey is { Length: > 0 and <= 200 } key ? _chat.Find(key) : null;
        if (message is null || (message.VisibleTo is { } reader && reader != user))
        {
            throw new PlaygroundRequestException(404, "no such message");
        }

        var blocks = message.BlocksJson is null ? null : JsonNode.Parse(message.BlocksJson) as JsonArray;
        if (blocks is null || request.BlockIndex < 0 || request.BlockIndex >= blocks.Count
            || blocks[request.BlockIndex] is not JsonObject block)
        {
            throw new PlaygroundRequestException(404, "no such block");
        }

        var action = PlaygroundBlockActions.ActionFor(
                         block, request.BlockIndex, request.ActionId, request.OptionValue)
                     ?? throw new PlaygroundRequestException(404, "no such button or option in that block");
        action["action_ts"] = NowTs();

        var responseUrl = _responseUrls.Create(
            new PlaygroundResponseTarget(message.Channel, user, message.ThreadTs, message.Key));
        var payload = BlockActions(user, message, blocks, action, responseUrl);
        using var document = JsonDocument.Parse(payload.ToJsonString());
        await _handler.HandleInteractionAsync(document.RootElement, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlaygroundMessage> MessageAsync(
        string user, string channel, string text, string? threadTs, CancellationToken cancellationToken)
    {
        var posted = _chat.Post(channel, user, Mrkdwn.Escape(text), null, threadTs, null);
        var inner = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["user"] = user,
            ["text"] = posted.Text,
            ["ts"] = posted.Ts,
            ["event_ts"] = posted.Ts,
            ["team"] = PlaygroundIds.TeamId,
            ["channel_type"] = "channel",
        };
        if (threadTs is not null)
        {
            inner["thread_ts"] = threadTs;
        }

        var body = new JsonObject
        {
            ["token"] = "playground",
            ["team_id"] = PlaygroundIds.TeamId,
            ["api_app_id"] = AppId,
            ["event"] = inner,
            ["type"] = "event_callback",
            ["event_id"] = "Ev" + RandomId(),
            ["event_time"] = _time.GetUtcNow().ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["team_id"] = PlaygroundIds.TeamId,
                ["user_id"] = PlaygroundIds.Bot,
                ["is_bot"] = true,
            }),
        };
        using var document = JsonDocument.Parse(body.ToJsonString());
        await _handler.HandleEventAsync(document.RootElement, cancellationToken).ConfigureAwait(false);
        return posted;
    }

    private async Task<PlaygroundMessage> CommandAsync(
        string user, string channel, string text, CancellationToken cancellationToken)
    {
        // Slack shows nobody else the command line; the person who typed it sees it here.
        var echo = _chat.Post(channel, user, Mrkdwn.Escape(text), null, null, user);
        var split = text.IndexOfAny([' ', '\n', '\t']);
        var command = new SlashCommand
        {
            Command = (split < 0 ? text : text[..split]).ToLowerInvariant(),
            Text = split < 0 ? "" : text[(split + 1)..].Trim(),
            TeamId = PlaygroundIds.TeamId,
            ChannelId = channel,
            UserId = user,
            UserName = PlaygroundIds.NameOf(user) ?? "",
            ResponseUrl = _responseUrls.Create(new PlaygroundResponseTarget(channel, user, null, null)),
            TriggerId = RandomId(),
            ApiAppId = AppId,
        };
        var reply = await _handler.HandleSlashCommandAsync(command, cancellationToken).ConfigureAwait(false);
        if (reply is not null)
        {
            var blocks = reply["blocks"] as JsonArray;
            var answer = (string?)reply["text"] ?? "";
            _chat.Post(channel, PlaygroundIds.Bot, answer, blocks?.ToJsonString(), null, user);
        }

        return echo;
    }

    private static JsonObject BlockActions(
        string user, PlaygroundMessage message, JsonArray blocks, JsonObject action, Uri responseUrl)
    {
        var container = new JsonObject
        {
            ["type"] = "message",
            ["message_ts"] = message.Ts,
            ["channel_id"] = message.Channel,
            ["is_ephemeral"] = message.IsEphemeral,
        };
        if (message.ThreadTs is not null)
        {
            container["thread_ts"] = message.ThreadTs;
        }

        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject
            {
                ["id"] = user,
                ["username"] = PlaygroundIds.NameOf(user),
                ["name"] = PlaygroundIds.NameOf(user),
                ["team_id"] = PlaygroundIds.TeamId,
            },
            ["api_app_id"] = AppId,
            ["token"] = "playground",
            ["container"] = container,
            ["trigger_id"] = RandomId(),
            ["team"] = new JsonObject { ["id"] = PlaygroundIds.TeamId, ["domain"] = "playground" },
            ["channel"] = new JsonObject
            {
                ["id"] = message.Channel,
                ["name"] = PlaygroundIds.ChannelName(message.Channel),
            },
            ["response_url"] = responseUrl.AbsoluteUri,
            ["actions"] = new JsonArray(action),
        };

        // Slack leaves the message out of clicks on ephemeral messages.
        if (!message.IsEphemeral)
        {
            var posted = new JsonObject
            {
                ["type"] = "message",
                ["user"] = message.User,
                ["ts"] = message.Ts,
                ["text"] = message.Text,
                ["blocks"] = blocks.DeepClone(),
            };
            if (message.ThreadTs is not null)
            {
                posted["thread_ts"] = message.ThreadTs;
            }

            payload["message"] = posted;
        }

        return payload;
    }

    private static string UserOf(string? role) =>
        PlaygroundIds.UserOfRole(role)
        ?? throw new PlaygroundRequestException(400, "role must be developer or admin");

    private string NowTs()
    {
        var now = _time.GetUtcNow();
        return string.Create(CultureInfo.InvariantCulture,
            $"{now.ToUnixTimeSeconds()}.{now.Millisecond * 1000 + now.Microsecond:D6}");
    }

    private static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
