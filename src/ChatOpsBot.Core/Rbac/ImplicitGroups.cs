namespace ChatOpsBot.Core.Rbac;

/// <summary>The groups Kubernetes adds by itself, which no mapping or binding convention names.</summary>
public static class ImplicitGroups
{
    /// <summary>Every authenticated user.</summary>
    public const string Authenticated = "system:authenticated";

    /// <summary>Anonymous requests.</summary>
    public const string Unauthenticated = "system:unauthenticated";

    /// <summary>Every ServiceAccount.</summary>
    public const string ServiceAccounts = "system:serviceaccounts";

    /// <summary>True for a group every user (or every ServiceAccount of a namespace) is in.</summary>
    public static bool IsImplicit(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group is Authenticated or Unauthenticated or ServiceAccounts
            || group.StartsWith(ServiceAccounts + ":", StringComparison.Ordinal);
    }

    /// <summary>True for a group the platform assigns on purpose (not implicit, not <c>system:</c>).</summary>
    public static bool IsTeamGroup(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return !group.StartsWith("system:", StringComparison.Ordinal);
    }
}
