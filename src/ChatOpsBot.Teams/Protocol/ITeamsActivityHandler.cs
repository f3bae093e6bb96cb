using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Protocol;

/// <summary>
/// Receives authenticated activities from <c>POST /api/messages</c>. The endpoint awaits it
/// before answering, so an implementation must only queue slow work (a diagnosis) and return
/// at once: the Bot Connector gives up on slow endpoints and retries.
/// </summary>
public interface ITeamsActivityHandler
{
    /// <summary>Handles one message whose token and service URL were validated.</summary>
    Task HandleMessageAsync(TeamsActivity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Handles one <c>invoke</c> activity whose token and service URL were validated, and returns
    /// the invoke response body (<c>{statusCode, type, value}</c>) the endpoint answers with, or
    /// null for an empty 200.
    /// </summary>
    Task<JsonObject?> HandleInvokeAsync(TeamsActivity activity, CancellationToken cancellationToken) =>
        Task.FromResult<JsonObject?>(null);
}
