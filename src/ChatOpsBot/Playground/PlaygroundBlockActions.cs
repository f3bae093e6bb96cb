using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Playground;

/// <summary>
/// Builds the <c>actions[]</c> entry Slack reports for a click, from the element as the bot
/// posted it, so the page can only click what is really there and cannot change its value.
/// </summary>
public static class PlaygroundBlockActions
{
    /// <summary>
    /// The action for the element <paramref name="actionId"/> of <paramref name="block"/> (an
    /// <c>actions</c> block's element or a section's accessory): a button, or a static select
    /// with the option <paramref name="optionValue"/>. Null when there is no such element or option.
    /// </summary>
    public static JsonObject? ActionFor(JsonObject block, int blockIndex, string? actionId, string? optionValue)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (string.IsNullOrEmpty(actionId))
        {
            return null;
        }

        var element = Elements(block).FirstOrDefault(e => (string?)e["action_id"] == actionId);
        if (element is null)
        {
            return null;
        }

        // Slack names blocks the bot left unnamed; the index keeps the name stable per message.
        var blockId = (string?)block["block_id"]
                      ?? string.Create(CultureInfo.InvariantCulture, $"pg-block-{blockIndex}");
        switch ((string?)element["type"])
        {
            case "button":
                var button = new JsonObject
                {
                    ["action_id"] = actionId,
                    ["block_id"] = blockId,
                    ["text"] = element["text"]?.DeepClone(),
                    ["type"] = "button",
                };
                if (element["value"] is { } value)
                {
                    button["value"] = value.DeepClone();
                }

                if (element["style"] is { } style)
                {
                    button["style"] = style.DeepClone();
                }

                return button;
            case "static_select":
                var option = Options(element)
                    .FirstOrDefault(o => optionValue is not null && (string?)o["value"] == optionValue);
                return option is null
                    ? null
                    : new JsonObject
                    {
                        ["type"] = "static_select",
                        ["action_id"] = actionId,
                        ["block_id"] = blockId,
                        ["selected_option"] = option.DeepClone(),
                        ["placeholder"] = element["placeholder"]?.DeepClone(),
                    };
            default:
                return null;
        }
    }

    private static IEnumerable<JsonObject> Elements(JsonObject block)
    {
        if (block["elements"] is JsonArray elements && (string?)block["type"] == "actions")
        {
            foreach (var element in elements.OfType<JsonObject>())
            {
                yield return element;
            }
        }

        if (block["accessory"] is JsonObject accessory)
        {
            yield return accessory;
        }
    }

    private static IEnumerable<JsonObject> Options(JsonObject select)
    {
        var direct = (select["options"] as JsonArray)?.OfType<JsonObject>() ?? [];
        var grouped = (select["option_groups"] as JsonArray)?.OfType<JsonObject>()
            .SelectMany(group => (group["options"] as JsonArray)?.OfType<JsonObject>() ?? []) ?? [];
        return direct.Concat(grouped);
    }
}
