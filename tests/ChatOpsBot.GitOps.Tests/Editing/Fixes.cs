using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Fixes;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.GitOps.Tests.Editing;

/// <summary>Fixes as the diagnosis engine writes them (through its own manifest writer).</summary>
internal static class Fixes
{
    public static ProposedFix RoleBinding(
        string name = "rb:hello", string @namespace = "hello", string role = "edit",
        string subject = "fake_company:server", string subjectKind = "Group", string roleKind = "ClusterRole")
    {
        var binding = new Binding
        {
            Name = name,
            Namespace = @namespace,
            RoleRef = new RoleRef(roleKind, role),
            Subjects = [new Subject(subjectKind, subject)],
        };
        return new ProposedFix("RoleBinding", @namespace, name, ManifestWriter.Write(binding),
            $"RoleBinding {name} in {@namespace} binds {roleKind} {role} to {subjectKind} {subject}.");
    }

    public static ProposedFix ClusterRoleBinding(string name, string role, string subject)
    {
        var binding = new Binding
        {
            Name = name,
            RoleRef = new RoleRef("ClusterRole", role),
            Subjects = [new Subject("Group", subject)],
        };
        return new ProposedFix("ClusterRoleBinding", null, name, ManifestWriter.Write(binding, "CLUSTER-WIDE"),
            $"ClusterRoleBinding {name} binds {role} to {subject}.");
    }

    public static ProposedFix RoleAndBinding(string @namespace, string roleName, string subject)
    {
        var role = new Role
        {
            Name = roleName,
            Namespace = @namespace,
            Rules = [new PolicyRule { ApiGroups = [""], Resources = ["pods/exec"], Verbs = ["create", "get"] }],
        };
        var binding = new Binding
        {
            Name = $"{roleName}-binding",
            Namespace = @namespace,
            RoleRef = new RoleRef("Role", roleName),
            Subjects = [new Subject("Group", subject)],
        };
        var yaml = ManifestWriter.Write(role, "No existing role covers the request.") + "---\n" + ManifestWriter.Write(binding);
        return new ProposedFix("RoleBinding", @namespace, binding.Name, yaml, "Role and binding.");
    }

    public static string SeedFile() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rbac-repo", "fake-company-dev-a.yaml"));
}
