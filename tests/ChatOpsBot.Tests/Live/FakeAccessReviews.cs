using System.Collections.Concurrent;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace ChatOpsBot.Tests.Live;

/// <summary>
/// The fake's <c>subjectaccessreviews</c> endpoint: it validates the review as the API server
/// does, records its spec, and answers from <see cref="Allows"/>, which denies everything
/// unless a test says otherwise.
/// </summary>
internal sealed class FakeAccessReviews
{
    public const string Path = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

    private readonly ConcurrentQueue<V1SubjectAccessReviewSpec> asked = new();

    /// <summary>The rule the fake authorizer applies; deny-all by default.</summary>
    public Func<V1SubjectAccessReviewSpec, bool> Allows { get; set; } = _ => false;

    /// <summary>The specs of the valid reviews received, in order.</summary>
    public IReadOnlyList<V1SubjectAccessReviewSpec> Asked => [.. asked];

    public FakeAnswer Create(string body)
    {
        V1SubjectAccessReview? review;
        try
        {
            review = KubernetesJson.Deserialize<V1SubjectAccessReview>(body);
        }
        catch (JsonException)
        {
            return ApiStatus.BadRequest("the body of the request was not valid JSON");
        }

        if (review is not { Kind: "SubjectAccessReview", ApiVersion: "authorization.k8s.io/v1" })
        {
            return ApiStatus.BadRequest("the object is not an authorization.k8s.io/v1 SubjectAccessReview");
        }

        if (Invalid(review.Spec) is { } problem)
        {
            return ApiStatus.Invalid($"SubjectAccessReview.authorization.k8s.io \"\" is invalid: {problem}");
        }

        asked.Enqueue(review.Spec);
        var allowed = Allows(review.Spec);
        review.Metadata = new V1ObjectMeta();
        review.Status = new V1SubjectAccessReviewStatus
        {
            Allowed = allowed,
            Reason = allowed ? "RBAC: allowed by the rule of the test" : null,
        };
        return new FakeAnswer(201, KubernetesJson.Serialize(review));
    }

    // The checks the API server's validation makes on a review's spec.
    private static string? Invalid(V1SubjectAccessReviewSpec? spec) => spec switch
    {
        null => "spec: Required value",
        { ResourceAttributes: null, NonResourceAttributes: null } =>
            "spec.resourceAttributes: Invalid value: exactly one of nonResourceAttributes or "
            + "resourceAttributes must be specified",
        { ResourceAttributes: not null, NonResourceAttributes: not null } =>
            "spec.resourceAttributes: Invalid value: cannot be specified in combination with "
            + "spec.nonResourceAttributes",
        { User: null or "", Groups: null or { Count: 0 } } =>
            "spec.user: Invalid value: at least one of user or group must be specified",
        _ => null,
    };
}
