using System.Text.Json;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.Tests.Support;
using ChatOpsBot.Slack.Work;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Tests.Unit;

/// <summary>
/// The handler on its own, as Socket Mode calls it (payloads taken from Slack's Socket Mode
/// envelopes): it only acknowledges and queues, so the queue shows what it decided.
/// </summary>
public sealed class SlackInboundHandlerTests
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private readonly SlackWorkBacklog _backlog;
    private readonly SlackInboundHandler _handler;

    public SlackInboundHandlerTests()
    {
        var options = new SlackOptions { QueueCapacity = 2 };
        _backlog = new SlackWorkBacklog(Options.Create(options));
        _handler = new SlackInboundHandler(
            _backlog, new SlackEventDeduplicator(Options.Create(options), TimeProvider.System),
            new StaticOptionsMonitor(options), NullLogger<SlackInboundHandler>.Instance);
    }

    [Fact]
    public async Task A_socket_mode_message_envelope_payload_is_queued_once()
    {
        using var envelope = Fixture.Json("socket-mode/envelope-events_api-message.json");
        var payload = JsonDocument.Parse(envelope.RootElement.GetProperty("payload").GetRawText()
            .Replace("Hi here!", "Error from server (Forbidden): nope", Ord));

        Assert.Null(await _handler.HandleEventAsync(payload.RootElement, default));
        Assert.Null(await _handler.HandleEventAsync(payload.RootElement, default));

        Assert.Equal(1, _backlog.Count);
    }

    [Fact]
    public async Task A_socket_mode_slash_command_gets_an_ephemeral_ack_and_queued_work()
    {
        using var envelope = Fixture.Json("socket-mode/envelope-slash_commands.json");
        var p = envelope.RootElement.GetProperty("payload");
        var command = new SlashCommand
        {
            Command = "/k8s-access",
            Text = "logs hello",
            UserId = p.GetProperty("user_id").GetString()!,
            ChannelId = p.GetProperty("channel_id").GetString()!,
            ResponseUrl = new Uri(p.GetProperty("response_url").GetString()!),
        };

        var ack = await _handler.HandleSlashCommandAsync(command, default);

        Assert.Equal("ephemeral", ack!["response_type"]!.GetValue<string>());
        Assert.Contains("`kubectl logs` in namespace `hello`", ack["text"]!.GetValue<string>(), Ord);
        Assert.Equal(1, _backlog.Count);
    }

    [Fact]
    public async Task Another_command_name_is_answered_politely_and_not_queued()
    {
        var ack = await _handler.HandleSlashCommandAsync(
            new SlashCommand { Command = "/hello-socket-mode", UserId = "U111" }, default);

        Assert.Contains("I only answer `/k8s-access`", ack!["text"]!.GetValue<string>(), Ord);
        Assert.Equal(0, _backlog.Count);
    }

    [Fact]
    public async Task A_full_queue_makes_commands_say_busy_and_events_throw_busy()
    {
        var command = new SlashCommand
        {
            Command = "/k8s-access",
            Text = "hello",
            UserId = "U1",
            ChannelId = "C1",
        };
        await _handler.HandleSlashCommandAsync(command, default);
        await _handler.HandleSlashCommandAsync(command, default);

        var busy = await _handler.HandleSlashCommandAsync(command, default);
        using var ev = JsonDocument.Parse(SlackPayloads.Message("EvFULL", SlackPayloads.PastedError));

        Assert.Contains("busy", busy!["text"]!.GetValue<string>(), Ord);
        await Assert.ThrowsAsync<SlackBusyException>(() => _handler.HandleEventAsync(ev.RootElement, default));
    }

    [Fact]
    public async Task Event_types_the_bot_does_not_handle_are_acknowledged_and_dropped()
    {
        using var other = JsonDocument.Parse(
            """{"type":"event_callback","event_id":"Ev1","event":{"type":"reaction_added","user":"U1"}}""");
        using var limited = JsonDocument.Parse(
            """{"type":"app_rate_limited","minute_rate_limited":1518467820}""");
        using var noId = JsonDocument.Parse(SlackPayloads.Message("", SlackPayloads.PastedError));

        Assert.Null(await _handler.HandleEventAsync(other.RootElement, default));
        Assert.Null(await _handler.HandleEventAsync(limited.RootElement, default));
        Assert.Null(await _handler.HandleEventAsync(noId.RootElement, default));
        Assert.Equal(0, _backlog.Count);
    }

    [Fact]
    public async Task Interactions_other_than_block_actions_are_ignored()
    {
        using var shortcut = JsonDocument.Parse(
            """{"type":"shortcut","callback_id":"x","user":{"id":"U1"}}""");
        using var superset = Fixture.Json("schema-superset/BlockActionPayload.json");

        Assert.Null(await _handler.HandleInteractionAsync(shortcut.RootElement, default));
        Assert.Null(await _handler.HandleInteractionAsync(superset.RootElement, default));
        Assert.Equal(0, _backlog.Count);
    }

    private sealed class StaticOptionsMonitor(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;

        public SlackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
