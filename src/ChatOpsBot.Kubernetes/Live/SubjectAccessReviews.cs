using ChatOpsBot.Core.Rbac;
using k8s.Models;

namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// Builds the v1 SubjectAccessReview for one request and reads its answer. The review checks
/// exactly the user and groups it is given, so every group the caller passes (implicit ones
/// such as <c>system:authenticated</c> included) goes in unchanged.
/// </summary>
internal static class SubjectAccessReviews
{
    private const int MaxReasonLength = 500;

    public static V1SubjectAccessReview Build(UserInfo user, RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);

        var spec = new V1SubjectAccessReviewSpec
        {
            User = user.Name,
            Groups = [.. user.Groups ?? []],
        };
        if (request.IsResourceRequest)
        {
            // Empty fields are left out, as kubectl and the Go types (omitempty) do.
            spec.ResourceAttributes = new V1ResourceAttributes
            {
                NamespaceProperty = NullIfEmpty(request.Namespace),
                Verb = request.Verb,
                Group = NullIfEmpty(request.ApiGroup),
                Resource = NullIfEmpty(request.Resource),
                Subresource = NullIfEmpty(request.Subresource),
                Name = NullIfEmpty(request.Name),
            };
        }
        else
        {
            spec.NonResourceAttributes = new V1NonResourceAttributes
            {
                Path = request.Path,
                Verb = request.Verb,
            };
        }

        return new V1SubjectAccessReview
        {
            ApiVersion = "authorization.k8s.io/v1",
            Kind = "SubjectAccessReview",
            Spec = spec,
        };
    }

    /// <summary>The authorizer's reason, with its evaluation error if it reported one.</summary>
    public static string? ReasonOf(V1SubjectAccessReviewStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var reason = string.IsNullOrWhiteSpace(status.Reason) ? null : status.Reason.Trim();
        var error = string.IsNullOrWhiteSpace(status.EvaluationError) ? null : status.EvaluationError.Trim();
        var combined = (reason, error) switch
        {
            (null, null) => null,
            ({ } onlyReason, null) => onlyReason,
            (null, { } onlyError) => $"evaluation error: {onlyError}",
            var (both, andError) => $"{both} (evaluation error: {andError})",
        };
        return combined is null ? null : Bounded(ServerText.OneLine(combined));
    }

    private static string Bounded(string text) =>
        text.Length <= MaxReasonLength ? text : string.Concat(text.AsSpan(0, MaxReasonLength), "…");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
