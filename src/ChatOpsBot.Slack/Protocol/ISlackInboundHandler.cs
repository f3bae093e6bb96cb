using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Protocol;

/// <summary>
/// Handles what Slack sends, whichever way it arrives (HTTP endpoints or Socket Mode). Each
/// method must return quickly, within Slack's three seconds: it answers with the immediate
/// acknowledgement and leaves the slow work to the background.
/// </summary>
public interface ISlackInboundHandler
{
    /// <summary>A slash command. Returns the immediate reply body, or null for an empty ack.</summary>
    Task<JsonObject?> HandleSlashCommandAsync(SlashCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// An Events API body (<c>event_callback</c>, <c>url_verification</c>). Returns the reply
    /// body (the challenge for <c>url_verification</c>), or null for an empty ack.
    /// </summary>
    Task<JsonObject?> HandleEventAsync(JsonElement body, CancellationToken cancellationToken);

    /// <summary>An interaction payload (<c>block_actions</c>, …). Returns the ack body or null.</summary>
    Task<JsonObject?> HandleInteractionAsync(JsonElement payload, CancellationToken cancellationToken);
}
