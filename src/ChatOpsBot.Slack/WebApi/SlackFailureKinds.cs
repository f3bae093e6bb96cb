using ChatOpsBot.Core.Telemetry;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>Sorts Slack's error codes into the few kinds the failures metric is tagged with.</summary>
internal static class SlackFailureKinds
{
    // The token or its scopes are wrong: an operator has to act, so these get their own kind.
    private static readonly HashSet<string> AuthCodes = new(StringComparer.Ordinal)
    {
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "token_expired",
        "account_inactive",
        "missing_scope",
        "no_permission",
    };

    /// <summary>The kind of an <c>ok:false</c> answer (or a bare hook error) with this code.</summary>
    public static string OfCode(string error) => error switch
    {
        SlackErrorCode.RateLimited or "rate_limited" => FailureKinds.RateLimited,
        SlackErrorCode.InvalidResponse => FailureKinds.InvalidResponse,
        _ when error.StartsWith("http_", StringComparison.Ordinal) => FailureKinds.HttpStatus,
        _ when AuthCodes.Contains(error) => FailureKinds.Auth,
        _ => FailureKinds.ApiError,
    };
}
