using System.Text.Json.Nodes;

namespace ChatOpsBot.Playground.Tests.Support;

/// <summary>Block Kit pieces for the messages the page tests post as the bot.</summary>
internal static class SlackBlocks
{
    public static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };
}
