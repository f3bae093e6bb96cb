using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// One rendering of a Slack message as an Adaptive Card, with every text cut to
/// <c>maxText</c> characters. Blocks it does not know are skipped; it never throws on odd JSON.
/// </summary>
internal sealed class CardBuilder
{
    /// <summary>Blocks read from one message (Slack itself allows 50).</summary>
    public const int MaxBlocks = 100;

    /// <summary>Actions in one row: Teams shows a handful, the rest would be hidden.</summary>
    public const int MaxActionsPerSet = 6;

    private const int MaxTitle = 60;
    private const int MaxChoiceTitle = 100;
    private const int MaxChoiceValue = CardActionReader.MaxValueLength;
    private const int MaxContextElements = 10;
    private const string Fence = "```";

    private readonly Func<string, string?> _displayNameOf;
    private readonly int _maxText;
    private readonly JsonArray _body = [];
    private bool _separatorPending;

    public CardBuilder(Func<string, string?> displayNameOf, int maxText)
    {
        _displayNameOf = displayNameOf;
        _maxText = maxText;
    }

    /// <summary>The card for <paramref name="message"/>.</summary>
    public JsonObject Build(SlackMessage message)
    {
        foreach (var block in message.Blocks?.OfType<JsonObject>().Take(MaxBlocks) ?? [])
        {
            AddBlock(block);
        }

        if (_body.Count == 0)
        {
            AddMrkdwn(message.Text ?? "", AdaptiveCardElements.TextBlock);
        }

        return AdaptiveCardElements.Card(_body);
    }

    private int ChoiceLimit => Math.Clamp(_maxText / 40, 5, 100);

    private void AddBlock(JsonObject block)
    {
        switch (SlackJson.String(block, "type"))
        {
            case "header":
                if (SlackJson.Text(block["text"]) is { } header)
                {
                    Add(AdaptiveCardElements.Heading(TeamsMarkdown.FromPlainText(header.Text, _maxText)));
                }

                break;
            case "section":
                AddSection(block);
                break;
            case "context":
                AddContext(block);
                break;
            case "divider":
                _separatorPending = true;
                break;
            case "actions":
                AddActions(SlackJson.String(block, "block_id"), SlackJson.Objects(block, "elements", 25));
                break;
            default:
                // Images, inputs, rich text and the rest have no counterpart in the bot's cards.
                break;
        }
    }

    private void AddSection(JsonObject block)
    {
        AddText(block["text"], AdaptiveCardElements.TextBlock);
        foreach (var field in SlackJson.Objects(block, "fields", 10))
        {
            AddText(field, AdaptiveCardElements.TextBlock);
        }

        if (SlackJson.Object(block, "accessory") is { } accessory)
        {
            AddActions(SlackJson.String(block, "block_id"), [accessory]);
        }
    }

    private void AddContext(JsonObject block)
    {
        var parts = SlackJson.Objects(block, "elements", MaxContextElements)
            .Select(element => SlackJson.Text(element))
            .OfType<(string Text, bool IsMrkdwn)>()
            .Select(text => Markdown(text.Text, text.IsMrkdwn))
            .Where(text => text.Length > 0)
            .ToList();
        if (parts.Count > 0)
        {
            Add(AdaptiveCardElements.Note(Cut(string.Join(MarkdownWriter.LineBreak, parts))));
        }
    }

    private void AddText(JsonNode? textObject, Func<string, JsonObject> element)
    {
        if (SlackJson.Text(textObject) is not { } text)
        {
            return;
        }

        if (text.IsMrkdwn)
        {
            AddMrkdwn(text.Text, element);
        }
        else
        {
            Add(element(TeamsMarkdown.FromPlainText(text.Text, _maxText)));
        }
    }

