using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Tests.Support;

/// <summary>
/// Event and interaction bodies made from Slack's own fixtures, with only the fields a test
/// is about changed, so everything else stays in Slack's exact shape.
/// </summary>
internal static class SlackPayloads
{
    public const string PastedError =
        "Error from server (Forbidden): pods \"hello-beta1-58cf69d988-64qjp\" is forbidden: User "
        + "\"EKSGetTokenAuth\" cannot create resource \"pods/exec\" in API group \"\" "
        + "in the namespace \"hello\"";

    /// <summary>A <c>message</c> event_callback (java-slack-sdk EventTest fixture), fields changed.</summary>
    public static string Message(
        string eventId, string text, string channel = "C123", string ts = "1583636399.000700",
        string user = "U234", string? threadTs = null, string type = "message",
        Action<JsonObject>? edit = null)
    {
        var root = JsonNode.Parse(Fixture.Text("events-api/event_callback-message.json"))!.AsObject();
        var ev = root["event"]!.AsObject();
        root["event_id"] = eventId;
        ev["type"] = type;
        ev["text"] = text;
        ev["channel"] = channel;
        ev["ts"] = ts;
        ev["event_ts"] = ts;
        ev["user"] = user;
        ev.Remove("blocks");
        if (threadTs is not null)
        {
            ev["thread_ts"] = threadTs;
        }

        root["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null,
            ["team_id"] = "T123",
            ["user_id"] = "UBOT0001",
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        });
        edit?.Invoke(ev);
        return root.ToJsonString();
    }

    private const string ActionsResponseUrl =
        "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209";

    /// <summary>A block_actions payload (Slack docs fixture) clicking one element.</summary>
    public static string BlockAction(
        string actionId, string blockId, string? value = null, string? selectedValue = null,
        string user = "UA8RXUSPL", string channel = "CBR2V3XEX", string messageTs = "1548261231.000200",
        bool ephemeral = false, string responseUrl = ActionsResponseUrl)
    {
        var fixture = Fixture.Text("interactivity/block_actions-button-message_attachment.json");
        var root = JsonNode.Parse(fixture)!.AsObject();
        root["user"]!["id"] = user;
        root["container"] = new JsonObject
        {
            ["type"] = "message",
            ["message_ts"] = messageTs,
            ["channel_id"] = channel,
            ["is_ephemeral"] = ephemeral,
        };
        root["channel"]!["id"] = channel;
        root["message"]!["ts"] = messageTs;
        root["response_url"] = responseUrl;
        var action = new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = blockId,
            ["type"] = selectedValue is null ? "button" : "static_select",
            ["action_ts"] = "1548426417.840180",
        };
        if (value is not null)
        {
            action["value"] = value;
        }

        if (selectedValue is not null)
        {
            action["selected_option"] = new JsonObject
            {
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x", ["emoji"] = true },
                ["value"] = selectedValue,
            };
        }

        root["actions"] = new JsonArray(action);
        return root.ToJsonString();
    }
}
