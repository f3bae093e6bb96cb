namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// Per-request facts the resilience pipeline needs: which Slack method the request is (for
/// logs that never show the URL) and whether repeating it after a timeout is harmless.
/// </summary>
internal static class SlackRequestOptions
{
    /// <summary>The Web API method name, or <c>response_url</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> Method = new("ChatOpsBot.Slack.Method");

    /// <summary>
    /// True when sending the request twice does no harm (reads, <c>chat.update</c>). Posts are
    /// not: a timed-out post may have landed, and a retry would post it twice.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("ChatOpsBot.Slack.Idempotent");

    /// <summary>The method name stamped on <paramref name="request"/>, or a neutral placeholder.</summary>
    public static string MethodOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Method, out var method) ? method : "unknown";

    /// <summary>Whether <paramref name="request"/> was marked idempotent.</summary>
    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;
}
