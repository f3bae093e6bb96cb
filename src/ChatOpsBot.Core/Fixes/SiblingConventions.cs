using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Fixes;

/// <summary>
/// How other namespaces bind one of the identity's subjects: the convention to follow.
/// </summary>
/// <param name="Subject">The subject bound (one the identity has).</param>
/// <param name="RoleRef">The role it is bound to.</param>
/// <param name="NameTemplate">
/// The binding name with its namespace replaced by <c>{namespace}</c>.
/// </param>
/// <param name="Examples">The bindings showing it (namespace/name).</param>
public sealed record SiblingConvention(
    Subject Subject, RoleRef RoleRef, string NameTemplate, IReadOnlyList<Binding> Examples);

/// <summary>Finds how sibling namespaces bind the identity's subjects.</summary>
public static class SiblingConventions
{
    /// <summary>The placeholder for the namespace in a name template.</summary>
    public const string NamespacePlaceholder = "{namespace}";

    /// <summary>
    /// The conventions for <paramref name="subjects"/> in namespaces other than
    /// <paramref name="targetNamespace"/>, most common first.
    /// </summary>
    public static IReadOnlyList<SiblingConvention> Find(
        RbacPolicy policy, IReadOnlyList<Subject> subjects, string targetNamespace)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(subjects);

        var found = new Dictionary<(Subject, RoleRef, string), List<Binding>>();
        foreach (var binding in policy.AllRoleBindings)
        {
            if (binding.Namespace == targetNamespace)
            {
                continue;
            }

            foreach (var subject in binding.Subjects)
            {
                var normalized = Normalize(subject, binding.Namespace!);
                if (!subjects.Contains(normalized))
                {
                    continue;
                }

                var template = TemplateOf(binding.Name, binding.Namespace!);
                var key = (normalized, binding.RoleRef, template);
                if (!found.TryGetValue(key, out var examples))
                {
                    examples = [];
                    found[key] = examples;
                }

                examples.Add(binding);
            }
        }

        return found
            .OrderByDescending(pair => pair.Value.Count)
            .ThenBy(pair => subjects.ToList().IndexOf(pair.Key.Item1))
            .ThenBy(pair => pair.Key.Item2.Name, StringComparer.Ordinal)
            .Select(pair => new SiblingConvention(
                pair.Key.Item1, pair.Key.Item2, pair.Key.Item3, pair.Value))
            .ToList();
    }

    /// <summary>
    /// The name with its namespace replaced by the placeholder (when it holds it).
    /// </summary>
    public static string TemplateOf(string name, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(@namespace);
        return @namespace.Length > 0 && name.Contains(@namespace, StringComparison.Ordinal)
            ? name.Replace(@namespace, NamespacePlaceholder, StringComparison.Ordinal)
            : name;
    }

    private static Subject Normalize(Subject subject, string bindingNamespace) =>
        subject.Kind == SubjectKinds.ServiceAccount
            ? new Subject(
                subject.Kind,
                subject.Name,
                string.IsNullOrEmpty(subject.Namespace) ? bindingNamespace : subject.Namespace)
            : new Subject(subject.Kind, subject.Name);
}
