using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;
using k8s;

namespace ChatOpsBot.Kubernetes.Live;

public sealed partial class LiveClusterSource
{
    /// <summary>
    /// Asks the API server (a v1 SubjectAccessReview) whether <paramref name="user"/>, with exactly
    /// the groups given, may make <paramref name="request"/>. When the bot may not create reviews
    /// (403) it returns <see cref="AccessReview.Unavailable"/> saying so, and null when the server
    /// gave no usable answer; either way the engine evaluates RBAC itself; throws
    /// <see cref="ClusterSourceException"/> when the server is unreachable or refuses the bot's
    /// credentials.
    /// </summary>
    /// <param name="user">The user and groups to ask about.</param>
    /// <param name="request">The attempted request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's answer, an unavailable review, or null.</returns>
    public async Task<AccessReview?> ReviewAsync(
        UserInfo user,
        RequestAttributes request,
        CancellationToken cancellationToken)
    {
        var review = SubjectAccessReviews.Build(user, request);

        k8s.Models.V1SubjectAccessReview answer;
        try
        {
            answer = await caller
                .CallAsync(
                    ClusterRead.Review.Operation,
                    callToken => client.AuthorizationV1.CreateSubjectAccessReviewAsync(
                        review, cancellationToken: callToken),
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiFailureException failure) when (failure.Kind == ApiFailureKind.Forbidden)
        {
            LiveClusterLog.ReviewForbidden(logger, server, failure.StatusText);
            return AccessReview.Unavailable(ReadFailureText.Forbidden(ClusterRead.Review, failure));
        }
        catch (ApiFailureException failure)
            when (ReadFailureText.IsFatal(failure.Kind) && failure.Kind != ApiFailureKind.BadResponse)
        {
            throw ReadFailureText.Fatal(ClusterRead.Review, failure, server, options);
        }
        catch (ApiFailureException failure)
        {
            // 400/404/422 or an unreadable body: no authoritative answer, but nothing fatal either.
            LiveClusterLog.ReviewUnusable(logger, server, failure.StatusText);
            return null;
        }

        if (answer?.Status is not { } status)
        {
            LiveClusterLog.ReviewUnusable(logger, server, "no status in the answer");
            return null;
        }

        return new AccessReview(
            status.Allowed,
            SubjectAccessReviews.ReasonOf(status),
            FromServer: true);
    }
}
