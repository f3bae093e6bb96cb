using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Tests.Support;

/// <summary>One call the bot made to the Bot Connector.</summary>
/// <param name="Method">POST (new message or reply) or PUT (update).</param>
/// <param name="Path">The raw request path, with the ids escaped exactly as the bot sent them.</param>
/// <param name="ConversationId">The conversation id from the path, unescaped.</param>
/// <param name="ActivityId">The activity id from the path (reply target or updated message), or null.</param>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="Body">The activity sent.</param>
/// <param name="Id">The id the fake answered with.</param>
internal sealed record ConnectorCall(
    string Method,
    string Path,
    string ConversationId,
    string? ActivityId,
    string? Authorization,
    JsonObject Body,
    string Id)
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The whole activity as JSON text, to search for what it shows.</summary>
    public string Json => Body.ToJsonString();

    /// <summary>The Adaptive Card the activity carries, or null.</summary>
    public JsonObject? Card =>
        (Body["attachments"] as JsonArray)?.OfType<JsonObject>()
        .FirstOrDefault(a => (string?)a["contentType"] == CardType)?["content"] as JsonObject;
}
