using System.Text;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Fixes;

/// <summary>
/// Writes the RBAC objects a fix proposes as YAML in the layout <c>kubectl get -o yaml</c>
/// users know, every scalar written by <see cref="YamlScalar"/>.
/// </summary>
public static class ManifestWriter
{
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";
    private const string RbacGroup = "rbac.authorization.k8s.io";

    /// <summary>A RoleBinding or ClusterRoleBinding (by <see cref="Binding.Namespace"/>).</summary>
    public static string Write(Binding binding, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var yaml = new StringBuilder();
        AppendComment(yaml, comment);
        yaml.Append("apiVersion: ").Append(RbacApiVersion).Append('\n');
        var kind = binding.IsClusterRoleBinding ? "ClusterRoleBinding" : "RoleBinding";
        yaml.Append("kind: ").Append(kind).Append('\n');
        AppendMetadata(yaml, binding.Name, binding.Namespace);
        yaml.Append("roleRef:\n");
        yaml.Append("  apiGroup: ").Append(RbacGroup).Append('\n');
        yaml.Append("  kind: ").Append(YamlScalar.Write(binding.RoleRef.Kind)).Append('\n');
        yaml.Append("  name: ").Append(YamlScalar.Write(binding.RoleRef.Name)).Append('\n');
        yaml.Append("subjects:\n");
        foreach (var subject in binding.Subjects)
        {
            var first = true;
            foreach (var (key, value) in SubjectFields(subject))
            {
                yaml.Append(first ? "  - " : "    ")
                    .Append(key).Append(": ").Append(YamlScalar.Write(value)).Append('\n');
                first = false;
            }
        }

        return yaml.ToString();
    }

    /// <summary>
    /// A Role (or ClusterRole when <see cref="Role.Namespace"/> is null) with its rules.
    /// </summary>
    public static string Write(Role role, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(role);
        var yaml = new StringBuilder();
        AppendComment(yaml, comment);
        yaml.Append("apiVersion: ").Append(RbacApiVersion).Append('\n');
        yaml.Append("kind: ").Append(role.IsClusterRole ? "ClusterRole" : "Role").Append('\n');
        AppendMetadata(yaml, role.Name, role.Namespace);
        yaml.Append("rules:\n");
        foreach (var rule in role.Rules)
        {
            var first = true;
            foreach (var (key, values) in RuleFields(rule))
            {
                yaml.Append(first ? "  - " : "    ").Append(key).Append(":\n");
                foreach (var value in values)
                {
                    yaml.Append("      - ").Append(YamlScalar.Quote(value)).Append('\n');
                }

                first = false;
            }
        }

        return yaml.ToString();
    }

    private static void AppendComment(StringBuilder yaml, string? comment)
    {
        if (string.IsNullOrEmpty(comment))
        {
            return;
        }

        // One comment line per line of text; a line break in the text cannot escape the comment.
        foreach (var line in comment.Split('\n'))
        {
            yaml.Append("# ").Append(line.Replace("\r", "", StringComparison.Ordinal)).Append('\n');
        }
    }

    private static void AppendMetadata(StringBuilder yaml, string name, string? @namespace)
    {
        yaml.Append("metadata:\n");
        yaml.Append("  name: ").Append(YamlScalar.Write(name)).Append('\n');
        if (@namespace is not null)
        {
            yaml.Append("  namespace: ").Append(YamlScalar.Write(@namespace)).Append('\n');
        }
    }

    private static IEnumerable<(string Key, string Value)> SubjectFields(Subject subject)
    {
        if (subject.Kind != SubjectKinds.ServiceAccount)
        {
            yield return ("apiGroup", RbacGroup);
        }

        yield return ("kind", subject.Kind);
        yield return ("name", subject.Name);
        if (subject.Kind == SubjectKinds.ServiceAccount && !string.IsNullOrEmpty(subject.Namespace))
        {
            yield return ("namespace", subject.Namespace);
        }
    }

    private static IEnumerable<(string Key, IReadOnlyList<string> Values)> RuleFields(
        PolicyRule rule)
    {
        if (rule.NonResourceUrls.Count > 0)
        {
            yield return ("nonResourceURLs", rule.NonResourceUrls);
        }
        else
        {
            yield return ("apiGroups", rule.ApiGroups);
            yield return ("resources", rule.Resources);
            if (rule.ResourceNames.Count > 0)
            {
                yield return ("resourceNames", rule.ResourceNames);
            }
        }

        yield return ("verbs", rule.Verbs);
    }
}
