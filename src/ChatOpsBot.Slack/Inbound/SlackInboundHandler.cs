using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Commands;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Inbound;

/// <summary>
/// The fast half of every Slack request, shared by the HTTP endpoints and Socket Mode: it
/// validates, deduplicates and filters, queues the slow work and returns the acknowledgement
/// at once. It does no I/O itself and keeps nothing of the JSON it is given after it returns.
/// </summary>
public sealed partial class SlackInboundHandler : ISlackInboundHandler
{
    private readonly SlackWorkBacklog _queue;
    private readonly SlackEventDeduplicator _dedup;
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly ILogger<SlackInboundHandler> _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="queue">Where the slow work is queued.</param>
    /// <param name="dedup">Remembers the events and messages already being answered.</param>
    /// <param name="options">The Slack settings (command name, the bot's user id).</param>
    /// <param name="logger">The handler's logger.</param>
    public SlackInboundHandler(
        SlackWorkBacklog queue,
        SlackEventDeduplicator dedup,
        IOptionsMonitor<SlackOptions> options,
        ILogger<SlackInboundHandler> logger)
    {
        _queue = queue;
        _dedup = dedup;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<JsonObject?> HandleSlashCommandAsync(
        SlashCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);

        var commandName = _options.CurrentValue.CommandName;
        if (!string.Equals(command.Command, commandName, StringComparison.OrdinalIgnoreCase))
        {
            return Ephemeral($"I only answer {Mrkdwn.Code(commandName)}.");
        }

        var parsed = AccessCommandParser.Parse(command.Text);
        if (parsed.IsHelp)
        {
            return Ephemeral(AccessCommandUsage.Text(commandName));
        }

        if (parsed.Command is not { } access)
        {
            return Ephemeral($"{parsed.Error}\n\n{AccessCommandUsage.Text(commandName)}");
        }

        var queued = _queue.TryEnqueue(new SlackWorkItem(
            "slash-command",
            (services, ct) => services.GetRequiredService<CommandDiagnosisJob>()
                .RunAsync(command, access, ct)));
        if (!queued)
        {
            LogQueueFull("slash-command");
            return Ephemeral(_queue.IsClosed
                ? "I am restarting right now. Please try again in a minute."
                : "I am busy right now. Please try again in a minute.");
        }

        return Ephemeral(
            $"Checking {AccessCommandUsage.Describe(access)} … I will answer here shortly.");
    }

    /// <inheritdoc />
    public Task<JsonObject?> HandleEventAsync(JsonElement body, CancellationToken cancellationToken)
    {
        switch (JsonFields.String(body, "type"))
        {
            case "url_verification":
                var challenge = JsonFields.String(body, "challenge");
                return Task.FromResult(
                    challenge is null ? null : new JsonObject { ["challenge"] = challenge });
            case "event_callback":
                HandleEventCallback(body);
                return Task.FromResult<JsonObject?>(null);
            default:
                return Task.FromResult<JsonObject?>(null);
        }
    }

    /// <inheritdoc />
    public Task<JsonObject?> HandleInteractionAsync(
        JsonElement payload,
        CancellationToken cancellationToken)
    {
        if (JsonFields.String(payload, "type") != "block_actions"
            || BlockActionsPayload.From(payload) is not { } click)
        {
            return Task.FromResult<JsonObject?>(null);
        }

        foreach (var action in click.Actions)
        {
            var item = ToWork(click, action);
            if (item is not null && !_queue.TryEnqueue(item))
            {
                LogQueueFull(item.Name);
                throw new SlackBusyException();
            }
        }

        return Task.FromResult<JsonObject?>(null);
    }

