using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Cards;

/// <summary>Outbound activities the bot sends to Teams.</summary>
public static class TeamsActivities
{
    /// <summary>The longest summary kept (it only shows in notifications and previews).</summary>
    public const int MaxSummaryLength = 1000;

    /// <summary>
    /// A <c>message</c> activity carrying <paramref name="card"/>. The fallback goes in
    /// <c>summary</c> (what notifications and clients without cards show), not in
    /// <c>text</c>, which Teams would print above the card as a second copy of it.
    /// </summary>
    /// <param name="card">The Adaptive Card.</param>
    /// <param name="fallbackText">The Slack flow's fallback text (mrkdwn escapes are decoded).</param>
    /// <returns>The activity to post.</returns>
    public static JsonObject MessageWithCard(JsonObject card, string fallbackText)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = TeamsMarkdown.PlainTitle(fallbackText ?? "", MaxSummaryLength),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = InvokeResponses.CardType,
                ["content"] = InvokeResponses.Unparented(card),
            }),
        };
    }
}
