namespace ChatOpsBot.Slack.WebApi;

/// <summary>Slack error codes the client reasons about, and how it reads untrusted ones.</summary>
internal static class SlackErrorCode
{
    /// <summary>Used when an answer is not Slack's JSON envelope at all.</summary>
    public const string InvalidResponse = "invalid_response";

    /// <summary>Slack's rate-limit code (the HTTP 429 body and some 200 answers).</summary>
    public const string RateLimited = "ratelimited";

    private const int MaxLength = 100;

    // Transient on Slack's side; the same request may well succeed a moment later. The spec
    // spells the rate-limit code both ways, so both are here.
    private static readonly HashSet<string> Retryable = new(StringComparer.Ordinal)
    {
        RateLimited,
        "rate_limited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
    };

    /// <summary>True for codes worth another attempt; every other code is final.</summary>
    public static bool IsRetryable(string? error) => error is not null && Retryable.Contains(error);

    /// <summary>
    /// Keeps an error code only if it looks like one (short, lowercase, digits, underscores),
    /// so a hostile or broken server cannot smuggle text into exceptions and logs.
    /// </summary>
    public static string? Sanitize(string? error)
    {
        if (string.IsNullOrEmpty(error) || error.Length > MaxLength)
        {
            return error is null ? null : InvalidResponse;
        }

        foreach (var c in error)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.'))
            {
                return InvalidResponse;
            }
        }

        return error;
    }
}
