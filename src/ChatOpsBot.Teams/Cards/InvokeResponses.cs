using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// The bodies the bot answers an <c>adaptiveCard/action</c> invoke with, in the HTTP response
/// to that POST: a card that replaces the clicked one, a short message, or an error.
/// </summary>
public static class InvokeResponses
{
    /// <summary>The content type of a replacement card.</summary>
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The content type of a short text message.</summary>
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>The content type of an error.</summary>
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the clicked card with <paramref name="card"/>.</summary>
    /// <param name="card">The new card.</param>
    /// <returns><c>{statusCode: 200, type: card, value: card}</c>.</returns>
    public static JsonObject Card(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JsonObject { ["statusCode"] = 200, ["type"] = CardType, ["value"] = Unparented(card) };
    }

    /// <summary>Shows <paramref name="text"/> to the user who clicked.</summary>
    /// <param name="text">The message.</param>
    /// <returns><c>{statusCode: 200, type: message, value: text}</c>.</returns>
    public static JsonObject Message(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = text };
    }

    /// <summary>An error for the click.</summary>
    /// <param name="statusCode">400 for a bad click, 500 when the bot failed.</param>
    /// <param name="code">A short machine-readable code.</param>
    /// <param name="message">What went wrong, for the user.</param>
    /// <returns><c>{statusCode, type: error, value: {code, message}}</c>.</returns>
    public static JsonObject Error(int statusCode, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = ErrorType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        };
    }

    /// <summary>The card itself, or a copy when it already sits in another JSON tree.</summary>
    internal static JsonObject Unparented(JsonObject card) =>
        card.Parent is null ? card : card.DeepClone().AsObject();
}
