namespace ChatOpsBot.Core.Identity;

/// <summary>
/// An EKS access entry, as <c>aws eks describe-access-entry</c> prints it. Access entries win
/// over <c>aws-auth</c> for the same IAM principal.
/// </summary>
public sealed record AccessEntry
{
    /// <summary>The IAM principal (role ARNs may carry a path).</summary>
    public required string PrincipalArn { get; init; }

    /// <summary>The Kubernetes username, or null for the EKS default.</summary>
    public string? Username { get; init; }

    /// <summary>Kubernetes groups of the entry.</summary>
    public IReadOnlyList<string> KubernetesGroups { get; init; } = [];

    /// <summary>STANDARD, EC2_LINUX, …</summary>
    public string Type { get; init; } = "STANDARD";
}
