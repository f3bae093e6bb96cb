using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Storage.Json;

/// <summary>The stored form of an <see cref="AccessAttempt"/>.</summary>
internal sealed class AttemptDto
{
    public AttemptKind Kind { get; set; }

    public string? User { get; set; }

    public List<string>? Groups { get; set; }

    public string? Verb { get; set; }

    public string? Resource { get; set; }

    public string? Subresource { get; set; }

    public string? ApiGroup { get; set; }

    public string? Namespace { get; set; }

    public string? Name { get; set; }

    public string? Reason { get; set; }

    public string? NonResourceUrl { get; set; }

    public bool ClusterScope { get; set; }

    public static AttemptDto From(AccessAttempt attempt) => new()
    {
        Kind = attempt.Kind,
        User = attempt.User,
        Groups = attempt.Groups is null ? null : [.. attempt.Groups],
        Verb = attempt.Verb,
        Resource = attempt.Resource,
        Subresource = attempt.Subresource,
        ApiGroup = attempt.ApiGroup,
        Namespace = attempt.Namespace,
        Name = attempt.Name,
        Reason = attempt.Reason,
        NonResourceUrl = attempt.NonResourceUrl,
        ClusterScope = attempt.ClusterScope,
    };

    public AccessAttempt ToModel() => new()
    {
        Kind = Kind,
        User = User,
        Groups = Groups,
        Verb = Verb,
        Resource = Resource,
        Subresource = Subresource,
        ApiGroup = ApiGroup,
        Namespace = Namespace,
        Name = Name,
        Reason = Reason,
        NonResourceUrl = NonResourceUrl,
        ClusterScope = ClusterScope,
    };
}
