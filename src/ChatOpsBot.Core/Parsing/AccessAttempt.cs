namespace ChatOpsBot.Core.Parsing;

/// <summary>
/// One access error read from pasted text: what was attempted, by whom, and what said no.
/// Every field but <see cref="Kind"/> is null when the text does not state it.
/// </summary>
public sealed record AccessAttempt
{
    /// <summary>What kind of error this is.</summary>
    public required AttemptKind Kind { get; init; }

    /// <summary>The Kubernetes username the message names.</summary>
    public string? User { get; init; }

    /// <summary>Groups, when the message lists them.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>The request verb (<c>create</c>, <c>list</c>, …).</summary>
    public string? Verb { get; init; }

    /// <summary>The resource without its subresource (<c>pods</c>).</summary>
    public string? Resource { get; init; }

    /// <summary>The subresource (<c>exec</c>), if any.</summary>
    public string? Subresource { get; init; }

    /// <summary>The API group; <c>""</c> is the core group, null when the text names none.</summary>
    public string? ApiGroup { get; init; }

    /// <summary>The namespace; null for cluster scope or when unknown.</summary>
    public string? Namespace { get; init; }

    /// <summary>The object's name, if the message gives one.</summary>
    public string? Name { get; init; }

    /// <summary>The reason the message gives (RBAC reason, admission message, …).</summary>
    public string? Reason { get; init; }

    /// <summary>The non-resource URL (<c>/metrics</c>) for non-resource requests.</summary>
    public string? NonResourceUrl { get; init; }

    /// <summary>True when the message says the request was at the cluster scope.</summary>
    public bool ClusterScope { get; init; }

    /// <summary>The attempt that stands for "no access error in this text".</summary>
    public static AccessAttempt None { get; } = new() { Kind = AttemptKind.NotAnAccessError };

    /// <summary>True for kinds the diagnosis can explain with RBAC.</summary>
    public bool IsRbacQuestion => Kind is AttemptKind.Forbidden or AttemptKind.GkeIam;
}
