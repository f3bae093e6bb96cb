namespace ChatOpsBot.Core.Rbac;

/// <summary>
/// Whether one set of rules grants everything another does: Kubernetes' escalation check,
/// used here to compare roles by privilege and to verify proposed fixes.
/// </summary>
public static class RuleCoverage
{
    /// <summary>
    /// True when <paramref name="owner"/> covers every atomic permission of
    /// <paramref name="servant"/>; also returns the atomic rules left uncovered.
    /// </summary>
    public static (bool Covered, IReadOnlyList<PolicyRule> Uncovered) Covers(
        IReadOnlyList<PolicyRule> owner, IEnumerable<PolicyRule> servant)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(servant);

        var uncovered = servant
            .SelectMany(Breakdown)
            .Where(atomic => !owner.Any(rule => RuleCovers(rule, atomic)))
            .ToList();
        return (uncovered.Count == 0, uncovered);
    }

    /// <summary>
    /// Splits a rule into one rule per verb × group × resource (× name), and per URL × verb.
    /// </summary>
    public static IEnumerable<PolicyRule> Breakdown(PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);

        foreach (var group in rule.ApiGroups)
        {
            foreach (var resource in rule.Resources)
            {
                foreach (var verb in rule.Verbs)
                {
                    if (rule.ResourceNames.Count == 0)
                    {
                        yield return new PolicyRule
                        {
                            ApiGroups = [group], Resources = [resource], Verbs = [verb],
                        };
                        continue;
                    }

                    foreach (var name in rule.ResourceNames)
                    {
                        yield return new PolicyRule
                        {
                            ApiGroups = [group],
                            Resources = [resource],
                            Verbs = [verb],
                            ResourceNames = [name],
                        };
                    }
                }
            }
        }

        foreach (var url in rule.NonResourceUrls)
        {
            foreach (var verb in rule.Verbs)
            {
                yield return new PolicyRule { NonResourceUrls = [url], Verbs = [verb] };
            }
        }
    }

    /// <summary>
    /// True when <paramref name="owner"/> grants everything the single
    /// <paramref name="sub"/> rule does.
    /// </summary>
    public static bool RuleCovers(PolicyRule owner, PolicyRule sub)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(sub);

        var verbs = owner.Verbs.Contains(RuleMatcher.All)
            || ContainsAll(owner.Verbs, sub.Verbs);
        var groups = owner.ApiGroups.Contains(RuleMatcher.All)
            || ContainsAll(owner.ApiGroups, sub.ApiGroups);
        var resources = ResourcesCoverAll(owner.Resources, sub.Resources);
        var urls = sub.NonResourceUrls
            .All(url => owner.NonResourceUrls.Any(own => UrlCovers(own, url)));
        var names = sub.ResourceNames.Count == 0
            ? owner.ResourceNames.Count == 0
            : owner.ResourceNames.Count == 0 || ContainsAll(owner.ResourceNames, sub.ResourceNames);
        return verbs && groups && resources && names && urls;
    }

    /// <summary>True when an owner URL pattern covers a requested URL (or URL pattern).</summary>
    public static bool UrlCovers(string owner, string requested)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(requested);
        return owner == requested
            || (owner.EndsWith('*')
                && requested.StartsWith(owner.TrimEnd('*'), StringComparison.Ordinal));
    }

    private static bool ResourcesCoverAll(
        IReadOnlyList<string> owner, IReadOnlyList<string> requested)
    {
        if (owner.Contains(RuleMatcher.All) || ContainsAll(owner, requested))
        {
            return true;
        }

        foreach (var resource in requested)
        {
            if (owner.Contains(resource))
            {
                continue;
            }

            var slash = resource.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !owner.Contains("*/" + resource[(slash + 1)..]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsAll(IReadOnlyList<string> set, IReadOnlyList<string> values) =>
        values.All(value => set.Contains(value, StringComparer.Ordinal));
}
