namespace ChatOpsBot.Core.Identity;

/// <summary>
/// The mappings that can apply on a cluster: access entries, then the <c>aws-auth</c> entries
/// the authenticator would really use (not hidden by a later duplicate, not carrying a role
/// path, not overridden by an access entry for the same principal).
/// </summary>
internal sealed class IdentityMappingSet
{
    private IdentityMappingSet(List<IdentityMapping> mappings, AwsAuthMap awsAuth, bool hasData)
    {
        Mappings = mappings;
        AwsAuth = awsAuth;
        HasData = hasData;
    }

    /// <summary>Every effective mapping, access entries first, each in written order.</summary>
    internal IReadOnlyList<IdentityMapping> Mappings { get; }

    /// <summary>The parsed aws-auth map.</summary>
    internal AwsAuthMap AwsAuth { get; }

    /// <summary>True when the cluster has an aws-auth ConfigMap or access entries at all.</summary>
    internal bool HasData { get; }

    internal static IdentityMappingSet Build(
        IReadOnlyList<AccessEntry> accessEntries, AwsAuthMap awsAuth, bool hasAwsAuth)
    {
        var mappings = new List<IdentityMapping>();
        foreach (var entry in accessEntries)
        {
            var principal = AwsPrincipalArn.TryParse(entry.PrincipalArn, out var parsed) ? parsed : null;
            mappings.Add(new IdentityMapping(
                IdentitySource.AccessEntry,
                "access entry",
                entry.PrincipalArn,
                principal,
                AccessEntryDefaults.EffectiveUsername(entry),
                entry.KubernetesGroups,
                mappings.Count));
        }

        var entryPrincipals = mappings.Select(m => m.Principal).OfType<AwsPrincipalArn>().ToList();
        AddAwsAuth(mappings, awsAuth.Roles, "aws-auth mapRoles", entryPrincipals);
        AddAwsAuth(mappings, awsAuth.Users, "aws-auth mapUsers", entryPrincipals);
        return new IdentityMappingSet(mappings, awsAuth, hasAwsAuth || accessEntries.Count > 0);
    }

    /// <summary>
    /// The mapping the cluster uses for a principal: its access entry, else the aws-auth
    /// entry for its canonical ARN (mapRoles, then mapUsers, as the authenticator looks).
    /// </summary>
    internal IdentityMapping? Find(AwsPrincipalArn principal) =>
        Mappings.FirstOrDefault(m => m.Source == IdentitySource.AccessEntry
                && m.Principal is not null && m.Principal.SamePrincipal(principal))
        ?? Mappings.FirstOrDefault(m => m.Source == IdentitySource.AwsAuth
                && string.Equals(m.Arn, principal.CanonicalArn, StringComparison.OrdinalIgnoreCase));

    /// <summary>The aws-auth entry an access entry overrides for this principal, if any.</summary>
    internal AwsAuthMapping? OverriddenAwsAuthEntry(AwsPrincipalArn principal)
    {
        var all = AwsAuth.Roles.Concat(AwsAuth.Users);
        return all.LastOrDefault(m =>
            string.Equals(m.Arn, principal.CanonicalArn, StringComparison.OrdinalIgnoreCase));
    }

    private static void AddAwsAuth(
        List<IdentityMapping> mappings,
        IReadOnlyList<AwsAuthMapping> entries,
        string section,
        List<AwsPrincipalArn> entryPrincipals)
    {
        // The authenticator keys its map by ARN, so only the last entry of an ARN survives.
        var lastIndexByArn = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            lastIndexByArn[entries[i].Arn] = i;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var principal = AwsPrincipalArn.TryParse(entry.Arn, out var parsed) ? parsed : null;
            var neverMatches = entry.Arn.Length == 0
                || principal is { Kind: AwsPrincipalKind.Role } && principal.Path != "/";
            var overridden = principal is not null && entryPrincipals.Any(p => p.SamePrincipal(principal));
            if (neverMatches || overridden || lastIndexByArn[entry.Arn] != i)
            {
                continue;
            }

            mappings.Add(new IdentityMapping(
                IdentitySource.AwsAuth,
                section,
                entry.Arn,
                principal,
                entry.Username,
                entry.Groups,
                mappings.Count));
        }
    }
}
