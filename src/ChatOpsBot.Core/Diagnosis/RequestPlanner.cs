using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>
/// Turns an attempt into the authorizer requests that must all be allowed for it to work.
/// Streaming subresources need two verbs: kubectl 1.30+ opens them with a WebSocket
/// <c>get</c>, older clients (and the fallback) with a SPDY <c>create</c>, and Kubernetes
/// 1.35+ checks <c>create</c> on the WebSocket path too.
/// </summary>
public static class RequestPlanner
{
    private static readonly string[] StreamingSubresources = ["exec", "attach", "portforward"];

    /// <summary>The requests to check; empty when the attempt names no verb or target.</summary>
    public static IReadOnlyList<RequestAttributes> Plan(AccessAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (string.IsNullOrEmpty(attempt.Verb))
        {
            return [];
        }

        var verb = attempt.Verb.ToLowerInvariant();
        if (!string.IsNullOrEmpty(attempt.NonResourceUrl))
        {
            return
            [
                new RequestAttributes
                {
                    Verb = verb, IsResourceRequest = false, Path = attempt.NonResourceUrl,
                },
            ];
        }

        // A namespace printed as "" is a garbled message, not the cluster scope: checking it
        // as cluster-wide would widen the fix to every namespace.
        if (attempt.Namespace is { Length: 0 } && !attempt.ClusterScope)
        {
            return [];
        }

        if (string.IsNullOrEmpty(attempt.Resource))
        {
            return [];
        }

        var request = new RequestAttributes
        {
            Verb = verb,
            ApiGroup = attempt.ApiGroup ?? "",
            Resource = attempt.Resource,
            Subresource = NormalizeSubresource(attempt.Subresource),
            Namespace = attempt.Namespace ?? "",
            Name = attempt.Name ?? "",
        };

        if (!IsStreaming(request) || verb is not ("create" or "get"))
        {
            return [request];
        }

        return [request with { Verb = "create" }, request with { Verb = "get" }];
    }

    /// <summary>True for exec, attach and port-forward on pods.</summary>
    public static bool IsStreaming(RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Resource == "pods" && request.ApiGroup.Length == 0
            && StreamingSubresources.Contains(request.Subresource);
    }

    /// <summary>
    /// Words for a request, such as <c>create pods/exec</c> or <c>get /metrics</c>.
    /// </summary>
    public static string Describe(RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsResourceRequest)
        {
            return $"{request.Verb} {request.Path}";
        }

        var group = request.ApiGroup.Length == 0 ? "" : $" (API group {request.ApiGroup})";
        return $"{request.Verb} {request.CombinedResource}{group}";
    }

    /// <summary>Words for where a request applies: a namespace or the whole cluster.</summary>
    public static string DescribeScope(RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Namespace.Length == 0
            ? "at the cluster scope"
            : $"in namespace {request.Namespace}";
    }

    // Some clients print the port-forward subresource with a capital F.
    private static string NormalizeSubresource(string? subresource) =>
        string.IsNullOrEmpty(subresource) ? "" : subresource.ToLowerInvariant();
}
