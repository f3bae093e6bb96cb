using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// Renders the Slack flow's messages as Adaptive Cards for Teams: header, sections (fenced
/// code as a CodeBlock), context, dividers, buttons as <c>Action.Execute</c> (behind an
/// <c>Action.ShowCard</c> when Slack would ask for confirmation) and select menus as a
/// ChoiceSet with a button. The card's JSON always stays within <see cref="MaxCardBytes"/>.
/// </summary>
public static class AdaptiveCardRenderer
{
    /// <summary>The largest card, in UTF-8 bytes of JSON (Teams refuses messages near 28 KB).</summary>
    public const int MaxCardBytes = 25_000;

    // Each rendering cuts every text to this many characters; the first one that fits wins.
    private static readonly int[] TextBudgets = [8_000, 4_000, 2_000, 1_000, 500, 250];

    private const string CutNote = "✂️ _Part of this message was cut to fit in Teams._";

    /// <summary>The Adaptive Card for <paramref name="message"/>.</summary>
    /// <param name="message">The message the Slack flow built (blocks, or text alone).</param>
    /// <param name="displayNameOf">The display name of a Slack user id, or null when unknown.</param>
    /// <returns>The card: <c>type</c> AdaptiveCard, version 1.5, full width.</returns>
    public static JsonObject Render(SlackMessage message, Func<string, string?> displayNameOf)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(displayNameOf);

        JsonObject? card = null;
        foreach (var budget in TextBudgets)
        {
            card = new CardBuilder(displayNameOf, budget).Build(message);
            if (SizeOf(card) <= MaxCardBytes)
            {
                return card;
            }
        }

        return DropUntilItFits(card!);
    }

    /// <summary>
    /// The size of <paramref name="node"/> as UTF-8 JSON, written the way
    /// <c>System.Text.Json</c> writes it by default (non-ASCII as escapes: the larger form).
    /// </summary>
    public static int SizeOf(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Encoding.UTF8.GetByteCount(node.ToJsonString());
    }

    // Many blocks can outgrow the budget even with short texts: text goes first, from the end,
    // then anything else, and a note says so.
    private static JsonObject DropUntilItFits(JsonObject card)
    {
        var body = (JsonArray)card["body"]!;
        var note = AdaptiveCardElements.Note(TeamsMarkdown.FromMrkdwn(CutNote, _ => null));
        var noteSize = SizeOf(note) + 1;
        while (body.Count > 1 && SizeOf(card) + noteSize > MaxCardBytes)
        {
            var index = LastIndexOf(body, IsText);
            body.RemoveAt(index > 0 ? index : body.Count - 1);
        }

        if (SizeOf(card) + noteSize > MaxCardBytes)
        {
            // One element alone is too large (hostile ids or values): keep only the note.
            body.Clear();
        }

        body.Add(note);
        return card;
    }

    private static bool IsText(JsonNode? element) =>
        element is JsonObject obj && SlackJson.String(obj, "type") is "TextBlock" or "CodeBlock";

    private static int LastIndexOf(JsonArray array, Func<JsonNode?, bool> predicate)
    {
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (predicate(array[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
