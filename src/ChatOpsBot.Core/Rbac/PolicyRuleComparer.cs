namespace ChatOpsBot.Core.Rbac;

/// <summary>Value equality of policy rules (the record's lists compare by reference).</summary>
public sealed class PolicyRuleComparer : IEqualityComparer<PolicyRule>
{
    /// <summary>The shared instance.</summary>
    public static PolicyRuleComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(PolicyRule? x, PolicyRule? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        return x.Verbs.SequenceEqual(y.Verbs, StringComparer.Ordinal)
            && x.ApiGroups.SequenceEqual(y.ApiGroups, StringComparer.Ordinal)
            && x.Resources.SequenceEqual(y.Resources, StringComparer.Ordinal)
            && x.ResourceNames.SequenceEqual(y.ResourceNames, StringComparer.Ordinal)
            && x.NonResourceUrls.SequenceEqual(y.NonResourceUrls, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public int GetHashCode(PolicyRule obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var value in obj.Verbs.Concat(obj.ApiGroups).Concat(obj.Resources))
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
