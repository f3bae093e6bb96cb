using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Rbac;
using ChatOpsBot.Kubernetes.Snapshot;

namespace ChatOpsBot.Kubernetes.Tests.Snapshot;

/// <summary>Snapshot folders as <c>kubectl get -o yaml</c> writes them, and what must be refused.</summary>
public sealed class SnapshotClusterSourceTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("snapshot-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Reads_lists_multi_document_files_and_json()
    {
        Write("rbac.yaml", """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: edit
                labels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}
              aggregationRule:
                clusterRoleSelectors:
                - matchLabels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
              rules: null
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: "rb:hello", namespace: hello}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects:
            - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "team:a"}
            - {kind: ServiceAccount, name: ci}
            """);
        Write("ns.json", """
            {"apiVersion":"v1","kind":"NamespaceList","items":[
              {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"hello","labels":{"team":"a"}}}]}
            """);
        Write("notes.txt", "not read: wrong extension");

        var state = await Load();

        var edit = Assert.Single(state.Roles);
        Assert.True(edit.IsClusterRole);
        Assert.Equal("true", edit.Labels["rbac.authorization.k8s.io/aggregate-to-admin"]);
        Assert.Equal(
            "true",
            Assert.Single(edit.AggregationSelectors!)
                .MatchLabels["rbac.authorization.k8s.io/aggregate-to-edit"]);
        var binding = Assert.Single(state.Bindings);
        Assert.Equal(("rb:hello", "hello"), (binding.Name, binding.Namespace));
        Assert.Equal(new Subject(SubjectKinds.ServiceAccount, "ci", null), binding.Subjects[1]);
        Assert.Equal("a", Assert.Single(state.Namespaces).Labels["team"]);
    }

    [Fact]
    public async Task Reads_aws_auth_and_access_entries()
    {
        Write("aws-auth.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: aws-auth, namespace: kube-system}
            data:
              mapRoles: |
                - rolearn: arn:aws:iam::111122223333:role/dev
                  username: "{{SessionName}}"
                  groups: [dev]
            """);
        Write("entry.json", """
            {"accessEntry": {"clusterName": "c", "principalArn": "arn:aws:iam::111122223333:role/ops",
             "kubernetesGroups": ["ops"], "type": "STANDARD"}}
            """);

        var state = await Load(AccessEntryParser.Parse);

        Assert.Contains(
            "rolearn: arn:aws:iam::111122223333:role/dev",
            state.AwsAuthData!["mapRoles"],
            StringComparison.Ordinal);
        var entry = Assert.Single(state.AccessEntries);
        Assert.Equal(["ops"], entry.KubernetesGroups);
    }

    [Fact]
    public async Task Keeps_quoted_scalars_as_strings_and_types_plain_ones()
    {
        Write("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: "007"
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: "1", controller: true}]
            spec:
              containers: [{name: main, image: web, ports: [{containerPort: 8080}]}]
            """);

        var state = await Load();

        Assert.Equal(new PodInfo("007", "web"), Assert.Single(state.Pods));
    }

    [Fact]
    public async Task Refuses_an_alias_bomb_with_one_clear_error()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var level = 1; level < 12; level++)
        {
            var previous = (char)('a' + level - 1);
            var current = (char)('a' + level);
            lines.Add($"{current}: &{current} [*{previous}, *{previous}, *{previous}, *{previous}, "
                + $"*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]");
        }

        Write("bomb.yaml", string.Join('\n', lines));

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => Load(limits: new SnapshotLimits { MaxNodes = 1_000_000 }));
        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_files_over_the_size_limit()
    {
        Write("big.yaml", new string('#', 4096));

        var error = await Assert.ThrowsAsync<ClusterSourceException>(
            () => Load(limits: new SnapshotLimits { MaxFileBytes = 1024 }));
        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: List\nitems: [\n", "not valid YAML")]
    [InlineData(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {namespace: x}\n",
        "no metadata.name")]
    [InlineData(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: x}\nrules: {verbs: 3}\n",
        "malformed")]
    public async Task Reports_broken_files_by_name(string content, string expected)
    {
        Write("broken.yaml", content);

        var error = await Assert.ThrowsAsync<ClusterSourceException>(() => Load());
        Assert.Contains("broken.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_missing_or_empty_folder()
    {
        await Assert.ThrowsAsync<ClusterSourceException>(() =>
            new SnapshotClusterSource(Path.Combine(_folder.FullName, "absent"))
                .LoadStateAsync(new ClusterQuery(null, null), CancellationToken.None));
        await Assert.ThrowsAsync<ClusterSourceException>(() => Load());
    }

    [Fact]
    public async Task Reads_the_folder_again_when_a_file_changes_and_only_then()
    {
        Write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: hello}\n");
        using var source = new SnapshotClusterSource(_folder.FullName);
        var first = await source.LoadStateAsync(new ClusterQuery(null, null), CancellationToken.None);

        var unchanged = await source.LoadStateAsync(new ClusterQuery(null, null), CancellationToken.None);
        Write("rb.yaml", """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: "rb:hello", namespace: hello}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "team:a"}]
            """);
        var changed = await source.LoadStateAsync(new ClusterQuery(null, null), CancellationToken.None);

        Assert.Same(first, unchanged);
        Assert.Empty(first.Bindings);
        Assert.Equal("rb:hello", Assert.Single(changed.Bindings).Name);
    }

    [Fact]
    public async Task Answers_no_review_so_the_engine_evaluates_itself()
    {
        var source = new SnapshotClusterSource(_folder.FullName);

        var review = await source.ReviewAsync(
            new UserInfo("a", []),
            new RequestAttributes { Verb = "get" },
            CancellationToken.None);

        Assert.Null(review);
    }

    private void Write(string name, string content) =>
        File.WriteAllText(Path.Combine(_folder.FullName, name), content);

    private Task<ClusterState> Load(
        Func<string, IReadOnlyList<AccessEntry>>? accessEntries = null, SnapshotLimits? limits = null) =>
        new SnapshotClusterSource(_folder.FullName, limits, accessEntries)
            .LoadStateAsync(new ClusterQuery(null, null), CancellationToken.None);
}
