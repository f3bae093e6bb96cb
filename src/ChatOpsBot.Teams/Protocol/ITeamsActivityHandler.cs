namespace ChatOpsBot.Teams.Protocol;

/// <summary>
/// Receives authenticated <c>message</c> activities from <c>POST /api/messages</c>. The endpoint
/// awaits it before answering 200, so an implementation must only queue slow work (a diagnosis)
/// and return at once: the Bot Connector gives up on slow endpoints and retries.
/// </summary>
public interface ITeamsActivityHandler
{
    /// <summary>Handles one message whose token and service URL were validated.</summary>
    Task HandleMessageAsync(TeamsActivity activity, CancellationToken cancellationToken);
}
