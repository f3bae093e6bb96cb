using System.Net;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.GitOps.Repository;
using Octokit;

namespace ChatOpsBot.GitOps.GitHub;

/// <summary>
/// Counts GitHub operations that failed (after their retries) in the failures metric, sorted
/// into a few kinds so that an operator sees a revoked token apart from a GitHub outage.
/// </summary>
internal static class GitHubFailures
{
    /// <summary>Counts one failure of <paramref name="operation"/>.</summary>
    /// <param name="operation">A fixed operation name, such as <c>merge</c>.</param>
    /// <param name="exception">What the call threw.</param>
    public static void Record(string operation, Exception exception) =>
        BotTelemetry.RecordGitHubFailure(operation, KindOf(exception));

    /// <summary>The <c>error</c> tag value for <paramref name="exception"/>.</summary>
    internal static string KindOf(Exception exception) => exception switch
    {
        RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException
            => FailureKinds.RateLimited,
        ApiException { StatusCode: HttpStatusCode.TooManyRequests } => FailureKinds.RateLimited,
        AuthorizationException or ForbiddenException => FailureKinds.Auth,
        ApiValidationException or ApiException { StatusCode: HttpStatusCode.Conflict }
            => FailureKinds.Rejected,
        ApiException { StatusCode: >= HttpStatusCode.InternalServerError } => FailureKinds.HttpStatus,
        ApiException => FailureKinds.ApiError,
        HttpRequestException => FailureKinds.Network,
        TimeoutException or OperationCanceledException => FailureKinds.Timeout,
        RbacRepositoryException => FailureKinds.Other,
        _ => FailureKinds.Other,
    };
}