    // Fenced code goes to a CodeBlock of its own; the text around it stays markdown.
    private void AddMrkdwn(string mrkdwn, Func<string, JsonObject> element)
    {
        var position = 0;
        while (position < mrkdwn.Length)
        {
            var open = mrkdwn.IndexOf(Fence, position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : mrkdwn.IndexOf(Fence, open + Fence.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                AddProse(mrkdwn[position..], element);
                return;
            }

            AddProse(mrkdwn[position..open], element);
            var fenced = mrkdwn[(open + Fence.Length)..close];
            var code = TeamsMarkdown.FromCode(fenced, _maxText);
            if (code.Length > 0)
            {
                Add(AdaptiveCardElements.Code(TeamsMarkdown.CodeSnippet(fenced, _maxText), code));
            }

            position = close + Fence.Length;
        }
    }

    private void AddProse(string mrkdwn, Func<string, JsonObject> element)
    {
        var text = TeamsMarkdown.FromMrkdwn(mrkdwn.Trim('\n', '\r'), _displayNameOf, _maxText);
        if (text.Trim().Length > 0)
        {
            Add(element(text));
        }
    }

    private void AddActions(string? blockId, IEnumerable<JsonObject> elements)
    {
        var actions = new JsonArray();
        foreach (var element in elements)
        {
            if (actions.Count >= MaxActionsPerSet)
            {
                break;
            }

            var action = SlackJson.String(element, "type") switch
            {
                "button" => Button(element, blockId),
                "static_select" => Select(element, blockId),
                _ => null,
            };
            if (action is not null)
            {
                actions.Add(action);
            }
        }

        if (actions.Count > 0)
        {
            Add(AdaptiveCardElements.ActionSet(actions));
        }
    }

    private JsonObject? Button(JsonObject button, string? blockId)
    {
        var title = Title(button["text"], "Open");
        var actionId = SlackJson.String(button, "action_id");
        if (SlackJson.String(button, "url") is { } url && TeamsMarkdown.SafeLinkTarget(url) is { } href)
        {
            return AdaptiveCardElements.OpenUrl(title, href);
        }

        if (!IdsFit(actionId, blockId))
        {
            return null;
        }

        var style = AdaptiveCardElements.StyleOf(SlackJson.String(button, "style"));
        var data = Data(actionId, blockId);
        if (SlackJson.String(button, "value") is { } value)
        {
            if (value.Length > CardActionReader.MaxValueLength)
            {
                return null;
            }

            data[AdaptiveCardElements.ValueKey] = value;
        }

        return SlackJson.Object(button, "confirm") is { } confirm
            ? Confirmed(title, actionId, data, style, confirm)
            : AdaptiveCardElements.Execute(title, actionId, data, style);
    }

    // Slack asks in a dialog; Teams opens a small card under the button with the question and
    // the one button that really acts. Pressing the first button again closes it (the "deny").
    private JsonObject Confirmed(
        string title, string actionId, JsonObject data, string? style, JsonObject confirm)
    {
        var body = new JsonArray();
        if (SlackJson.Text(confirm["title"]) is { } heading)
        {
            var question = AdaptiveCardElements.TextBlock(TeamsMarkdown.FromPlainText(heading.Text, 300));
            question["weight"] = "Bolder";
            body.Add(question);
        }

        if (SlackJson.Text(confirm["text"]) is { } text)
        {
            body.Add(AdaptiveCardElements.TextBlock(Markdown(text.Text, text.IsMrkdwn)));
        }

        var confirmStyle = AdaptiveCardElements.StyleOf(SlackJson.String(confirm, "style")) ?? style;
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = body,
            ["actions"] = new JsonArray(
                AdaptiveCardElements.Execute(Title(confirm["confirm"], title), actionId, data, confirmStyle)),
        };
        return AdaptiveCardElements.ShowCard(title, card, style);
    }

    // A Slack select sends on change; a Teams ChoiceSet needs a button to send its value.
    private JsonObject? Select(JsonObject select, string? blockId)
    {
        var actionId = SlackJson.String(select, "action_id");
        if (!IdsFit(actionId, blockId))
        {
            return null;
        }

        var options = SlackJson.Objects(select, "options", ChoiceLimit)
            .Concat(SlackJson.Objects(select, "option_groups", 100)
                .SelectMany(group => SlackJson.Objects(group, "options", ChoiceLimit)))
            .Take(ChoiceLimit);
        var choices = new JsonArray();
        foreach (var option in options)
        {
            if (SlackJson.String(option, "value") is { Length: > 0 and <= MaxChoiceValue } value)
            {
                choices.Add(AdaptiveCardElements.Choice(Title(option["text"], value, MaxChoiceTitle), value));
            }
        }

        if (choices.Count == 0)
        {
            return null;
        }

        var inputId = AdaptiveCardElements.ChoiceInputId(blockId, actionId);
        Add(AdaptiveCardElements.ChoiceSet(inputId, Title(select["placeholder"], "Choose…", 150), choices));
        var data = Data(actionId, blockId);
        data[AdaptiveCardElements.InputIdKey] = inputId;
        return AdaptiveCardElements.Execute("Use this", actionId, data, null);
    }

    // Ids the click could not carry back (CardActionReader refuses them) make no button.
    private static bool IdsFit([NotNullWhen(true)] string? actionId, string? blockId) =>
        actionId is { Length: > 0 and <= CardActionReader.MaxIdLength }
        && (blockId is null || blockId.Length <= CardActionReader.MaxIdLength);

    private static JsonObject Data(string actionId, string? blockId)
    {
        var data = new JsonObject { [AdaptiveCardElements.ActionIdKey] = actionId };
        if (blockId is not null)
        {
            data[AdaptiveCardElements.BlockIdKey] = blockId;
        }

        return data;
    }

    private static string Title(JsonNode? textObject, string fallback, int max = MaxTitle)
    {
        var text = SlackJson.Text(textObject) is { } found ? TeamsMarkdown.PlainTitle(found.Text, max) : "";
        return text.Trim().Length > 0 ? text : fallback;
    }

    private string Markdown(string text, bool isMrkdwn) =>
        isMrkdwn
            ? TeamsMarkdown.FromMrkdwn(text, _displayNameOf, _maxText)
            : TeamsMarkdown.FromPlainText(text, _maxText);

    // A join of several texts can pass the budget; cut it where no escape is split.
    private string Cut(string markdown)
    {
        if (markdown.Length <= _maxText)
        {
            return markdown;
        }

        var cut = _maxText - TeamsMarkdown.Ellipsis.Length;
        while (cut > 0 && (char.IsHighSurrogate(markdown[cut - 1]) || markdown[cut - 1] == '\\'))
        {
            cut--;
        }

        return markdown[..cut] + TeamsMarkdown.Ellipsis;
    }

    private void Add(JsonObject element)
    {
        if (_separatorPending)
        {
            element["separator"] = true;
            _separatorPending = false;
        }

        _body.Add(element);
    }
}
