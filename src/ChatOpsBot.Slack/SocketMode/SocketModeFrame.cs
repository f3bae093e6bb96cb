using System.Text.Json;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>
/// One message from Slack's socket: <c>hello</c>, <c>disconnect</c>, or an envelope
/// (<c>slash_commands</c>, <c>events_api</c>, <c>interactive</c>) that must be acknowledged.
/// </summary>
/// <param name="Type">The frame type.</param>
/// <param name="EnvelopeId">The id to acknowledge; null for hello and disconnect.</param>
/// <param name="Payload">The payload, detached from the receive buffer.</param>
/// <param name="AcceptsResponsePayload">Whether the ack may carry a reply body.</param>
/// <param name="Reason">A disconnect's reason.</param>
/// <param name="RetryAttempt">Slack's redelivery count for events.</param>
/// <param name="NumConnections">How many sockets the app has open, as <c>hello</c> reports it.</param>
/// <param name="ApproximateConnectionSeconds">A <c>hello</c>'s estimate of the socket's lifetime.</param>
internal sealed record SocketModeFrame(
    string Type, string? EnvelopeId, JsonElement? Payload, bool AcceptsResponsePayload, string? Reason,
    int RetryAttempt, int NumConnections = 0, int ApproximateConnectionSeconds = 0)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string SlashCommands = "slash_commands";
    public const string EventsApi = "events_api";
    public const string Interactive = "interactive";

    /// <summary>Parses a text message; null when it is not JSON or not an object with a type.</summary>
    public static SocketModeFrame? TryParse(ReadOnlySpan<byte> utf8)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(utf8);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object || String(root, "type") is not { Length: > 0 } type)
        {
            return null;
        }

        JsonElement? payload = Object(root, "payload") is { } p
            ? p
            : null;

        var accepts = root.TryGetProperty("accepts_response_payload", out var a)
            && a.ValueKind == JsonValueKind.True;
        var retry = Int(root, "retry_attempt");

        var connections = Int(root, "num_connections");
        var lifetime = Object(root, "debug_info") is { } debug
            ? Int(debug, "approximate_connection_time")
            : 0;

        return new SocketModeFrame(
            type,
            String(root, "envelope_id"),
            payload,
            accepts,
            String(root, "reason"),
            retry,
            connections,
            lifetime);
    }

    private static JsonElement? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : 0;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
