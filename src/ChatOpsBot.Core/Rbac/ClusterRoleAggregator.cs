namespace ChatOpsBot.Core.Rbac;

/// <summary>
/// Computes the rules of aggregated ClusterRoles the way the aggregation controller does:
/// the rules of every ClusterRole whose labels match a selector, roles in name order, exact
/// duplicates dropped. The role's own stored rules are replaced, not kept.
/// </summary>
public static class ClusterRoleAggregator
{
    /// <summary>
    /// One sync of the controller: the rules <paramref name="aggregated"/> gets from the stored
    /// rules of the other ClusterRoles in <paramref name="clusterRoles"/>.
    /// </summary>
    public static IReadOnlyList<PolicyRule> Aggregate(
        Role aggregated, IEnumerable<Role> clusterRoles)
    {
        ArgumentNullException.ThrowIfNull(aggregated);
        ArgumentNullException.ThrowIfNull(clusterRoles);
        return Aggregate(aggregated, clusterRoles, role => role.Rules);
    }

    /// <summary>
    /// As <see cref="Aggregate(Role, IEnumerable{Role})"/>, taking each source's rules from
    /// <paramref name="rulesOf"/> (so nested aggregation can be resolved by the caller).
    /// </summary>
    public static IReadOnlyList<PolicyRule> Aggregate(
        Role aggregated,
        IEnumerable<Role> clusterRoles,
        Func<Role, IReadOnlyList<PolicyRule>> rulesOf)
    {
        ArgumentNullException.ThrowIfNull(aggregated);
        ArgumentNullException.ThrowIfNull(clusterRoles);
        ArgumentNullException.ThrowIfNull(rulesOf);

        var rules = new List<PolicyRule>();
        foreach (var source in Sources(aggregated, clusterRoles))
        {
            foreach (var rule in rulesOf(source))
            {
                if (!rules.Any(existing => PolicyRuleComparer.Instance.Equals(existing, rule)))
                {
                    rules.Add(rule);
                }
            }
        }

        return rules;
    }

    /// <summary>The ClusterRoles an aggregated role draws from, in name order.</summary>
    public static IEnumerable<Role> Sources(Role aggregated, IEnumerable<Role> clusterRoles)
    {
        ArgumentNullException.ThrowIfNull(aggregated);
        ArgumentNullException.ThrowIfNull(clusterRoles);

        var selectors = aggregated.AggregationSelectors ?? [];

        // An empty selector would match every role; the controller's own cluster would not be
        // usable with one, so treat it as selecting nothing rather than everything.
        var usable = selectors
            .Where(selector =>
                selector.MatchLabels.Count > 0 || selector.MatchExpressions.Count > 0)
            .ToList();

        return clusterRoles
            .Where(role => role.IsClusterRole && role.Name != aggregated.Name)
            .Where(role =>
                usable.Any(selector => LabelSelectorMatcher.Matches(selector, role.Labels)))
            .OrderBy(role => role.Name, StringComparer.Ordinal);
    }
}
