using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Rbac;
using ChatOpsBot.GitOps.Local;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.Kubernetes.Snapshot;

namespace ChatOpsBot.GitOps.Tests.Local;

public sealed class GitOpsSyncedClusterSourceTests : IDisposable
{
    private static readonly ClusterQuery Hello = new("hello", null);

    private readonly LocalRepositoryFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task The_cluster_gains_the_binding_when_the_pull_request_is_merged_and_counts_it_once()
    {
        using var repository = _fixture.Open();
        using var source = new GitOpsSyncedClusterSource(
            new SnapshotClusterSource(LocalRepositoryFixture.ClusterFolder), repository);
        var snapshot = await new SnapshotClusterSource(LocalRepositoryFixture.ClusterFolder)
            .LoadStateAsync(Hello, CancellationToken.None);

        var before = await source.LoadStateAsync(Hello, CancellationToken.None);
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        var whileOpen = await source.LoadStateAsync(Hello, CancellationToken.None);
        await repository.MergeAsync(opened.Number, opened.HeadSha);
        var after = await source.LoadStateAsync(Hello, CancellationToken.None);

        Assert.DoesNotContain(before.Bindings, binding => binding.Name == "rb:hello");
        Assert.DoesNotContain(whileOpen.Bindings, binding => binding.Name == "rb:hello");
        var added = Assert.Single(after.Bindings, binding => binding.Name == "rb:hello");
        Assert.Equal("hello", added.Namespace);
        Assert.Equal(new RoleRef("ClusterRole", "edit"), added.RoleRef);
        Assert.Equal([new Subject("Group", "fake_company:server")], added.Subjects);
        Assert.Single(after.Bindings, binding => binding.Name == "rb:goodbye");
        Assert.Single(after.Bindings, binding => binding.Name == "rb:platform");
        Assert.Equal(snapshot.Bindings.Count + 1, after.Bindings.Count);
        Assert.Equal(snapshot.Roles.Count, after.Roles.Count);
        Assert.Equal(snapshot.Namespaces.Select(ns => ns.Name), after.Namespaces.Select(ns => ns.Name));
        Assert.Empty(after.ReadProblems);
        Assert.Equal("", _fixture.Git("status", "--porcelain"));
    }

    [Fact]
    public async Task The_seed_error_is_forbidden_before_the_merge_and_allowed_after_it()
    {
        using var repository = _fixture.Open();
        using var source = new GitOpsSyncedClusterSource(
            new SnapshotClusterSource(LocalRepositoryFixture.ClusterFolder), repository);
        var diagnosis = new DiagnosisService(new SingleClusterProvider(source));
        var request = new DiagnosisRequest { Text = LocalRepositoryFixture.ErrorText };

        var first = await diagnosis.DiagnoseAsync(request, CancellationToken.None);
        Assert.NotNull(first);
        Assert.False(first.Allowed);
        Assert.Equal(CauseCode.MissingBinding, first.Cause.Code);
        Assert.Equal(("RoleBinding", "hello", "rb:hello"), (first.Fix!.Kind, first.Fix.Namespace,
            first.Fix.Name));

        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(AccessChange.From("req-7", "Dana", first)));
        var stillForbidden = await diagnosis.DiagnoseAsync(request, CancellationToken.None);
        var merged = await repository.MergeAsync(opened.Number, opened.HeadSha);
        var second = await diagnosis.DiagnoseAsync(request, CancellationToken.None);

        Assert.False(stillForbidden!.Allowed);
        Assert.Equal(MergeOutcome.Merged, merged.Outcome);
        Assert.NotNull(second);
        Assert.True(second.Allowed);
        Assert.Null(second.Fix);
    }

    [Fact]
    public void An_object_from_Git_replaces_the_snapshot_object_of_the_same_kind_namespace_and_name()
    {
        var cluster = new ClusterState
        {
            Bindings = [Binding("rb:goodbye", "goodbye", "old"), Binding("crb", null, "a"),
                Binding("crb", "team", "b")],
            Roles = [new Role { Name = "reader", Namespace = "goodbye" }],
            Namespaces = [new NamespaceInfo("goodbye", new Dictionary<string, string>())],
        };
        var git = new ClusterState
        {
            Bindings = [Binding("rb:goodbye", "goodbye", "new"), Binding("crb", null, "c"),
                Binding("rb:hello", "hello", "d")],
            Roles = [new Role { Name = "reader", Namespace = "other" }],
            Namespaces = [new NamespaceInfo("goodbye", new Dictionary<string, string>()),
                new NamespaceInfo("hello", new Dictionary<string, string>())],
        };

        var state = GitOpsSyncedClusterSource.Overlay(cluster, git);

        Assert.Equal(["goodbye/rb:goodbye=new", "/crb=c", "team/crb=b", "hello/rb:hello=d"],
            state.Bindings.Select(binding =>
                $"{binding.Namespace}/{binding.Name}={binding.Subjects[0].Name}"));
        Assert.Equal(["goodbye/reader", "other/reader"], state.Roles.Select(role =>
            $"{role.Namespace}/{role.Name}"));
        Assert.Equal(["goodbye", "hello"], state.Namespaces.Select(ns => ns.Name));
    }

    [Fact]
    public async Task A_repository_without_RBAC_objects_adds_nothing()
    {
        var seed = Path.Combine(_fixture.Folder, "seed");
        Directory.CreateDirectory(seed);
        File.WriteAllText(Path.Combine(seed, "kustomization.yaml"), "resources: []\n");
        var options = _fixture.Options();
        options.SeedFrom = seed;
        using var repository = new LocalGitRbacRepository(options);
        using var source = new GitOpsSyncedClusterSource(
            new SnapshotClusterSource(LocalRepositoryFixture.ClusterFolder), repository);
        var snapshot = await new SnapshotClusterSource(LocalRepositoryFixture.ClusterFolder)
            .LoadStateAsync(Hello, CancellationToken.None);

        var state = await source.LoadStateAsync(Hello, CancellationToken.None);

        Assert.Equal(snapshot.Bindings.Select(Describe), state.Bindings.Select(Describe));
        Assert.Equal(snapshot.Roles.Count, state.Roles.Count);
        Assert.Empty(state.ReadProblems);
    }

    [Fact]
    public async Task A_repository_that_cannot_be_read_leaves_the_snapshot_and_says_so()
    {
        Directory.CreateDirectory(_fixture.RepositoryPath);
        File.WriteAllText(Path.Combine(_fixture.RepositoryPath, "keep.txt"), "mine");
        using var repository = _fixture.Open();
        using var source = new GitOpsSyncedClusterSource(
            new SnapshotClusterSource(LocalRepositoryFixture.ClusterFolder), repository);

        var state = await source.LoadStateAsync(Hello, CancellationToken.None);

        Assert.Contains(state.Bindings, binding => binding.Name == "rb:goodbye");
        Assert.Contains("not a Git repository", Assert.Single(state.ReadProblems), StringComparison.Ordinal);
    }

    private static string Describe(Binding binding) =>
        $"{binding.Namespace}/{binding.Name}: {binding.RoleRef.Name} to "
        + string.Join(",", binding.Subjects.Select(subject => subject.Name));

    private static Binding Binding(string name, string? @namespace, string subject) => new()
    {
        Name = name,
        Namespace = @namespace,
        RoleRef = new RoleRef("ClusterRole", "edit"),
        Subjects = [new Subject("Group", subject)],
    };
}
