namespace ChatOpsBot.Core.Rbac;

/// <summary>Subject kinds a binding can name.</summary>
public static class SubjectKinds
{
    /// <summary>A user name.</summary>
    public const string User = "User";

    /// <summary>A group name.</summary>
    public const string Group = "Group";

    /// <summary>A ServiceAccount (name plus namespace).</summary>
    public const string ServiceAccount = "ServiceAccount";
}

/// <summary>A subject of a RoleBinding or ClusterRoleBinding.</summary>
public sealed record Subject(string Kind, string Name, string? Namespace = null);

/// <summary>What a binding grants: a Role (same namespace) or a ClusterRole.</summary>
public sealed record RoleRef(string Kind, string Name)
{
    /// <summary>True when the reference is to a ClusterRole.</summary>
    public bool IsClusterRole => Kind == "ClusterRole";
}

/// <summary>A label selector of an aggregation rule (matchLabels and matchExpressions).</summary>
public sealed record LabelSelector
{
    /// <summary>Labels that must all be present with these values.</summary>
    public IReadOnlyDictionary<string, string> MatchLabels { get; init; } =
        new Dictionary<string, string>();

    /// <summary>Set-based requirements.</summary>
    public IReadOnlyList<LabelRequirement> MatchExpressions { get; init; } = [];
}

/// <summary>
/// One set-based requirement: <c>In</c>, <c>NotIn</c>, <c>Exists</c>, <c>DoesNotExist</c>.
/// </summary>
public sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values);

/// <summary>A Role (namespaced) or ClusterRole (<see cref="Namespace"/> null).</summary>
public sealed record Role
{
    /// <summary>The role's name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace of a Role; null for a ClusterRole.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The rules as stored (for aggregated roles, possibly filled by the controller).
    /// </summary>
    public IReadOnlyList<PolicyRule> Rules { get; init; } = [];

    /// <summary>The role's labels (used by aggregation).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } =
        new Dictionary<string, string>();

    /// <summary>The aggregation selectors of an aggregated ClusterRole, or null.</summary>
    public IReadOnlyList<LabelSelector>? AggregationSelectors { get; init; }

    /// <summary>True for a ClusterRole.</summary>
    public bool IsClusterRole => Namespace is null;
}

/// <summary>
/// A RoleBinding (namespaced) or ClusterRoleBinding (<see cref="Namespace"/> null).
/// </summary>
public sealed record Binding
{
    /// <summary>The binding's name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace of a RoleBinding; null for a ClusterRoleBinding.</summary>
    public string? Namespace { get; init; }

    /// <summary>The role granted.</summary>
    public required RoleRef RoleRef { get; init; }

    /// <summary>Who is granted it.</summary>
    public IReadOnlyList<Subject> Subjects { get; init; } = [];

    /// <summary>True for a ClusterRoleBinding.</summary>
    public bool IsClusterRoleBinding => Namespace is null;
}

/// <summary>A Kubernetes user as the authorizer sees it.</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups);

/// <summary>
/// The attributes of one request, as the authorizer receives them. A resource request has
/// <see cref="IsResourceRequest"/> set; otherwise <see cref="Path"/> holds the URL.
/// </summary>
public sealed record RequestAttributes
{
    /// <summary>The verb (<c>get</c>, <c>create</c>, …).</summary>
    public required string Verb { get; init; }

    /// <summary>True for resource requests, false for non-resource URLs.</summary>
    public bool IsResourceRequest { get; init; } = true;

    /// <summary>The API group (<c>""</c> for core).</summary>
    public string ApiGroup { get; init; } = "";

    /// <summary>The resource (<c>pods</c>).</summary>
    public string Resource { get; init; } = "";

    /// <summary>The subresource (<c>exec</c>) or empty.</summary>
    public string Subresource { get; init; } = "";

    /// <summary>The namespace, empty for cluster scope.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>The object's name, empty when unknown or a collection.</summary>
    public string Name { get; init; } = "";

    /// <summary>The URL of a non-resource request.</summary>
    public string Path { get; init; } = "";

    /// <summary><c>resource/subresource</c>, or just the resource.</summary>
    public string CombinedResource =>
        Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";
}
