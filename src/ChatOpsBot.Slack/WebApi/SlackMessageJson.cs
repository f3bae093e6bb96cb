using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>Builds the JSON bodies of the chat methods and of <c>response_url</c> posts.</summary>
internal static class SlackMessageJson
{
    /// <summary><c>chat.postMessage</c>.</summary>
    public static JsonObject PostMessage(string channel, SlackMessage message, string? threadTs)
    {
        var body = new JsonObject { ["channel"] = channel };
        AddContent(body, message);
        AddThread(body, threadTs);
        return body;
    }

    /// <summary><c>chat.postEphemeral</c>.</summary>
    public static JsonObject PostEphemeral(
        string channel, string user, SlackMessage message, string? threadTs)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user };
        AddContent(body, message);
        AddThread(body, threadTs);
        return body;
    }

    /// <summary><c>chat.update</c>.</summary>
    public static JsonObject Update(SlackMessageRef target, SlackMessage message)
    {
        var body = new JsonObject { ["channel"] = target.Channel, ["ts"] = target.Ts };
        AddContent(body, message);
        return body;
    }

    /// <summary>
    /// A <c>response_url</c> post. Replacing keeps the original's visibility (Slack forbids a
    /// switch); otherwise the configured <c>response_type</c> applies.
    /// </summary>
    public static JsonObject ResponseUrl(SlackMessage message, bool replaceOriginal, string responseType)
    {
        var body = new JsonObject { ["replace_original"] = replaceOriginal };
        if (!replaceOriginal)
        {
            body["response_type"] = responseType;
        }

        AddContent(body, message);
        return body;
    }

    private static void AddContent(JsonObject body, SlackMessage message)
    {
        body["text"] = message.Text;

        // Deep-cloned so one SlackMessage can be sent several times (a JsonNode has one parent).
        if (message.Blocks is { } blocks)
        {
            body["blocks"] = blocks.DeepClone();
        }
    }

    private static void AddThread(JsonObject body, string? threadTs)
    {
        if (!string.IsNullOrWhiteSpace(threadTs))
        {
            body["thread_ts"] = threadTs;
        }
    }
}
