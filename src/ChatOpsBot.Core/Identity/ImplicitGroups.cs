namespace ChatOpsBot.Core.Identity;

/// <summary>
/// The groups the API server adds to every request's user on top of what the authenticator
/// returned: a SubjectAccessReview adds none, so the bot must.
/// </summary>
public static class ImplicitGroups
{
    /// <summary>Every authenticated user.</summary>
    public const string Authenticated = "system:authenticated";

    /// <summary>The anonymous user.</summary>
    public const string Unauthenticated = "system:unauthenticated";

    /// <summary>Every ServiceAccount.</summary>
    public const string ServiceAccounts = "system:serviceaccounts";

    /// <summary>The anonymous username.</summary>
    public const string AnonymousUser = "system:anonymous";

    /// <summary>
    /// The given groups (duplicates dropped, order kept) followed by the implicit groups the
    /// user lacks: <c>system:unauthenticated</c> for <c>system:anonymous</c>; for a ServiceAccount
    /// <c>system:serviceaccounts</c>, <c>system:serviceaccounts:NS</c> and
    /// <c>system:authenticated</c>; <c>system:authenticated</c> for anyone else. An empty
    /// username (nobody known) gets nothing added.
    /// </summary>
    /// <param name="username">The username.</param>
    /// <param name="groups">The groups known so far.</param>
    public static IReadOnlyList<string> AddTo(string username, IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(groups);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups.Concat(For(username)))
        {
            if (!string.IsNullOrEmpty(group) && seen.Add(group))
            {
                result.Add(group);
            }
        }

        return result;
    }

    /// <summary>The implicit groups alone.</summary>
    /// <param name="username">The username.</param>
    public static IReadOnlyList<string> For(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (username.Length == 0)
        {
            return [];
        }

        if (username == AnonymousUser)
        {
            return [Unauthenticated];
        }

        if (ServiceAccountUsername.TryParse(username, out var account))
        {
            return [ServiceAccounts, ServiceAccounts + ":" + account.Namespace, Authenticated];
        }

        return [Authenticated];
    }

    /// <summary>True for a group every user (or every ServiceAccount of a namespace) is in.</summary>
    /// <param name="group">The group name.</param>
    public static bool IsImplicit(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group is Authenticated or Unauthenticated or ServiceAccounts
            || group.StartsWith(ServiceAccounts + ":", StringComparison.Ordinal);
    }

    /// <summary>True for a name the platform chose, not one Kubernetes reserves (<c>system:</c>).</summary>
    /// <param name="name">A group or role name.</param>
    public static bool IsTeamGroup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return !name.StartsWith("system:", StringComparison.Ordinal);
    }
}
