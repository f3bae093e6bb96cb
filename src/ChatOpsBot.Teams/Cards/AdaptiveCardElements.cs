using System.Text.Json.Nodes;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// The Adaptive Card elements the renderer emits, and the keys of the data an action carries
/// back. The texts given here are already Teams markdown or plain titles.
/// </summary>
public static class AdaptiveCardElements
{
    /// <summary>The card schema address.</summary>
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The card version: <c>Action.Execute</c> needs 1.4, and Teams asks for 1.5.</summary>
    public const string Version = "1.5";

    /// <summary>The data key holding the Slack action_id (also the action's verb).</summary>
    public const string ActionIdKey = "action_id";

    /// <summary>The data key holding the Slack block_id.</summary>
    public const string BlockIdKey = "block_id";

    /// <summary>The data key holding the Slack button value.</summary>
    public const string ValueKey = "value";

    /// <summary>The data key naming the input whose value is the chosen option.</summary>
    public const string InputIdKey = "input_id";

    /// <summary>A top-level card around <paramref name="body"/>.</summary>
    public static JsonObject Card(JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = Schema,
        ["version"] = Version,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = body,
    };

    /// <summary>A wrapping TextBlock of markdown.</summary>
    public static JsonObject TextBlock(string markdown) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = markdown,
        ["wrap"] = true,
    };

    /// <summary>A bold, large TextBlock: the header.</summary>
    public static JsonObject Heading(string markdown)
    {
        var block = TextBlock(markdown);
        block["size"] = "Large";
        block["weight"] = "Bolder";
        return block;
    }

    /// <summary>
    /// Teams' <c>CodeBlock</c>: the code as written, so YAML copied from it pastes as it was;
    /// clients without code blocks (Teams mobile) show the monospace TextBlock fallback.
    /// </summary>
    /// <param name="snippet">The code itself, not escaped.</param>
    /// <param name="fallbackMarkdown">The same code as TextBlock markdown.</param>
    public static JsonObject Code(string snippet, string fallbackMarkdown)
    {
        var fallback = TextBlock(fallbackMarkdown);
        fallback["fontType"] = "Monospace";
        return new JsonObject
        {
            ["type"] = "CodeBlock",
            ["codeSnippet"] = snippet,
            ["language"] = "PlainText",
            ["startLineNumber"] = 1,
            ["fallback"] = fallback,
        };
    }

    /// <summary>A small, subtle TextBlock: Slack's context block.</summary>
    public static JsonObject Note(string markdown)
    {
        var block = TextBlock(markdown);
        block["size"] = "Small";
        block["isSubtle"] = true;
        return block;
    }

    /// <summary>A row of actions inside the body, where the Slack actions block was.</summary>
    public static JsonObject ActionSet(JsonArray actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = actions,
    };

    /// <summary>
    /// An <c>Action.Execute</c> (an <c>adaptiveCard/action</c> invoke), with an
    /// <c>Action.Submit</c> fallback for clients without Universal Actions.
    /// </summary>
    public static JsonObject Execute(string title, string verb, JsonObject data, string? style)
    {
        var fallback = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = data.DeepClone(),
        };
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data,
        };
        if (style is not null)
        {
            action["style"] = style;
            fallback["style"] = style;
        }

        action["fallback"] = fallback;
        return action;
    }

    /// <summary>An <c>Action.ShowCard</c> opening <paramref name="card"/> under the button.</summary>
    public static JsonObject ShowCard(string title, JsonObject card, string? style)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = title,
            ["card"] = card,
        };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }

    /// <summary>An <c>Action.OpenUrl</c> for a link button.</summary>
    public static JsonObject OpenUrl(string title, string url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url,
    };

    /// <summary>A compact, single-choice <c>Input.ChoiceSet</c> that must be set before sending.</summary>
    public static JsonObject ChoiceSet(string id, string placeholder, JsonArray choices) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["id"] = id,
        ["style"] = "compact",
        ["isMultiSelect"] = false,
        ["placeholder"] = placeholder,
        ["isRequired"] = true,
        ["errorMessage"] = "Choose one first.",
        ["choices"] = choices,
    };

    /// <summary>One choice of a ChoiceSet.</summary>
    public static JsonObject Choice(string title, string value) => new()
    {
        ["title"] = title,
        ["value"] = value,
    };

    /// <summary>The id of the ChoiceSet standing for a Slack select: derived from its ids.</summary>
    public static string ChoiceInputId(string? blockId, string actionId) =>
        "choice:" + (blockId ?? "") + "/" + actionId;

    /// <summary>The Adaptive Card button style for a Slack button style, or null for the default.</summary>
    public static string? StyleOf(string? slackStyle) => slackStyle switch
    {
        "primary" => "positive",
        "danger" => "destructive",
        _ => null,
    };
}
