using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>
/// What the bot may be granted in a cluster: reading (get, list, watch) and one question, create
/// on subjectaccessreviews. Nothing by wildcard, no secrets, no subresources (pods/exec and
/// friends), ConfigMaps only as aws-auth in kube-system by name, and bindings only of the roles
/// the install itself defines, to ServiceAccounts it defines.
/// </summary>
internal static class LeastPrivilegePolicy
{
    /// <summary>Where EKS keeps the IAM-to-group mapping.</summary>
    public const string AwsAuthNamespace = "kube-system";

    /// <summary>The ConfigMap that holds it.</summary>
    public const string AwsAuthName = "aws-auth";

    private static readonly string[] ReadVerbs = ["get", "list", "watch"];

    /// <summary>Every way the objects grant more than that, one sentence each.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<object> objects)
    {
        var all = objects.ToList();
        var problems = new List<string>();
        foreach (var role in all.OfType<V1ClusterRole>())
        {
            if (role.AggregationRule is not null)
            {
                problems.Add(
                    $"ClusterRole {role.Name()} aggregates other roles, so its rules are not its own");
            }

            CheckRules($"ClusterRole {role.Name()}", role.Rules, roleNamespace: null, problems);
        }

        foreach (var role in all.OfType<V1Role>())
        {
            CheckRules($"Role {role.Namespace()}/{role.Name()}", role.Rules, role.Namespace(), problems);
        }

        CheckBindings(all, problems);
        return problems;
    }

    private static void CheckRules(
        string owner, IList<V1PolicyRule>? rules, string? roleNamespace, List<string> problems)
    {
        foreach (var rule in rules ?? [])
        {
            var groups = rule.ApiGroups ?? [];
            var resources = rule.Resources ?? [];
            var verbs = rule.Verbs ?? [];
            var what = $"{owner}: [{string.Join(", ", verbs)}] on [{string.Join(", ", resources)}]";
            if (rule.NonResourceURLs is { Count: > 0 })
            {
                problems.Add($"{owner} grants non-resource URLs [{string.Join(", ", rule.NonResourceURLs)}]");
            }

            if (groups.Contains("*") || resources.Contains("*") || verbs.Contains("*"))
            {
                problems.Add($"{what} uses a wildcard");
            }

            if (!IsSubjectAccessReview(rule) && verbs.Except(ReadVerbs, StringComparer.Ordinal).Any())
            {
                problems.Add($"{what} grants more than get, list and watch "
                             + "(only create on subjectaccessreviews in authorization.k8s.io may)");
            }

            var subresources = resources.Where(resource => resource.Contains('/', StringComparison.Ordinal));
            foreach (var resource in subresources)
            {
                problems.Add($"{what} grants the subresource {resource}");
            }

            if (resources.Contains("secrets"))
            {
                problems.Add($"{what} reads Secrets");
            }

            if (resources.Contains("configmaps") && !IsAwsAuthRead(rule, roleNamespace))
            {
                problems.Add($"{what} reads ConfigMaps: only get on {AwsAuthName} in {AwsAuthNamespace}, "
                             + "by resourceNames, is allowed");
            }
        }
    }

    private static void CheckBindings(List<object> all, List<string> problems)
    {
        var clusterRoles = all.OfType<V1ClusterRole>()
            .Select(role => role.Name())
            .ToHashSet(StringComparer.Ordinal);
        var roles = all.OfType<V1Role>().Select(role => (role.Namespace(), role.Name())).ToHashSet();
        var accounts = all.OfType<V1ServiceAccount>()
            .Select(account => (account.Namespace(), account.Name()))
            .ToHashSet();

        foreach (var binding in all.OfType<V1ClusterRoleBinding>())
        {
            var owner = $"ClusterRoleBinding {binding.Name()}";
            if (binding.RoleRef.Kind != "ClusterRole" || !clusterRoles.Contains(binding.RoleRef.Name))
            {
                problems.Add($"{owner} binds {binding.RoleRef.Kind} {binding.RoleRef.Name}, "
                             + "which this install does not define "
                             + "(a built-in role grants more than the bot needs)");
            }

            CheckSubjects(owner, binding.Subjects, accounts, problems);
        }

        foreach (var binding in all.OfType<V1RoleBinding>())
        {
            var owner = $"RoleBinding {binding.Namespace()}/{binding.Name()}";
            var defined = binding.RoleRef.Kind switch
            {
                "Role" => roles.Contains((binding.Namespace(), binding.RoleRef.Name)),
                "ClusterRole" => clusterRoles.Contains(binding.RoleRef.Name),
                _ => false,
            };
            if (!defined)
            {
                problems.Add($"{owner} binds {binding.RoleRef.Kind} {binding.RoleRef.Name}, "
                             + "which this install does not define in that namespace");
            }

            CheckSubjects(owner, binding.Subjects, accounts, problems);
        }
    }

    private static void CheckSubjects(
        string owner,
        IList<Rbacv1Subject>? subjects,
        HashSet<(string, string)> accounts,
        List<string> problems)
    {
        if (subjects is null || subjects.Count == 0)
        {
            problems.Add($"{owner} has no subjects");
            return;
        }

        foreach (var subject in subjects)
        {
            var isOwnAccount = subject.Kind == "ServiceAccount"
                               && accounts.Contains((subject.NamespaceProperty, subject.Name));
            if (!isOwnAccount)
            {
                problems.Add($"{owner} grants to {subject.Kind} {subject.NamespaceProperty}/{subject.Name}, "
                             + "not to a ServiceAccount this install defines");
            }
        }
    }

    private static bool IsSubjectAccessReview(V1PolicyRule rule) =>
        Only(rule.ApiGroups, "authorization.k8s.io") && Only(rule.Resources, "subjectaccessreviews")
        && Only(rule.Verbs, "create") && rule.ResourceNames is null or { Count: 0 };

    private static bool IsAwsAuthRead(V1PolicyRule rule, string? roleNamespace) =>
        roleNamespace == AwsAuthNamespace && Only(rule.ApiGroups, "") && Only(rule.Resources, "configmaps")
        && Only(rule.ResourceNames, AwsAuthName) && Only(rule.Verbs, "get");

    private static bool Only(IList<string>? values, string value) =>
        values is [var single] && single == value;
}
