using ChatOpsBot.Core.Rbac;
using k8s.Models;

namespace ChatOpsBot.Kubernetes.Mapping;

/// <summary>
/// Turns KubernetesClient's API objects into the engine's own RBAC records. Both cluster
/// sources (snapshot and live) go through here, so the engine sees one shape.
/// </summary>
public static class KubernetesObjectMapper
{
    /// <summary>A Role.</summary>
    public static Role ToRole(V1Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new Role
        {
            Name = NameOf(role.Metadata),
            Namespace = role.Metadata?.NamespaceProperty ?? "default",
            Rules = ToRules(role.Rules),
            Labels = LabelsOf(role.Metadata),
        };
    }

    /// <summary>A ClusterRole, with its aggregation selectors when it has any.</summary>
    public static Role ToRole(V1ClusterRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new Role
        {
            Name = NameOf(role.Metadata),
            Namespace = null,
            Rules = ToRules(role.Rules),
            Labels = LabelsOf(role.Metadata),
            AggregationSelectors = role.AggregationRule?.ClusterRoleSelectors?
                .Where(selector => selector is not null)
                .Select(ToSelector)
                .ToList(),
        };
    }

    /// <summary>A RoleBinding.</summary>
    public static Binding ToBinding(V1RoleBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new Binding
        {
            Name = NameOf(binding.Metadata),
            Namespace = binding.Metadata?.NamespaceProperty ?? "default",
            RoleRef = new RoleRef(binding.RoleRef?.Kind ?? "", binding.RoleRef?.Name ?? ""),
            Subjects = ToSubjects(binding.Subjects),
        };
    }

    /// <summary>A ClusterRoleBinding.</summary>
    public static Binding ToBinding(V1ClusterRoleBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new Binding
        {
            Name = NameOf(binding.Metadata),
            Namespace = null,
            RoleRef = new RoleRef(binding.RoleRef?.Kind ?? "", binding.RoleRef?.Name ?? ""),
            Subjects = ToSubjects(binding.Subjects),
        };
    }

    /// <summary>Policy rules; null lists become empty ones.</summary>
    public static IReadOnlyList<PolicyRule> ToRules(IEnumerable<V1PolicyRule>? rules) =>
        rules?.Where(rule => rule is not null).Select(rule => new PolicyRule
        {
            Verbs = Copy(rule.Verbs),
            ApiGroups = Copy(rule.ApiGroups),
            Resources = Copy(rule.Resources),
            ResourceNames = Copy(rule.ResourceNames),
            NonResourceUrls = Copy(rule.NonResourceURLs),
        }).ToList() ?? [];

    private static List<Subject> ToSubjects(IEnumerable<Rbacv1Subject>? subjects) =>
        subjects?.Where(subject => subject is not null)
            .Select(subject => new Subject(
                subject.Kind ?? "", subject.Name ?? "", subject.NamespaceProperty))
            .ToList() ?? [];

    private static LabelSelector ToSelector(V1LabelSelector selector) => new()
    {
        MatchLabels = selector.MatchLabels is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(selector.MatchLabels, StringComparer.Ordinal),
        MatchExpressions = selector.MatchExpressions?
            .Where(expression => expression is not null)
            .Select(expression => new LabelRequirement(
                expression.Key ?? "", expression.OperatorProperty ?? "", Copy(expression.Values)))
            .ToList() ?? [],
    };

    private static string NameOf(V1ObjectMeta? metadata) => metadata?.Name ?? "";

    private static Dictionary<string, string> LabelsOf(V1ObjectMeta? metadata) =>
        metadata?.Labels is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(metadata.Labels, StringComparer.Ordinal);

    private static string[] Copy(IEnumerable<string>? values) =>
        values?.Where(value => value is not null).ToArray() ?? [];
}
