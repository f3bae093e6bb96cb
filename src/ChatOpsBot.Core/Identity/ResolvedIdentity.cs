namespace ChatOpsBot.Core.Identity;

/// <summary>Where an identity came from.</summary>
public enum IdentitySource
{
    /// <summary>Given on the command line or by configuration (<c>--as-user</c>, <c>--as-group</c>).</summary>
    Override,

    /// <summary>Pasted <c>kubectl auth whoami</c> output: exact.</summary>
    WhoAmI,

    /// <summary>An EKS access entry.</summary>
    AccessEntry,

    /// <summary>The <c>aws-auth</c> ConfigMap.</summary>
    AwsAuth,

    /// <summary>A ServiceAccount username, with the groups its token carries.</summary>
    ServiceAccount,

    /// <summary>Only what the error message says: the username, and no mapping found.</summary>
    ErrorMessage,
}

/// <summary>One identity that fits what is known, with the mapping it came from.</summary>
/// <param name="User">The Kubernetes username.</param>
/// <param name="Groups">All groups, implicit ones included (<c>system:authenticated</c>).</param>
/// <param name="Source">Where it came from.</param>
/// <param name="PrincipalArn">The IAM role or user ARN of the mapping, if any.</param>
/// <param name="Why">One phrase saying why it fits, for the report.</param>
/// <param name="UsernameTemplate">The mapping's username as written (<c>{{SessionName}}</c>), if any.</param>
public sealed record IdentityCandidate(
    string User,
    IReadOnlyList<string> Groups,
    IdentitySource Source,
    string? PrincipalArn,
    string Why,
    string? UsernameTemplate = null);

/// <summary>
/// The caller's Kubernetes identity as the diagnosis will use it: the best candidate, and
/// the others when the choice was a guess.
/// </summary>
public sealed record ResolvedIdentity
{
    /// <summary>The chosen identity.</summary>
    public required IdentityCandidate Chosen { get; init; }

    /// <summary>Every candidate, best first (includes <see cref="Chosen"/>).</summary>
    public IReadOnlyList<IdentityCandidate> Candidates { get; init; } = [];

    /// <summary>True when several identities fit and the first was picked by ranking.</summary>
    public bool IsGuess { get; init; }

    /// <summary>Problems found on the way (an unreadable mapping, an unmapped role), each a sentence.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The username.</summary>
    public string User => Chosen.User;

    /// <summary>The groups, implicit ones included.</summary>
    public IReadOnlyList<string> Groups => Chosen.Groups;

    /// <summary>True when no mapping of any kind explains the identity.</summary>
    public bool IsUnmapped => Chosen.Source == IdentitySource.ErrorMessage;
}

/// <summary>What the caller told us about who they are, beyond the error text.</summary>
public sealed record IdentityHints
{
    /// <summary><c>--as-user</c>: the exact username.</summary>
    public string? User { get; init; }

    /// <summary><c>--as-group</c>: exact groups (implicit groups are added).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary><c>--as-role</c>: the IAM role ARN (plain, with a path, or assumed-role form).</summary>
    public string? RoleArn { get; init; }

    /// <summary>True when nothing was given.</summary>
    public bool IsEmpty => User is null && Groups.Count == 0 && RoleArn is null;
}
