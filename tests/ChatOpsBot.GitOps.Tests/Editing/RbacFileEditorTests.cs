using ChatOpsBot.GitOps.Editing;
using k8s;
using k8s.Models;

namespace ChatOpsBot.GitOps.Tests.Editing;

public class RbacFileEditorTests
{
    private const string SeedPath = "fake-company-dev-a.yaml";

    [Fact]
    public void Seed_fix_is_appended_after_the_original_bytes_like_its_neighbours()
    {
        var original = Fixes.SeedFile();

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(Files((SeedPath, original)),
            Fixes.RoleBinding()));

        var change = Assert.Single(plan.Changes);
        Assert.Equal(SeedPath, change.Path);
        Assert.Equal(original, change.OriginalText);
        Assert.StartsWith(original, change.NewText, StringComparison.Ordinal);
        Assert.Equal(
            "\n---\n# hello namespace\n" +
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: \"rb:hello\"\n" +
            "  namespace: hello\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n" +
            "  name: edit\nsubjects:\n  - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n" +
            "    name: \"fake_company:server\"\n",
            change.NewText[original.Length..]);

        var objects = KubernetesYaml.LoadAllFromString(change.NewText);
        Assert.Equal(KubernetesYaml.LoadAllFromString(original).Count + 1, objects.Count);
        var added = Assert.IsType<V1RoleBinding>(objects[^1]);
        Assert.Equal("rb:hello", added.Metadata.Name);
        Assert.Equal("hello", added.Metadata.NamespaceProperty);
        Assert.Equal("edit", added.RoleRef.Name);
        Assert.Equal("fake_company:server", Assert.Single(added.Subjects).Name);
    }

    [Fact]
    public void Crlf_file_stays_crlf_throughout()
    {
        var original = Fixes.SeedFile().ReplaceLineEndings("\r\n");

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(Files((SeedPath, original)),
            Fixes.RoleBinding()));

        var text = Assert.Single(plan.Changes).NewText;
        Assert.StartsWith(original, text, StringComparison.Ordinal);
        var addition = text[original.Length..];
        Assert.Contains("\r\n---\r\n# hello namespace\r\n", addition, StringComparison.Ordinal);
        Assert.Equal(addition.Count(c => c == '\n'), addition.Split("\r\n").Length - 1);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal(3, KubernetesYaml.LoadAllFromString(text).Count);
    }

    [Fact]
    public void File_without_final_line_break_gets_one_before_the_new_document()
    {
        var original = Fixes.SeedFile().TrimEnd('\n');

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(Files((SeedPath, original)),
            Fixes.RoleBinding()));

        var text = Assert.Single(plan.Changes).NewText;
        Assert.StartsWith(original + "\n\n---\n# hello namespace\napiVersion:", text,
            StringComparison.Ordinal);
        Assert.EndsWith("name: \"fake_company:server\"\n", text, StringComparison.Ordinal);
        var objects = KubernetesYaml.LoadAllFromString(text);
        Assert.Equal(3, objects.Count);
        Assert.Equal("rb:goodbye", ((V1RoleBinding)objects[1]).Metadata.Name);
    }

    [Fact]
    public void Binding_with_the_same_name_is_reported_not_duplicated()
    {
        var repository = Files((SeedPath, Fixes.SeedFile()));
        var first = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(repository, Fixes.RoleBinding()));
        var edited = Files((SeedPath, first.Changes[0].NewText));

        var again = RbacFileEditor.Plan(edited, Fixes.RoleBinding(role: "view"));

        var present = Assert.IsType<RbacAlreadyPresent>(again);
        Assert.Equal(PresentMatch.SameName, present.Match);
        Assert.Equal(SeedPath, present.Path);
        Assert.Equal("rb:hello", present.Existing.Name);
    }

    [Fact]
    public void Binding_granting_the_same_role_to_the_same_subject_under_another_name_is_reported()
    {
        var repository = Files((SeedPath, Fixes.SeedFile()));

        var result = RbacFileEditor.Plan(repository, Fixes.RoleBinding(name: "goodbye-editors",
            @namespace: "goodbye"));

        var present = Assert.IsType<RbacAlreadyPresent>(result);
        Assert.Equal(PresentMatch.SameGrant, present.Match);
        Assert.Equal("rb:goodbye", present.Existing.Name);
        Assert.Contains("fake_company:server", present.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_role_binding_already_granting_the_role_everywhere_counts_as_present()
    {
        const string clusterWide = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: servers-edit-everywhere
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects:
              - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "fake_company:server"}

            """;

        var result = RbacFileEditor.Plan(Files((SeedPath, Fixes.SeedFile()), ("cluster.yaml",
            clusterWide)), Fixes.RoleBinding());

        Assert.Equal("servers-edit-everywhere", Assert.IsType<RbacAlreadyPresent>(result).Existing.Name);
    }

    [Fact]
    public void Different_subject_in_the_same_namespace_is_not_a_duplicate()
    {
        var repository = Files((SeedPath, Fixes.SeedFile()));

        var result = RbacFileEditor.Plan(repository, Fixes.RoleBinding(name: "rb:goodbye-ops",
            @namespace: "goodbye", subject: "fake_company:ops"));

        Assert.IsType<RbacEditPlan>(result);
    }

    [Theory]
    [InlineData("fake_company:server\"\n---\nkind: ClusterRoleBinding", "rb:hello")]
    [InlineData("o'brien # not a comment", "rb:\"quoted\"\nname")]
    [InlineData("\u2028line\u0085sep\ttab\\back", "rb:{{weird}}: [x]")]
    public void Hostile_names_stay_inside_their_scalars(string subject, string name)
    {
        var original = Fixes.SeedFile();

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(Files((SeedPath, original)),
            Fixes.RoleBinding(name: name, subject: subject)));

        var text = Assert.Single(plan.Changes).NewText;
        Assert.StartsWith(original, text, StringComparison.Ordinal);
        var objects = KubernetesYaml.LoadAllFromString(text);
        Assert.Equal(KubernetesYaml.LoadAllFromString(original).Count + 1, objects.Count);
        var added = Assert.IsType<V1RoleBinding>(objects[^1]);
        Assert.Equal(name, added.Metadata.Name);
        Assert.Equal(subject, Assert.Single(added.Subjects).Name);
    }

    [Fact]
    public void Hostile_namespace_cannot_break_out_of_the_header_comment()
    {
        var original = Fixes.SeedFile();
        const string ns = "hello\napiVersion: v1\nkind: Secret\n#";

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(Files((SeedPath, original)),
            Fixes.RoleBinding(@namespace: ns)));

        var text = Assert.Single(plan.Changes).NewText;
        var objects = KubernetesYaml.LoadAllFromString(text);
        Assert.Equal(3, objects.Count);
        Assert.Equal(ns, ((V1RoleBinding)objects[^1]).Metadata.NamespaceProperty);
        Assert.DoesNotContain(objects, item => item is V1Secret);
    }

    [Fact]
    public void File_holding_the_sibling_bindings_wins_over_other_files()
    {
        const string other = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: monitoring-view, namespace: monitoring}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects:
              - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "fake_company:sre"}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: logging-view, namespace: logging}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects:
              - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "fake_company:sre"}

            """;

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(
            Files(("a-observability.yaml", other), ("teams/" + SeedPath, Fixes.SeedFile()),
                ("README.md", "# rbac\n")),
            Fixes.RoleBinding()));

        Assert.Equal("teams/" + SeedPath, plan.TargetPath);
        Assert.Contains("rb:goodbye in goodbye", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_path_with_a_namespace_placeholder_creates_that_file()
    {
        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(
            Files((SeedPath, Fixes.SeedFile())), Fixes.RoleBinding(), "clusters/dev-a/{namespace}.yaml"));

        var change = Assert.Single(plan.Changes);
        Assert.True(change.IsNewFile);
        Assert.Equal("clusters/dev-a/hello.yaml", change.Path);
        Assert.StartsWith("---\n# hello namespace\napiVersion:", change.NewText, StringComparison.Ordinal);
        Assert.Single(KubernetesYaml.LoadAllFromString(change.NewText));
    }

    [Fact]
    public void Configured_path_cannot_leave_the_repository()
    {
        var result = RbacFileEditor.Plan(Files((SeedPath, Fixes.SeedFile())), Fixes.RoleBinding(),
            "../outside.yaml");

        Assert.IsType<RbacEditRejected>(result);
    }

    [Fact]
    public void Comment_before_separator_style_is_followed()
    {
        const string original = """
            # ops namespace
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ops-edit, namespace: ops}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: devs}]

            # web namespace
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: web-edit, namespace: web}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: devs}]

            """;

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(
            Files(("rbac.yaml", original)), Fixes.RoleBinding(name: "api-edit", @namespace: "api",
                subject: "devs")));

        var addition = plan.Changes[0].NewText[original.Length..];
        Assert.StartsWith("\n# api namespace\n---\napiVersion: rbac.authorization.k8s.io/v1\n",
            addition, StringComparison.Ordinal);
        Assert.Equal(3, KubernetesYaml.LoadAllFromString(plan.Changes[0].NewText).Count);
    }

    [Fact]
    public void Trailing_separator_style_closes_the_new_document_too()
    {
        const string original = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ops-edit, namespace: ops}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: devs}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: web-edit, namespace: web}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: devs}]
            ---

            """;

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(
            Files(("rbac.yaml", original)), Fixes.RoleBinding(name: "api-edit", @namespace: "api",
                subject: "devs")));

        var addition = plan.Changes[0].NewText[original.Length..];
        Assert.StartsWith("apiVersion: rbac.authorization.k8s.io/v1\n", addition, StringComparison.Ordinal);
        Assert.EndsWith("name: devs\n---\n", addition, StringComparison.Ordinal);

        // KubernetesYaml cannot read the empty document after a final "---" (kubectl can).
        Assert.Equal(3, KubernetesYaml.LoadAllFromString(plan.Changes[0].NewText[..^"---\n".Length]).Count);
    }

    [Fact]
    public void Single_document_file_without_separators_gets_one()
    {
        const string original = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ops-edit, namespace: ops}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: devs}]
            """;

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(
            Files(("rbac.yaml", original)), Fixes.RoleBinding(name: "api-edit", @namespace: "api",
                subject: "devs")));

        var text = plan.Changes[0].NewText;
        Assert.StartsWith(original + "\n---\napiVersion:", text, StringComparison.Ordinal);
        Assert.Equal(2, KubernetesYaml.LoadAllFromString(text).Count);
    }

    [Fact]
    public void Role_and_binding_are_both_appended_with_one_header()
    {
        var original = Fixes.SeedFile();

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(
            Files((SeedPath, original)), Fixes.RoleAndBinding("hello", "exec-only", "fake_company:server")));

        var text = plan.Changes[0].NewText;
        var addition = text[original.Length..];
        Assert.Equal(1, addition.Split("# hello namespace").Length - 1);
        Assert.Equal(["Role", "RoleBinding"], plan.Added.Select(added => added.Kind));
        var objects = KubernetesYaml.LoadAllFromString(text);
        Assert.Equal(4, objects.Count);
        Assert.IsType<V1Role>(objects[2]);
        Assert.IsType<V1RoleBinding>(objects[3]);
    }

    [Fact]
    public void Cluster_wide_binding_gets_no_namespace_header_it_cannot_fill()
    {
        var original = Fixes.SeedFile();

        var plan = Assert.IsType<RbacEditPlan>(RbacFileEditor.Plan(
            Files((SeedPath, original)), Fixes.ClusterRoleBinding("servers-view", "view",
                "fake_company:server")));

        var addition = plan.Changes[0].NewText[original.Length..];
        Assert.StartsWith(
            "\n---\n# CLUSTER-WIDE\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n",
            addition,
            StringComparison.Ordinal);
        Assert.IsType<V1ClusterRoleBinding>(KubernetesYaml.LoadAllFromString(plan.Changes[0].NewText)[^1]);
    }

    [Fact]
    public void Aws_auth_fix_is_not_a_repository_object()
    {
        var fix = new ChatOpsBot.Core.Diagnosis.ProposedFix("ConfigMap", "kube-system", "aws-auth",
            "# Add under data.mapRoles\n- rolearn: \"arn:aws:iam::1:role/x\"\n", "Map the role.");

        var result = RbacFileEditor.Plan(Files((SeedPath, Fixes.SeedFile())), fix);

        Assert.Contains("by hand", Assert.IsType<RbacEditRejected>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_whose_manifest_does_not_hold_the_named_object_is_rejected()
    {
        var fix = Fixes.RoleBinding() with { Name = "rb:other" };

        Assert.IsType<RbacEditRejected>(RbacFileEditor.Plan(Files((SeedPath, Fixes.SeedFile())), fix));
    }

    [Fact]
    public void Invalid_yaml_target_is_never_appended_to()
    {
        var result = RbacFileEditor.Plan(Files(("rbac.yaml", "a: [unclosed\n")),
            Fixes.RoleBinding(), "rbac.yaml");

        Assert.Contains("not valid YAML", Assert.IsType<RbacEditRejected>(result).Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_yaml_is_refused_without_crashing()
    {
        var hostile = new string('[', 200_000);

        var result = RbacFileEditor.Plan(Files(("rbac.yaml", hostile)), Fixes.RoleBinding(), "rbac.yaml");

        Assert.IsType<RbacEditRejected>(result);
    }

    [Theory]
    [InlineData(1, "Could not read rbac-0.yaml: ")]
    [InlineData(3, "Could not read 3 YAML files, first rbac-0.yaml: ")]
    public void Without_a_file_to_follow_the_unreadable_ones_are_named(int broken, string named)
    {
        var files = Enumerable.Range(0, broken)
            .Select(i => ($"rbac-{i}.yaml", "kind: [unclosed\n"))
            .Append(("notes.yaml", "x: 1\n"))
            .ToArray();

        var reason = Assert.IsType<RbacEditRejected>(RbacFileEditor.Plan(Files(files), Fixes.RoleBinding()))
            .Reason;

        Assert.Contains("set the file path", reason, StringComparison.Ordinal);
        Assert.Contains(named, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_without_rbac_objects_asks_for_a_path()
    {
        var result = RbacFileEditor.Plan(Files(("a.yaml", "x: 1\n"), ("b.yaml", "y: 2\n")),
            Fixes.RoleBinding());

        Assert.Contains("file path", Assert.IsType<RbacEditRejected>(result).Reason,
            StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> Files(params (string Path, string Text)[] files) =>
        files.ToDictionary(file => file.Path, file => file.Text);
}
