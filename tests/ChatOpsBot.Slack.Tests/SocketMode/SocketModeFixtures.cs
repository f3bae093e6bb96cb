using System.Text.Json.Nodes;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary>Reads the copied Socket Mode fixtures next to the test assembly.</summary>
public static class SocketModeFixtures
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SocketMode", "Fixtures", name)).Trim();

    /// <summary>The envelope id of a fixture envelope.</summary>
    public static string EnvelopeId(string name) => (string)JsonNode.Parse(Read(name))!["envelope_id"]!;

    /// <summary>A fixture envelope with a fresh envelope id (so one fixture can be sent twice).</summary>
    public static string WithEnvelopeId(string name, string envelopeId)
    {
        var node = JsonNode.Parse(Read(name))!.AsObject();
        node["envelope_id"] = envelopeId;
        return node.ToJsonString();
    }

    public static string Disconnect(string reason) =>
        new JsonObject
        {
            ["type"] = "disconnect",
            ["reason"] = reason,
            ["debug_info"] = new JsonObject { ["host"] = "applink-test" },
        }.ToJsonString();
}
