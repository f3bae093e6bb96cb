using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Fixes;

/// <summary>
/// Orders roles by how much they grant, so a fix can pick the least-privileged role that
/// still covers a request. A wildcard counts for far more than any single permission.
/// </summary>
public static class RolePrivilege
{
    private const long WildcardWeight = 1_000;

    /// <summary>A score that grows with what the rules allow.</summary>
    public static long Score(IEnumerable<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        long score = 0;
        foreach (var rule in rules)
        {
            score += Weight(rule.Verbs) * Weight(rule.ApiGroups.Count == 0 ? [""] : rule.ApiGroups)
                * Weight(rule.Resources.Count == 0 ? rule.NonResourceUrls : rule.Resources)
                / (rule.ResourceNames.Count == 0 ? 1 : 2);
        }

        return score;
    }

    /// <summary>True when every request is allowed by some rule.</summary>
    public static bool CoversAll(
        IReadOnlyList<PolicyRule> rules, IEnumerable<RequestAttributes> requests)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(requests);
        return requests.All(request => rules.Any(rule => RuleMatcher.Allows(rule, request)));
    }

    private static long Weight(IReadOnlyList<string> values) =>
        values.Sum(value => value.Contains('*', StringComparison.Ordinal) ? WildcardWeight : 1L);
}
