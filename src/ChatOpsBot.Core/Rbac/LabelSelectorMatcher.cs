namespace ChatOpsBot.Core.Rbac;

/// <summary>Kubernetes label-selector matching (matchLabels and matchExpressions).</summary>
public static class LabelSelectorMatcher
{
    /// <summary>
    /// True when every requirement holds. An empty selector matches everything, as in
    /// Kubernetes; aggregation callers decide whether that is meaningful.
    /// </summary>
    public static bool Matches(LabelSelector selector, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(labels);

        foreach (var (key, value) in selector.MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return selector.MatchExpressions.All(requirement => Holds(requirement, labels));
    }

    private static bool Holds(
        LabelRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var actual);
        return requirement.Operator switch
        {
            "In" => present && requirement.Values.Contains(actual!, StringComparer.Ordinal),
            "NotIn" => !present || !requirement.Values.Contains(actual!, StringComparer.Ordinal),
            "Exists" => present,
            "DoesNotExist" => !present,

            // An operator Kubernetes would have rejected selects nothing.
            _ => false,
        };
    }
}