    private void HandleEventCallback(JsonElement body)
    {
        var eventId = JsonFields.String(body, "event_id");
        if (string.IsNullOrEmpty(eventId) || JsonFields.Object(body, "event") is not { } inner)
        {
            return;
        }

        if (!_dedup.TryClaimEvent(eventId))
        {
            LogDuplicateEvent(eventId);
            return;
        }

        if (SlackMessageEvent.From(inner) is not { } message || !ShouldConsider(message, body))
        {
            return;
        }

        var text = SlackIncomingText.ToPlainText(message.Text);
        if (!message.IsMention && !AccessErrorPrefilter.MightHoldAccessError(text))
        {
            return;
        }

        // The same post can come as `message` and as `app_mention`: the first one answers.
        if (!_dedup.TryClaimMessage(message.Channel, message.Ts))
        {
            LogDuplicateMessage(eventId);
            return;
        }

        var work = new MessageDiagnosisWork
        {
            Channel = message.Channel,
            UserId = message.User!,
            TeamId = JsonFields.String(body, "team_id") ?? message.Team,
            Text = text,
            ThreadTs = message.ReplyThreadTs,
            IsMention = message.IsMention,
        };
        var item = new SlackWorkItem(
            "message",
            (services, ct) => services.GetRequiredService<MessageDiagnosisJob>().RunAsync(work, ct));
        if (!_queue.TryEnqueue(item))
        {
            // Forget the claims so Slack's retry of this event can still be answered.
            _dedup.ReleaseMessage(message.Channel, message.Ts);
            _dedup.ReleaseEvent(eventId);
            LogQueueFull("message");
            throw new SlackBusyException();
        }
    }

    private bool ShouldConsider(SlackMessageEvent message, JsonElement body)
    {
        // Edits, deletions, joins and bot posts are not questions; file shares and thread
        // broadcasts are ordinary posts with a subtype.
        if (message.Subtype is not (null or "thread_broadcast" or "file_share"))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(message.BotId) || message.FromBotProfile
            || string.IsNullOrEmpty(message.User))
        {
            return false;
        }

        if (IsBotUser(message.User, body))
        {
            return false;
        }

        return !string.IsNullOrWhiteSpace(message.Text);
    }

    private bool IsBotUser(string user, JsonElement body)
    {
        if (string.Equals(user, _options.CurrentValue.BotUserId, StringComparison.Ordinal))
        {
            return true;
        }

        // Each authorization names the installation's user; with is_bot it is this bot itself.
        return JsonFields.Array(body, "authorizations").Any(a =>
            JsonFields.Bool(a, "is_bot")
            && string.Equals(JsonFields.String(a, "user_id"), user, StringComparison.Ordinal));
    }

    private static SlackWorkItem? ToWork(BlockActionsPayload click, BlockActionItem action)
    {
        switch (action.ActionId)
        {
            case SlackActionIds.RequestAccess:
                var requestId = action.Value ?? "";
                return new SlackWorkItem(
                    "request-access",
                    (services, ct) => services.GetRequiredService<AccessRequestJob>()
                        .RunAsync(click, requestId, ct));
            case SlackActionIds.Approve or SlackActionIds.Deny
                when action.Value is { } requestId2 && DiagnosisIds.IsWellFormed(requestId2):
                var verdict = action.ActionId == SlackActionIds.Approve
                    ? DecisionVerdict.Approve
                    : DecisionVerdict.Deny;
                return new SlackWorkItem(
                    "decide-access",
                    (services, ct) => services.GetRequiredService<Approval.DecisionJob>()
                        .RunAsync(click, requestId2, verdict, ct));
            case SlackActionIds.ChooseIdentity
                when action.BlockId is { } blockId
                     && blockId.StartsWith(SlackActionIds.IdentityBlockPrefix, StringComparison.Ordinal)
                     && action.Value is { Length: > 0 and <= BlockKitLimits.MaxOptionValue } chosen:
                var diagnosisId = blockId[SlackActionIds.IdentityBlockPrefix.Length..];
                return DiagnosisIds.IsWellFormed(diagnosisId)
                    ? new SlackWorkItem(
                        "choose-identity",
                        (services, ct) => services.GetRequiredService<IdentityChoiceJob>()
                            .RunAsync(click, diagnosisId, chosen, ct))
                    : null;
            default:
                return null;
        }
    }

    private static Task<JsonObject?> Ephemeral(string text) =>
        Task.FromResult<JsonObject?>(new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["text"] = Mrkdwn.Truncate(text, BlockKitLimits.MaxFallbackText),
        });

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Slack work {WorkName} refused: the queue is full or the server is stopping")]
    private partial void LogQueueFull(string workName);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Slack event {EventId} already handled or in flight")]
    private partial void LogDuplicateEvent(string eventId);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Slack event {EventId} is a message already being answered")]
    private partial void LogDuplicateMessage(string eventId);
}
