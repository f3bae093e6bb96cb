using ChatOpsBot.GitOps.Editing;
using k8s;
using k8s.Models;

namespace ChatOpsBot.GitOps.Tests.Editing;

public class NamespaceLayoutTests
{
    [Fact]
    public void One_file_per_namespace_gets_a_new_file_listed_in_the_folder_kustomization()
    {
        const string kustomization = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            # one file per namespace
            resources:
              - goodbye.yaml
              - platform.yaml
            commonLabels:
              owner: platform
            """;
        var files = RbacFileEditorTests.Files(
            ("rbac/goodbye.yaml", Binding("goodbye", "edit", "fake_company:server")),
            ("rbac/platform.yaml", Binding("platform", "admin", "fake_company:platform")),
            ("rbac/kustomization.yaml", kustomization));

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(files, Fixes.RoleBinding()));

        Assert.Equal("rbac/hello.yaml", plan.TargetPath);
        Assert.Equal(2, plan.Changes.Count);
        var file = plan.Changes[0];
        Assert.True(file.IsNewFile);
        Assert.StartsWith("# hello namespace\napiVersion:", file.NewText, StringComparison.Ordinal);
        Assert.Equal("rb:hello",
            Assert.IsType<V1RoleBinding>(
                Assert.Single(KubernetesYaml.LoadAllFromString(file.NewText))).Metadata.Name);

        var listed = plan.Changes[1];
        Assert.Equal("rbac/kustomization.yaml", listed.Path);
        Assert.Equal(kustomization.Replace("  - goodbye.yaml\n",
            "  - goodbye.yaml\n  - hello.yaml\n", StringComparison.Ordinal), listed.NewText);
        Assert.Equal("  - hello.yaml\n", listed.AddedText);
    }

    [Fact]
    public void Folder_per_namespace_gets_a_new_folder_with_its_kustomization_and_the_parent_lists_it()
    {
        const string parent = "resources:\n- ./goodbye\n- ./platform\n";
        const string goodbyeKustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\n"
            + "kind: Kustomization\nnamespace: goodbye\nresources:\n  - rbac.yaml\n  - quota.yaml\n";
        var files = RbacFileEditorTests.Files(
            ("namespaces/goodbye/rbac.yaml", Binding("goodbye", "edit", "fake_company:server")),
            ("namespaces/goodbye/quota.yaml",
                "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: goodbye}\n"),
            ("namespaces/goodbye/kustomization.yaml", goodbyeKustomization),
            ("namespaces/platform/rbac.yaml", Binding("platform", "admin", "fake_company:platform")),
            ("namespaces/platform/kustomization.yaml", "resources:\n  - rbac.yaml\n"),
            ("namespaces/kustomization.yaml", parent));

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(files, Fixes.RoleBinding()));

        Assert.Equal(
            ["namespaces/hello/rbac.yaml", "namespaces/hello/kustomization.yaml",
                "namespaces/kustomization.yaml"],
            plan.Changes.Select(change => change.Path));
        Assert.Equal(
            "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                + "kind: Kustomization\nnamespace: hello\nresources:\n  - rbac.yaml\n",
            plan.Changes[1].NewText);
        Assert.Equal("resources:\n- ./goodbye\n- ./hello\n- ./platform\n", plan.Changes[2].NewText);
    }

    [Fact]
    public void Existing_file_of_the_namespace_is_appended_to()
    {
        var files = RbacFileEditorTests.Files(
            ("ns/goodbye.yaml", Binding("goodbye", "edit", "fake_company:server")),
            ("ns/platform.yaml", Binding("platform", "admin", "fake_company:platform")),
            ("ns/hello.yaml", Binding("hello", "view", "fake_company:readers", "rb:hello-readers")));

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(files, Fixes.RoleBinding()));

        var change = Assert.Single(plan.Changes);
        Assert.Equal("ns/hello.yaml", change.Path);
        Assert.False(change.IsNewFile);
        Assert.Equal(2, KubernetesYaml.LoadAllFromString(change.NewText).Count);
    }

    [Fact]
    public void Namespace_from_the_folder_kustomization_counts_for_objects_without_one()
    {
        var files = RbacFileEditorTests.Files(
            ("apps/goodbye/rbac.yaml", Binding(null, "edit", "fake_company:server", "rb:goodbye")),
            ("apps/goodbye/kustomization.yaml", "namespace: goodbye\nresources: [rbac.yaml]\n"),
            ("apps/hello/rbac.yaml", Binding(null, "edit", "fake_company:server", "rb:hello")),
            ("apps/hello/kustomization.yaml", "namespace: hello\nresources: [rbac.yaml]\n"));

        var result = RbacFileEditor.Plan(files, Fixes.RoleBinding());

        Assert.Equal("apps/hello/rbac.yaml", Assert.IsType<RbacAlreadyPresent>(result).Path);
    }

    private static string Binding(string? ns, string role, string group, string? name = null) =>
        (ns is null ? "" : $"# {ns} namespace\n") +
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n" +
        $"  name: \"{name ?? "rb:" + ns}\"\n" + (ns is null ? "" : $"  namespace: {ns}\n") +
        $"roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: {role}\n" +
        $"subjects:\n  - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: \"{group}\"\n";
}
