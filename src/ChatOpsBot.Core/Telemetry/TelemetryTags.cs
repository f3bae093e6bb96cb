using ChatOpsBot.Core.Requests;

namespace ChatOpsBot.Core.Telemetry;

/// <summary>The <c>origin</c> tag's values: how a diagnosis was asked for.</summary>
public static class Origins
{
    /// <summary>The tag value for <paramref name="origin"/>.</summary>
    public static string Of(DiagnosisOrigin origin) => origin switch
    {
        DiagnosisOrigin.SlashCommand => "slash-command",
        DiagnosisOrigin.Message => "message",
        DiagnosisOrigin.IdentityChoice => "identity-choice",
        _ => "other",
    };
}

/// <summary>The <c>outcome</c> tag's values: the step an access request reached.</summary>
public static class AccessRequestOutcomes
{
    /// <summary>Someone clicked "Request access" and it was recorded.</summary>
    public const string Requested = "requested";

    /// <summary>The tag value for a request that entered <paramref name="state"/>.</summary>
    public static string Of(AccessRequestState state) => state switch
    {
        AccessRequestState.Requested => Requested,
        AccessRequestState.PullRequestOpened => "pr-opened",
        AccessRequestState.Approved => "approved",
        AccessRequestState.Denied => "denied",
        AccessRequestState.Merged => "merged",
        AccessRequestState.Verified => "verified",
        AccessRequestState.VerificationFailed => "verification-failed",
        _ => "failed",
    };

    /// <summary>Counts the move when <paramref name="result"/> applied it; returns the result.</summary>
    public static TransitionResult Count(TransitionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Won && result.Request is { } request)
        {
            BotTelemetry.RecordAccessRequest(Of(request.State));
        }

        return result;
    }
}

/// <summary>The <c>error</c> tag's values: what kind of failure a call to Slack or GitHub met.</summary>
public static class FailureKinds
{
    /// <summary>The service answered with its own error (Slack <c>ok:false</c>, GitHub 4xx).</summary>
    public const string ApiError = "api-error";

    /// <summary>The credentials were refused (401, <c>invalid_auth</c>, a revoked token).</summary>
    public const string Auth = "auth";

    /// <summary>The service limited the bot's rate, and the retries did not get past it.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>An HTTP error status without the service's error envelope, or a 5xx.</summary>
    public const string HttpStatus = "http-status";

    /// <summary>No answer in time.</summary>
    public const string Timeout = "timeout";

    /// <summary>The connection failed (DNS, refused, reset).</summary>
    public const string Network = "network";

    /// <summary>An answer that could not be read.</summary>
    public const string InvalidResponse = "invalid-response";

    /// <summary>The service refused the change itself (a validation error, a conflict).</summary>
    public const string Rejected = "rejected";

    /// <summary>Anything else.</summary>
    public const string Other = "other";
}
