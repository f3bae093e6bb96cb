using ChatOpsBot.Core.Parsing.Context;

namespace ChatOpsBot.Core.Parsing.Rules;

/// <summary>
/// Reads the request an API server or kubelet URL path stands for:
/// <c>/apis/apps/v1/namespaces/web/deployments/api</c> is a get of deployments.apps "api" in
/// namespace web; <c>/containerLogs/web/api-0/main</c> on a kubelet is pods/log of api-0.
/// </summary>
internal static class UrlPath
{
    /// <summary>The attempt the path describes, or null when it is no Kubernetes API path.</summary>
    public static AccessAttempt? Read(string path, string? method)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var watch = query >= 0 && path.AsSpan(query).Contains("watch=true", StringComparison.Ordinal);
        var segments = (query >= 0 ? path[..query] : path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return ReadApi(segments, method, watch) ?? ReadKubelet(segments);
    }

    private static AccessAttempt? ReadApi(string[] segments, string? method, bool watch)
    {
        var api = Array.FindIndex(segments, s => s is "api" or "apis");
        if (api < 0)
        {
            return null;
        }

        string group;
        int rest;
        if (segments[api] == "api" && api + 1 < segments.Length)
        {
            (group, rest) = ("", api + 2);
        }
        else if (segments[api] == "apis" && api + 2 < segments.Length)
        {
            (group, rest) = (segments[api + 1], api + 3);
        }
        else
        {
            return null;
        }

        if (rest < segments.Length && segments[rest] == "watch")
        {
            (watch, rest) = (true, rest + 1);
        }

        string? ns = null;
        if (rest + 2 < segments.Length && segments[rest] == "namespaces")
        {
            (ns, rest) = (segments[rest + 1], rest + 2);
        }

        if (rest >= segments.Length)
        {
            return null;
        }

        var resource = segments[rest];
        var name = rest + 1 < segments.Length ? segments[rest + 1] : null;
        var subresource = rest + 2 < segments.Length ? string.Join('/', segments[(rest + 2)..]) : null;
        return new AccessAttempt
        {
            Kind = AttemptKind.Forbidden,
            Verb = VerbOf(method, name is not null, watch),
            Resource = resource,
            Subresource = subresource,
            ApiGroup = group,
            Namespace = ns,
            Name = name,
            ClusterScope = ns is null && KnownResources.IsClusterScoped(resource, group),
        };
    }

    private static AccessAttempt? ReadKubelet(string[] segments)
    {
        if (segments.Length < 3)
        {
            return null;
        }

        var (verb, subresource) = segments[0] switch
        {
            "containerLogs" => ("get", "log"),
            "exec" => ("create", "exec"),
            "attach" => ("create", "attach"),
            "portForward" => ("create", "portforward"),
            _ => (null, null),
        };
        return verb is null ? null : new AccessAttempt
        {
            Kind = AttemptKind.Forbidden,
            Verb = verb,
            Resource = "pods",
            Subresource = subresource,
            Namespace = segments[1],
            Name = segments[2],
        };
    }

    // The HTTP method to request verb mapping of the API server's request-info resolver.
    private static string VerbOf(string? method, bool named, bool watch) => method?.ToUpperInvariant() switch
    {
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => named ? "delete" : "deletecollection",
        _ when watch => "watch",
        _ => named ? "get" : "list",
    };
}
