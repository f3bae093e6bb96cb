namespace ChatOpsBot.Core.Rbac;

/// <summary>One rule of a Role or ClusterRole, with Kubernetes' field meanings.</summary>
public sealed record PolicyRule
{
    /// <summary>Verbs; <c>*</c> matches any.</summary>
    public IReadOnlyList<string> Verbs { get; init; } = [];

    /// <summary>API groups; <c>""</c> is core, <c>*</c> any.</summary>
    public IReadOnlyList<string> ApiGroups { get; init; } = [];

    /// <summary>
    /// Resources, optionally with <c>/subresource</c>; <c>*</c> and <c>*/sub</c> are wildcards.
    /// </summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>Object names the rule is limited to; empty means all.</summary>
    public IReadOnlyList<string> ResourceNames { get; init; } = [];

    /// <summary>Non-resource URLs; a trailing <c>*</c> matches a prefix.</summary>
    public IReadOnlyList<string> NonResourceUrls { get; init; } = [];
}
