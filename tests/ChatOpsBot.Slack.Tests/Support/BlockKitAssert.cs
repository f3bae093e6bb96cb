using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.Tests.Support;

/// <summary>Checks a message against Slack's Block Kit limits, walking every block and element.</summary>
internal static class BlockKitAssert
{
    public static void WithinLimits(SlackMessage message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message.Text), "fallback text is required with blocks");
        Assert.InRange(message.Text.Length, 1, BlockKitLimits.MaxFallbackText);
        var blocks = message.Blocks!;
        Assert.InRange(blocks.Count, 1, BlockKitLimits.MaxBlocks);
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            var type = block["type"]!.GetValue<string>();
            if (block["block_id"] is { } blockId)
            {
                Assert.InRange(blockId.GetValue<string>().Length, 1, BlockKitLimits.MaxId);
            }

            switch (type)
            {
                case "header":
                    AssertText(block["text"]!, BlockKitLimits.MaxHeaderText, "plain_text");
                    break;
                case "section":
                    AssertText(block["text"]!, BlockKitLimits.MaxSectionText, "mrkdwn");
                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, BlockKitLimits.MaxContextElements);
                    foreach (var element in elements)
                    {
                        AssertText(element!, BlockKitLimits.MaxContextText, "mrkdwn");
                    }

                    break;
                case "actions":
                    foreach (var element in block["elements"]!.AsArray().Select(e => e!.AsObject()))
                    {
                        AssertElement(element);
                    }

                    break;
                case "divider":
                    break;
                default:
                    Assert.Fail($"unexpected block type {type}");
                    break;
            }
        }
    }

    private static void AssertElement(JsonObject element)
    {
        Assert.InRange(element["action_id"]!.GetValue<string>().Length, 1, BlockKitLimits.MaxId);
        switch (element["type"]!.GetValue<string>())
        {
            case "button":
                AssertText(element["text"]!, BlockKitLimits.MaxButtonText, "plain_text");
                Assert.InRange(element["value"]!.GetValue<string>().Length, 1, BlockKitLimits.MaxButtonValue);
                break;
            case "static_select":
                AssertText(element["placeholder"]!, BlockKitLimits.MaxPlaceholder, "plain_text");
                var options = element["options"]!.AsArray();
                Assert.InRange(options.Count, 1, BlockKitLimits.MaxOptions);
                foreach (var option in options.Select(o => o!.AsObject()))
                {
                    AssertText(option["text"]!, BlockKitLimits.MaxOptionText, "plain_text");
                    var value = option["value"]!.GetValue<string>();
                    Assert.InRange(value.Length, 1, BlockKitLimits.MaxOptionValue);
                }

                break;
            default:
                Assert.Fail("unexpected element type");
                break;
        }
    }

    private static void AssertText(JsonNode text, int max, string type)
    {
        Assert.Equal(type, text["type"]!.GetValue<string>());
        var value = text["text"]!.GetValue<string>();
        Assert.InRange(value.Length, 1, max);
    }

    /// <summary>
    /// Every decoded string of the message joined by newlines: what Slack reads, unlike the
    /// JSON text, whose encoder escapes characters such as &lt; and backticks.
    /// </summary>
    public static string Visible(SlackMessage message) => string.Join('\n', AllStrings(message));

    /// <summary>Every string in the message (texts, values, ids).</summary>
    public static IEnumerable<string> AllStrings(SlackMessage message)
    {
        yield return message.Text;
        foreach (var value in Walk(message.Blocks!))
        {
            yield return value;
        }
    }

    private static IEnumerable<string> Walk(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Walk(p.Value)),
        JsonArray a => a.SelectMany(Walk),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
