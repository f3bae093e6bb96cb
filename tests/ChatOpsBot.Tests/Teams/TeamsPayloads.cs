using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Teams;

/// <summary>
/// Activities as Teams sends them, built from the copied fixtures (Fixtures/teams) with only the
/// fields a case needs changed: text, ids, conversation, sender and service URL.
/// </summary>
internal static class TeamsPayloads
{
    /// <summary>The team channel of the channel fixture.</summary>
    public const string Channel = "19:00000000000000000000000000000c01@thread.tacv2";

    /// <summary>The tenant every built activity names.</summary>
    public const string Tenant = "22222222-2222-2222-2222-222222222222";

    /// <summary>The bot's id in the channel fixture.</summary>
    public const string BotId = "28:00000000-0000-0000-0000-0000000000b2";

    private static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams", name));

    /// <summary>A message in a channel thread (the root's id is <paramref name="rootId"/>).</summary>
    public static JsonObject ChannelMessage(
        string serviceUrl, string text, string activityId, string rootId, Person from, bool mention,
        string channel = Channel)
    {
        var activity = JsonNode.Parse(Read("message-channel-reply-with-mention.json"))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        activity["id"] = activityId;
        activity["text"] = mention ? "<at>testbot</at> " + text : text;
        activity["conversation"]!["id"] = $"{channel};messageid={rootId}";
        activity["channelData"]!["channel"]!["id"] = channel;
        activity["channelData"]!["teamsChannelId"] = channel;
        activity.Remove("attachments");
        if (!mention)
        {
            var entities = activity["entities"]!.AsArray();
            entities.RemoveAt(0);
        }

        return WithSender(activity, from);
    }

    /// <summary>A message in the personal chat with the bot.</summary>
    public static JsonObject PersonalMessage(string serviceUrl, string text, string activityId, Person from)
    {
        var activity = Invoke(
            serviceUrl, new JsonObject(), null, "a:1ExamplePersonalConversation", "personal", from);
        activity["type"] = "message";
        activity["id"] = activityId;
        activity["text"] = text;
        activity.Remove("name");
        activity.Remove("value");
        activity.Remove("replyToId");
        return activity;
    }

    /// <summary>An <c>adaptiveCard/action</c> invoke carrying <paramref name="value"/>.</summary>
    public static JsonObject Invoke(
        string serviceUrl,
        JsonObject value,
        string? replyToId,
        string conversationId,
        string conversationType,
        Person from)
    {
        var activity = JsonNode.Parse(Read("invoke-adaptiveCard-action-Action.Execute.json"))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        activity["id"] = "f:" + Guid.NewGuid();
        activity["value"] = value;
        activity["replyToId"] = replyToId;
        activity["conversation"]!["id"] = conversationId;
        activity["conversation"]!["conversationType"] = conversationType;
        activity["recipient"]!["id"] = BotId;
        return WithSender(activity, from);
    }

    /// <summary>
    /// The value of an <c>Action.Execute</c> click on the card element with <paramref name="data"/>.
    /// </summary>
    public static JsonObject ExecuteValue(string verb, JsonObject data) => new()
    {
        ["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = verb,
            ["verb"] = verb,
            ["data"] = data,
        },
        ["trigger"] = "manual",
    };

    private static JsonObject WithSender(JsonObject activity, Person from)
    {
        activity["from"] = new JsonObject
        {
            ["id"] = "29:" + from.ObjectId,
            ["name"] = from.Name,
            ["aadObjectId"] = from.ObjectId,
        };
        activity["channelData"]!["tenant"] = new JsonObject { ["id"] = Tenant };
        activity["conversation"]!["tenantId"] = Tenant;
        return activity;
    }
}

/// <summary>A Teams user: Entra object id and display name.</summary>
internal sealed record Person(string ObjectId, string Name)
{
    public static readonly Person Developer = new("0d5e7a10-1111-4c2b-9a3e-00000000d001", "Dana Developer");
    public static readonly Person Admin = new("0a5e7a10-2222-4c2b-9a3e-00000000a001", "Alex Admin");
    public static readonly Person Stranger = new("05e7a100-3333-4c2b-9a3e-000000005001", "Sam Stranger");
}
