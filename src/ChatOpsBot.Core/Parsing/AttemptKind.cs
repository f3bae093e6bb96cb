namespace ChatOpsBot.Core.Parsing;

/// <summary>What kind of message a pasted error is.</summary>
public enum AttemptKind
{
    /// <summary>An authorizer (RBAC, webhook) refused the request: HTTP 403.</summary>
    Forbidden,

    /// <summary>Authentication failed: HTTP 401, "You must be logged in to the server".</summary>
    Unauthorized,

    /// <summary>GKE's IAM layer refused ("Required "container.x.y" permission").</summary>
    GkeIam,

    /// <summary>Looks like "forbidden" but an admission controller or policy engine said no.</summary>
    AdmissionDenial,

    /// <summary>No Kubernetes access error: cloud IAM, credential plugins, anything else.</summary>
    NotAnAccessError,
}

/// <summary>The wire names of <see cref="AttemptKind"/> used by the JSON contract.</summary>
public static class AttemptKindNames
{
    /// <summary>The contract's name for a kind, such as <c>gke-iam</c>.</summary>
    public static string ToWireName(this AttemptKind kind) => kind switch
    {
        AttemptKind.Forbidden => "forbidden",
        AttemptKind.Unauthorized => "unauthorized",
        AttemptKind.GkeIam => "gke-iam",
        AttemptKind.AdmissionDenial => "admission-denial",
        _ => "not-an-access-error",
    };
}
