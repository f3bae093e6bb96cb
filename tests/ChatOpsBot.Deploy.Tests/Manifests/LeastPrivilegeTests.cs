using k8s;
using k8s.Models;

namespace ChatOpsBot.Deploy.Tests.Manifests;

/// <summary>
/// What each install grants the bot in the cluster: reads, one kind of review, and aws-auth by
/// name, to its own ServiceAccount. The policy itself is checked against grants it must refuse.
/// </summary>
public sealed class LeastPrivilegeTests
{
    private const string Write = "more than get";

    public static TheoryData<string> Installs => new(Kustomize.Installs());

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task GrantsOnlyReadsAndSubjectAccessReviews(string install)
    {
        var build = await Kustomize.BuildAsync(install);

        var problems = LeastPrivilegePolicy.Problems(build.Objects);
        Assert.True(problems.Count == 0, $"{install} grants too much:\n{string.Join('\n', problems)}");
        Assert.NotEmpty(build.Objects.OfType<V1ClusterRole>());
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task ReadsAwsAuthOnlyByNameInKubeSystem(string install)
    {
        var build = await Kustomize.BuildAsync(install);

        var role = Assert.Single(build.Objects.OfType<V1Role>(),
            role => role.Rules.Any(rule => rule.Resources.Contains("configmaps")));
        Assert.Equal("kube-system", role.Namespace());
        var rule = Assert.Single(role.Rules);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["configmaps"], rule.Resources);
        Assert.Equal(["aws-auth"], rule.ResourceNames);
        Assert.Equal(["get"], rule.Verbs);
    }

    [Theory]
    [MemberData(nameof(Installs))]
    public async Task BindsEveryRoleToTheServiceAccountTheBotRunsAs(string install)
    {
        var build = await Kustomize.BuildAsync(install);
        var deployment = Assert.Single(build.Objects.OfType<V1Deployment>());
        var account = (deployment.Namespace(), deployment.Spec.Template.Spec.ServiceAccountName);

        var subjects = build.Objects.OfType<V1ClusterRoleBinding>().SelectMany(binding => binding.Subjects)
            .Concat(build.Objects.OfType<V1RoleBinding>().SelectMany(binding => binding.Subjects))
            .ToList();
        Assert.NotEmpty(subjects);
        Assert.All(subjects, subject => Assert.Equal(account, (subject.NamespaceProperty, subject.Name)));
        Assert.All(build.Objects.OfType<V1Role>(), role =>
            Assert.Contains(build.Objects.OfType<V1RoleBinding>(), binding =>
                binding.Namespace() == role.Namespace() && binding.RoleRef.Name == role.Name()));
        Assert.All(build.Objects.OfType<V1ClusterRole>(), role =>
            Assert.Contains(
                build.Objects.OfType<V1ClusterRoleBinding>(),
                binding => binding.RoleRef.Name == role.Name()));
    }

    [Theory]
    [InlineData("ClusterRole", "[authorization.k8s.io]", "[subjectaccessreviews]", "[create, get]", Write)]
    [InlineData("ClusterRole", "[\"\"]", "[pods]", "[get, delete]", Write)]
    [InlineData("ClusterRole", "[authorization.k8s.io]", "[selfsubjectaccessreviews]", "[create]", Write)]
    [InlineData("ClusterRole", "[rbac.authorization.k8s.io]", "[rolebindings]", "[escalate]", Write)]
    [InlineData("ClusterRole", "[\"\"]", "[users]", "[impersonate]", Write)]
    [InlineData("ClusterRole", "[\"*\"]", "[pods]", "[get]", "wildcard")]
    [InlineData("ClusterRole", "[\"\"]", "[\"*\"]", "[list]", "wildcard")]
    [InlineData("ClusterRole", "[\"\"]", "[pods]", "[\"*\"]", "wildcard")]
    [InlineData("ClusterRole", "[\"\"]", "[secrets]", "[get]", "Secrets")]
    [InlineData("ClusterRole", "[\"\"]", "[pods/exec]", "[get]", "subresource")]
    [InlineData("ClusterRole", "[\"\"]", "[configmaps]", "[get]", "ConfigMaps")]
    [InlineData("Role", "[\"\"]", "[configmaps]", "[get, list]", "ConfigMaps")]
    public void RefusesGrantsBeyondReadsAndReviews(
        string kind, string groups, string resources, string verbs, string problem)
    {
        var role = $"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: {kind}
            metadata: {"{"}name: bot, namespace: kube-system{"}"}
            rules:
              - apiGroups: {groups}
                resources: {resources}
                resourceNames: [aws-auth]
                verbs: {verbs}
            """;

        var problems = LeastPrivilegePolicy.Problems(Load(role));

        Assert.Contains(problems, text => text.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesConfigMapReadsOutsideKubeSystemOrWithoutResourceNames()
    {
        const string Roles = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: elsewhere, namespace: default}
            rules: [{apiGroups: [""], resources: [configmaps], resourceNames: [aws-auth], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: unnamed, namespace: kube-system}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
            """;

        var problems = LeastPrivilegePolicy.Problems(Load(Roles));

        Assert.Contains(problems, text => text.StartsWith("Role default/", StringComparison.Ordinal));
        Assert.Contains(problems, text => text.StartsWith("Role kube-system/", StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesBindingsOfBuiltInRolesAndToOtherSubjects()
    {
        const string Bindings = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: bot, namespace: bot}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: bot, namespace: bot}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules: [{apiGroups: [""], resources: [namespaces], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: reader}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            subjects: [{kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io}]
            """;

        var problems = LeastPrivilegePolicy.Problems(Load(Bindings));

        Assert.Contains(problems, text => text.Contains("cluster-admin", StringComparison.Ordinal));
        Assert.Contains(
            problems, text => text.Contains("Group /system:authenticated", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void RefusesAggregatedClusterRoles()
    {
        const string Aggregated = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: bot}
            aggregationRule:
              clusterRoleSelectors: [{matchLabels: {rbac.example.com/aggregate-to-bot: "true"}}]
            rules: []
            """;

        Assert.Contains(LeastPrivilegePolicy.Problems(Load(Aggregated)),
            text => text.Contains("aggregates", StringComparison.Ordinal));
    }

    private static List<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml);
}
