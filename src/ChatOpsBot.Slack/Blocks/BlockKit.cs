using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Blocks;

/// <summary>
/// Small builders for the Block Kit JSON the bot sends. Every text passed in must already be
/// escaped (see <see cref="Mrkdwn"/>); each builder still enforces its length limit so a bug
/// elsewhere gives a cut message rather than one Slack rejects.
/// </summary>
public static class BlockKit
{
    /// <summary>A header block (plain text).</summary>
    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(text, BlockKitLimits.MaxHeaderText),
    };

    /// <summary>A section block with mrkdwn text.</summary>
    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = MrkdwnText(mrkdwn, BlockKitLimits.MaxSectionText),
    };

    /// <summary>A context block of mrkdwn elements.</summary>
    public static JsonObject Context(params string[] mrkdwn)
    {
        var elements = new JsonArray();
        foreach (var text in mrkdwn.Take(BlockKitLimits.MaxContextElements))
        {
            elements.Add(MrkdwnText(text, BlockKitLimits.MaxContextText));
        }

        return new JsonObject { ["type"] = "context", ["elements"] = elements };
    }

    /// <summary>A divider.</summary>
    public static JsonObject Divider() => new() { ["type"] = "divider" };

    /// <summary>An actions block holding interactive elements.</summary>
    public static JsonObject Actions(string blockId, params JsonObject[] elements) => new()
    {
        ["type"] = "actions",
        ["block_id"] = Id(blockId),
        ["elements"] = new JsonArray(elements.Cast<JsonNode?>().ToArray()),
    };

    /// <summary>A button; <paramref name="value"/> travels back in the click payload.</summary>
    public static JsonObject Button(string actionId, string text, string value, string? style = null)
    {
        if (value.Length > BlockKitLimits.MaxButtonValue)
        {
            throw new ArgumentException("A button value must fit Block Kit's limit.", nameof(value));
        }

        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = Id(actionId),
            ["text"] = PlainText(text, BlockKitLimits.MaxButtonText),
            ["value"] = value,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    /// <summary>A static select menu of (label, value) options; extra options are dropped.</summary>
    public static JsonObject StaticSelect(
        string actionId, string placeholder, IEnumerable<(string Text, string Value)> options)
    {
        var list = new JsonArray();
        foreach (var (text, value) in options.Take(BlockKitLimits.MaxOptions))
        {
            if (value.Length > BlockKitLimits.MaxOptionValue)
            {
                throw new ArgumentException("An option value must fit Block Kit's limit.", nameof(options));
            }

            list.Add(new JsonObject
            {
                ["text"] = PlainText(text, BlockKitLimits.MaxOptionText),
                ["value"] = value,
            });
        }

        return new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = Id(actionId),
            ["placeholder"] = PlainText(placeholder, BlockKitLimits.MaxPlaceholder),
            ["options"] = list,
        };
    }

    /// <summary>A plain_text object cut to <paramref name="maxLength"/>.</summary>
    public static JsonObject PlainText(string text, int maxLength) => new()
    {
        ["type"] = "plain_text",
        ["text"] = Mrkdwn.Truncate(text, maxLength),
        ["emoji"] = true,
    };

    /// <summary>A mrkdwn text object cut to <paramref name="maxLength"/>.</summary>
    public static JsonObject MrkdwnText(string text, int maxLength) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = Mrkdwn.Truncate(text, maxLength),
    };

    private static string Id(string id) =>
        id.Length <= BlockKitLimits.MaxId
            ? id
            : throw new ArgumentException("A block or action id must fit Block Kit's limit.", nameof(id));
}
