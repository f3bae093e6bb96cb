namespace ChatOpsBot.Core.Diagnosis;

/// <summary>Why access failed (or did not): the cause codes of the JSON contract.</summary>
public enum CauseCode
{
    /// <summary>No binding gives the identity a role that covers the request.</summary>
    MissingBinding,

    /// <summary>
    /// A binding for the identity exists, but its role does not grant the request.
    /// </summary>
    RoleLacksPermission,

    /// <summary>A binding for the identity refers to a role that does not exist.</summary>
    RoleNotFound,

    /// <summary>
    /// Access is granted to a group the identity is not in: fix the identity mapping.
    /// </summary>
    GroupNotMapped,

    /// <summary>
    /// The IAM principal is not mapped to any Kubernetes identity (401, not 403).
    /// </summary>
    IdentityNotMapped,

    /// <summary>
    /// The cluster already allows the request: wrong context or role on the user's side.
    /// </summary>
    AlreadyAllowed,

    /// <summary>
    /// Not an RBAC decision: an admission webhook, Pod Security, a terminating namespace.
    /// </summary>
    NotRbac,

    /// <summary>The namespace does not exist.</summary>
    NamespaceNotFound,

    /// <summary>The diagnosis could not tell.</summary>
    Unknown,
}
