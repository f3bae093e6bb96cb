namespace ChatOpsBot.Core.Identity;

/// <summary>
/// One <c>mapRoles</c> or <c>mapUsers</c> entry of the <c>aws-auth</c> ConfigMap.
/// </summary>
/// <param name="Arn">
/// The IAM role or user ARN as written (<c>rolearn</c> / <c>userarn</c>); empty when the entry
/// has none.
/// </param>
/// <param name="Username">The username template (<c>{{SessionName}}</c> and friends allowed).</param>
/// <param name="Groups">The group templates, in the order written.</param>
public sealed record AwsAuthMapping(string Arn, string Username, IReadOnlyList<string> Groups);

/// <summary>What the authenticator would load from the <c>aws-auth</c> ConfigMap.</summary>
public sealed record AwsAuthMap
{
    /// <summary>The <c>mapRoles</c> entries, in the order written.</summary>
    public IReadOnlyList<AwsAuthMapping> Roles { get; init; } = [];

    /// <summary>The <c>mapUsers</c> entries, in the order written.</summary>
    public IReadOnlyList<AwsAuthMapping> Users { get; init; } = [];

    /// <summary>The <c>mapAccounts</c> account ids: any principal of these accounts is let in.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Parts that could not be read, or will never match, each as one sentence.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>A map with nothing in it.</summary>
    public static AwsAuthMap Empty { get; } = new();

    /// <summary>
    /// The <c>mapRoles</c> entry the authenticator uses for a role: ARNs compare without case,
    /// the role's path is not part of the compared ARN, and the last of duplicate entries wins.
    /// </summary>
    /// <param name="role">The role, in any ARN form.</param>
    /// <returns>The entry, or null when the role is not mapped.</returns>
    public AwsAuthMapping? FindRole(AwsPrincipalArn role)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (!role.IsRole)
        {
            return null;
        }

        return FindLast(Roles, role.CanonicalArn);
    }

    /// <summary>The <c>mapUsers</c> entry for an IAM user (compared without case, last wins).</summary>
    /// <param name="user">The user ARN.</param>
    /// <returns>The entry, or null.</returns>
    public AwsAuthMapping? FindUser(AwsPrincipalArn user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Kind != AwsPrincipalKind.User)
        {
            return null;
        }

        return FindLast(Users, user.CanonicalArn);
    }

    /// <summary>True when <c>mapAccounts</c> lets every principal of the account in.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    public bool AllowsAccount(string accountId) =>
        Accounts.Any(account => string.Equals(account, accountId, StringComparison.Ordinal));

    /// <summary>True when a later entry for the same ARN hides this one.</summary>
    /// <param name="mapping">An entry of <see cref="Roles"/> or <see cref="Users"/>.</param>
    public bool IsShadowed(AwsAuthMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var list = Roles.Contains(mapping) ? Roles : Users;
        var last = FindLast(list, mapping.Arn);
        return last is not null && !ReferenceEquals(last, mapping);
    }

    private static AwsAuthMapping? FindLast(IReadOnlyList<AwsAuthMapping> mappings, string arn)
    {
        for (var i = mappings.Count - 1; i >= 0; i--)
        {
            if (string.Equals(mappings[i].Arn, arn, StringComparison.OrdinalIgnoreCase))
            {
                return mappings[i];
            }
        }

        return null;
    }
}
