namespace ChatOpsBot.Slack.WebApi;

/// <summary>Reads the <c>Retry-After</c> header Slack sends with rate-limited answers.</summary>
internal static class SlackRetryAfter
{
    /// <summary>
    /// The wait the server asked for: the delta-seconds form Slack uses, or an HTTP date
    /// measured against <paramref name="time"/>. Null when the header is absent or unusable.
    /// </summary>
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider time)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
