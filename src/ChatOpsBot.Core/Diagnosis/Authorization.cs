using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>The answer for one request: allowed or not, and who said so.</summary>
/// <param name="Request">The request.</param>
/// <param name="Allowed">The answer.</param>
/// <param name="FromServer">True when the API server answered (SubjectAccessReview).</param>
/// <param name="Reason">The authorizer's reason, if any.</param>
public sealed record RequestAnswer(
    RequestAttributes Request,
    bool Allowed,
    bool FromServer,
    string? Reason);

/// <summary>
/// The authoritative answer: the API server's SubjectAccessReview where the source gave one,
/// otherwise the engine's own RBAC evaluation.
/// </summary>
internal static class Authorization
{
    public static List<RequestAnswer> Answer(DiagnosisInput input, UserInfo user)
    {
        var answers = new List<RequestAnswer>();
        for (var index = 0; index < input.Requests.Count; index++)
        {
            var request = input.Requests[index];
            var review = index < input.ServerReviews.Count ? input.ServerReviews[index] : null;
            answers.Add(review is { FromServer: true }
                ? new RequestAnswer(request, review.Allowed, review.FromServer, review.Reason)
                : Evaluate(input, user, request));
        }

        return answers;
    }

    public static bool AllowedIfKnown(DiagnosisInput input)
    {
        if (input.Requests.Count == 0)
        {
            return false;
        }

        var user = new UserInfo(input.Identity.User, input.Identity.Groups);
        return Answer(input, user).All(answer => answer.Allowed);
    }

    public static Check Check(IReadOnlyList<RequestAnswer> answers, ResolvedIdentity identity)
    {
        var source = answers.All(answer => answer.FromServer)
            ? "SubjectAccessReview"
            : answers.Any(answer => answer.FromServer)
                ? "SubjectAccessReview and the bot's RBAC evaluation"
                : "The bot's RBAC evaluation";
        var parts = answers.Select(answer =>
            $"{RequestPlanner.Describe(answer.Request)}: {(answer.Allowed ? "allowed" : "denied")}");
        var allowed = answers.All(answer => answer.Allowed);
        return new Check(
            CheckNames.Authorization,
            allowed ? CheckStatus.Pass : CheckStatus.Fail,
            $"{source} for {identity.User}: {string.Join("; ", parts)}");
    }

    // Without the server's word, the engine's own RBAC evaluation is the best answer there is.
    private static RequestAnswer Evaluate(
        DiagnosisInput input, UserInfo user, RequestAttributes request) =>
        new(request, RbacAuthorizer.Authorize(input.Policy, user, request).Allowed, false, null);
}
