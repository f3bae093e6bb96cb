using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// The fake's successful Web API answers, in the shapes Slack documents: the published example
/// responses where the fixtures have one, with the fields that echo the request filled in.
/// </summary>
internal static class SlackAnswers
{
    /// <summary>chat.postMessage: the posted channel and ts, and the message as stored.</summary>
    public static JsonObject PostMessage(JsonObject request, string ts)
    {
        var answer = SlackFixtures.Json("web-api/chat.postMessage.ok.json");
        answer["channel"] = request["channel"]?.DeepClone();
        answer["ts"] = ts;
        var message = answer["message"]!.AsObject();
        message.Remove("attachments");
        message["text"] = request["text"]?.DeepClone();
        message["ts"] = ts;
        if (request["blocks"] is { } blocks)
        {
            message["blocks"] = blocks.DeepClone();
        }

        if (request["thread_ts"] is { } thread)
        {
            message["thread_ts"] = thread.DeepClone();
        }

        return answer;
    }

    /// <summary>chat.postEphemeral: only the ts of the ephemeral message.</summary>
    public static JsonObject PostEphemeral(string ts) => new() { ["ok"] = true, ["message_ts"] = ts };

    /// <summary>chat.update: the channel, ts and new text.</summary>
    public static JsonObject Update(JsonObject request)
    {
        var answer = SlackFixtures.Json("web-api/chat.update.ok.json");
        answer["channel"] = request["channel"]?.DeepClone();
        answer["ts"] = request["ts"]?.DeepClone();
        answer["text"] = request["text"]?.DeepClone();
        answer["message"]!["text"] = request["text"]?.DeepClone();
        return answer;
    }

    /// <summary>users.info: an ordinary (human) member of the workspace.</summary>
    public static JsonObject UserInfo(string userId) => new()
    {
        ["ok"] = true,
        ["user"] = new JsonObject
        {
            ["id"] = userId,
            ["team_id"] = "T123",
            ["name"] = "dev-" + userId.ToLowerInvariant(),
            ["deleted"] = false,
            ["real_name"] = "Test Developer",
            ["is_admin"] = false,
            ["is_bot"] = false,
            ["is_app_user"] = false,
            ["profile"] = new JsonObject
            {
                ["real_name"] = "Test Developer",
                ["display_name"] = "dev",
                ["email"] = $"{userId.ToLowerInvariant()}@example.com",
            },
        },
    };

    /// <summary>usergroups.users.list: the member ids.</summary>
    public static JsonObject UserGroupMembers(IEnumerable<string> members) => new()
    {
        ["ok"] = true,
        ["users"] = new JsonArray(members.Select(id => (JsonNode?)id).ToArray()),
    };
}
