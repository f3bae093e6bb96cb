using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ChatOpsBot.Tests.Slack;

/// <summary>Requests to the bot's three endpoints, built and signed as Slack sends them.</summary>
internal static class SignedRequests
{
    public const string FormType = "application/x-www-form-urlencoded";
    public const string JsonType = "application/json";

    /// <summary>
    /// A POST of <paramref name="body"/>, signed at <paramref name="signedAt"/> (now when null)
    /// with <paramref name="secret"/> (the bot's own secret when null).
    /// </summary>
    public static HttpRequestMessage Signed(
        string path, string body, string contentType, string? secret = null,
        DateTimeOffset? signedAt = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = SlackSigner.Timestamp(signedAt ?? DateTimeOffset.UtcNow);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature",
            SlackSigner.Sign(secret ?? RunningBot.SigningSecret, timestamp, bytes));
        return request;
    }

    /// <summary>An Events API delivery; a retry carries Slack's two retry headers.</summary>
    public static HttpRequestMessage Event(
        string json, int? retryNum = null, string retryReason = "http_timeout")
    {
        var request = Signed("/slack/events", json, JsonType);
        if (retryNum is { } number)
        {
            request.Headers.Add("X-Slack-Retry-Num", number.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", retryReason);
        }

        return request;
    }

    /// <summary>A slash command: the form body as Slack encodes it.</summary>
    public static HttpRequestMessage Command(string form) => Signed("/slack/commands", form, FormType);

    /// <summary>An interaction: one form field, <c>payload</c>, holding the JSON.</summary>
    public static HttpRequestMessage Interaction(string payloadJson) =>
        Signed("/slack/interactions", "payload=" + WebUtility.UrlEncode(payloadJson), FormType);
}
