namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// Decides whether a <c>response_url</c> may be posted to. The URL comes inside a payload, so
/// the client only follows it to Slack's hook hosts (or ones configured), over https, to keep a
/// forged or mistaken payload from turning the bot into a request relay.
/// </summary>
internal static class SlackResponseUrlPolicy
{
    private static readonly string[] SlackHookHosts = ["hooks.slack.com", "hooks.slack-gov.com"];

    /// <summary>Throws <see cref="ArgumentException"/> unless the URL is allowed.</summary>
    public static void EnsureAllowed(Uri responseUrl, SlackWebApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);

        if (!responseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("A response_url must be absolute.", nameof(responseUrl));
        }

        // The Web API's own origin is trusted as configured (it is a fake or proxy in tests).
        if (SameOrigin(responseUrl, options.BaseUrl))
        {
            return;
        }

        var hostAllowed = SlackHookHosts.Contains(responseUrl.IdnHost, StringComparer.OrdinalIgnoreCase)
            || options.ExtraResponseUrlHosts.Contains(responseUrl.IdnHost, StringComparer.OrdinalIgnoreCase);

        var hasUserInfo = !string.IsNullOrEmpty(responseUrl.UserInfo);
        if (responseUrl.Scheme != Uri.UriSchemeHttps || !hostAllowed || hasUserInfo)
        {
            throw new ArgumentException(
                "The response_url is not an https URL on an allowed Slack host.", nameof(responseUrl));
        }
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        b.IsAbsoluteUri
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port
        && string.IsNullOrEmpty(a.UserInfo);
}
