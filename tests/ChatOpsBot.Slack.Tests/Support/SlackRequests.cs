using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ChatOpsBot.Slack.Http;

namespace ChatOpsBot.Slack.Tests.Support;

/// <summary>Builds HTTP requests exactly as Slack sends them, signed with the test secret.</summary>
internal static class SlackRequests
{
    public const string FormType = "application/x-www-form-urlencoded";

    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static HttpRequestMessage Signed(
        string path, string body, string contentType, DateTimeOffset? at = null, string? secret = null,
        string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = Timestamp(at ?? DateTimeOffset.UtcNow);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature",
            signature ?? SlackSignatureVerifier.Sign(secret ?? SigningSecret, timestamp, bytes));
        return request;
    }

    public static string Timestamp(DateTimeOffset at) =>
        at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static HttpRequestMessage Event(string json, int? retryNum = null)
    {
        var request = Signed("/slack/events", json, "application/json");
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    public static HttpRequestMessage Command(IEnumerable<KeyValuePair<string, string>> fields) =>
        Signed("/slack/commands", Form(fields), FormType);

    public static HttpRequestMessage Interaction(string payloadJson) =>
        Signed("/slack/interactions", Form([new("payload", payloadJson)]), FormType);

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public const string CommandResponseUrl =
        "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN";

    /// <summary>A slash command form in Slack's field order.</summary>
    public static List<KeyValuePair<string, string>> CommandFields(string text, string user = "U2CERLKJA") =>
    [
        new("token", "xyzz0WbapA4vBCDEFasx0q6G"),
        new("team_id", "T1DC2JH3J"),
        new("team_domain", "testteamnow"),
        new("channel_id", "G8PSS9T3V"),
        new("channel_name", "foobar"),
        new("user_id", user),
        new("user_name", "roadrunner"),
        new("command", "/k8s-access"),
        new("text", text),
        new("response_url", CommandResponseUrl),
        new("trigger_id", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"),
    ];
}
