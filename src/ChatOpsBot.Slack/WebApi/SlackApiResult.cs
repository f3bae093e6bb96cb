using System.Text.Json;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// The envelope every Web API answer shares: <c>ok</c>, and on failure <c>error</c> plus, for
/// <c>missing_scope</c>, the <c>needed</c> and <c>provided</c> scopes.
/// </summary>
/// <param name="Ok">Slack's <c>ok</c> flag.</param>
/// <param name="Error">Slack's error code when <c>ok</c> is false.</param>
/// <param name="Needed">The scope Slack wanted, when it says.</param>
/// <param name="Provided">The scopes the token has, when Slack says.</param>
/// <param name="Root">The whole answer, detached from any pooled buffer.</param>
internal sealed record SlackApiResult(
    bool Ok, string? Error, string? Needed, string? Provided, JsonElement Root)
{
    /// <summary>
    /// Reads a Web API answer. Returns null when the bytes are not a JSON object carrying a
    /// boolean <c>ok</c> (an HTML error page from a proxy, a truncated body).
    /// </summary>
    public static SlackApiResult? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("ok", out var ok)
            || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }

        return new SlackApiResult(
            ok.GetBoolean(),
            SlackErrorCode.Sanitize(StringOrNull(root, "error")),
            StringOrNull(root, "needed"),
            StringOrNull(root, "provided"),
            root);
    }

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
