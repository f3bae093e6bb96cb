using ChatOpsBot.GitOps.Repository;
using k8s;
using k8s.Models;

namespace ChatOpsBot.GitOps.Tests.GitHub;

public class OpenPullRequestTests : GitHubTestSetup
{
    [Fact]
    public async Task Opens_a_pull_request_that_appends_the_binding_with_labels_and_reviewers()
    {
        using var repository = Repository();
        var mainBefore = GitHub.State.Branches["main"];

        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Empty(GitHub.Unmatched);
        Assert.Equal(Branch, opened.Branch);
        Assert.Equal(GitHub.State.Branches[Branch], opened.HeadSha);
        Assert.Equal([RbacFile], opened.ChangedFiles);
        Assert.Empty(opened.Warnings);
        Assert.Equal(mainBefore, GitHub.State.Branches["main"]);

        var committed = GitHub.State.ReadFile(Branch, RbacFile)!;
        Assert.StartsWith(Original, committed, StringComparison.Ordinal);
        Assert.StartsWith(
            "\n---\n# hello namespace\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n",
            committed[Original.Length..],
            StringComparison.Ordinal);
        var objects = KubernetesYaml.LoadAllFromString(committed);
        Assert.Equal(3, objects.Count);
        var binding = Assert.IsType<V1RoleBinding>(objects[^1]);
        Assert.Equal(("rb:hello", "hello", "edit"), (binding.Metadata.Name,
            binding.Metadata.NamespaceProperty, binding.RoleRef.Name));
        Assert.Equal("fake_company:server", Assert.Single(binding.Subjects).Name);

        var pull = Assert.Single(GitHub.State.PullRequests);
        Assert.Equal(opened.Number, pull.Number);
        Assert.Equal(
            $"https://github.example.com/{FakeGitHub.Owner}/{FakeGitHub.Repo}/pull/{pull.Number}",
            opened.Url.AbsoluteUri);
        Assert.Equal("Grant Group fake_company:server edit in hello (rb:hello)", pull.Title);
        Assert.Equal((Branch, "main"), (pull.Head, pull.Base));
        Assert.Contains("Dana Developer", pull.Body, StringComparison.Ordinal);
        Assert.Contains("create pods/exec in namespace hello", pull.Body, StringComparison.Ordinal);
        Assert.Contains("No binding grants group fake\\_company:server", pull.Body, StringComparison.Ordinal);
        Assert.Contains("`namespace-exists`", pull.Body, StringComparison.Ordinal);
        Assert.Contains(committed[(Original.Length + 1)..], pull.Body, StringComparison.Ordinal);
        Assert.Equal(["k8s-access", "rbac"], pull.Labels);
        Assert.Equal(["alice"], pull.Reviewers);
        Assert.Equal(["platform-admins"], pull.Teams);
    }

    [Fact]
    public async Task New_namespace_file_and_its_kustomization_are_both_committed()
    {
        GitHub.State.CommitFile("main", "clusters/dev-a/ns/goodbye.yaml", Original.Split("---\n")[2]);
        GitHub.State.CommitFile("main", "clusters/dev-a/ns/platform.yaml",
            "---\n" + Original.Split("---\n")[1]);
        GitHub.State.CommitFile("main", "clusters/dev-a/ns/kustomization.yaml",
            "resources:\n  - goodbye.yaml\n  - platform.yaml\n");
        GitHub.State.CommitFile("main", RbacFile, "# moved to ns/\n");
        using var repository = Repository();

        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Equal(["clusters/dev-a/ns/hello.yaml", "clusters/dev-a/ns/kustomization.yaml"],
            opened.ChangedFiles);
        var created = GitHub.State.ReadFile(Branch, "clusters/dev-a/ns/hello.yaml")!;
        Assert.Equal("rb:hello",
            Assert.IsType<V1RoleBinding>(
                Assert.Single(KubernetesYaml.LoadAllFromString(created))).Metadata.Name);
        Assert.Equal("resources:\n  - goodbye.yaml\n  - hello.yaml\n  - platform.yaml\n",
            GitHub.State.ReadFile(Branch, "clusters/dev-a/ns/kustomization.yaml"));
        Assert.Equal(GitHub.State.Branches[Branch], opened.HeadSha);
    }

    [Fact]
    public async Task Byte_order_mark_and_crlf_survive_the_round_trip()
    {
        var crlf = "\uFEFF" + Original.ReplaceLineEndings("\r\n");
        GitHub.State.CommitFile("main", RbacFile, crlf);
        using var repository = Repository();

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        var before = System.Text.Encoding.UTF8.GetBytes(crlf);
        var after = GitHub.State.ReadBytes(Branch, RbacFile)!;
        Assert.Equal(before, after[..before.Length]);
        Assert.Equal([0xEF, 0xBB, 0xBF], after[..3]);
        var added = System.Text.Encoding.UTF8.GetString(after[before.Length..]);
        Assert.StartsWith("\r\n---\r\n# hello namespace\r\n", added, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", added.Replace("\r\n", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_file_outside_the_folder_is_read_and_appended_to()
    {
        GitHub.State.CommitFile("main", "shared/rbac.yaml", Original);
        using var repository = Repository(options => options.FilePath = "shared/rbac.yaml");

        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Equal(["shared/rbac.yaml"], opened.ChangedFiles);
        Assert.StartsWith(
            Original + "\n---\n# hello namespace\n",
            GitHub.State.ReadFile(Branch, "shared/rbac.yaml"),
            StringComparison.Ordinal);
        Assert.Single(GitHub.RequestsTo("PUT", "/contents/"));
    }

    [Fact]
    public async Task Second_click_returns_the_same_pull_request()
    {
        using var repository = Repository();
        var first = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        var second = Assert.IsType<ExistingPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Equal((first.Number, first.HeadSha, true), (second.Number, second.HeadSha,
            second.SameRequest));
        Assert.Single(GitHub.State.PullRequests);
        Assert.Single(GitHub.RequestsTo("PUT", "/contents/"));
    }

    [Fact]
    public async Task Concurrent_clicks_open_one_pull_request()
    {
        using var repository = Repository();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_
            => repository.OpenPullRequestAsync(Change())));

        Assert.Single(results.OfType<OpenedPullRequest>());
        Assert.Equal(2, results.OfType<ExistingPullRequest>().Count());
        Assert.Single(GitHub.State.PullRequests);
    }

    [Fact]
    public async Task Another_request_for_the_same_binding_finds_the_open_pull_request()
    {
        using var repository = Repository();
        var first = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change("req-1")));

        var other = Assert.IsType<ExistingPullRequest>(
            await repository.OpenPullRequestAsync(Change("req-2")));

        Assert.Equal(first.Number, other.Number);
        Assert.False(other.SameRequest);
        Assert.False(GitHub.State.Branches.ContainsKey("k8s-access/req-2"));
    }

    [Fact]
    public async Task Binding_already_on_the_base_branch_is_reported_without_a_branch()
    {
        using var repository = Repository();
        var merged = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        Assert.True((await repository.MergeAsync(merged.Number, merged.HeadSha)).IsMerged);

        var present = Assert.IsType<AlreadyPresent>(await repository.OpenPullRequestAsync(Change("req-2")));

        Assert.Equal(RbacFile, present.Path);
        Assert.Contains("rb:hello", present.Detail, StringComparison.Ordinal);
        Assert.False(GitHub.State.Branches.ContainsKey("k8s-access/req-2"));
        Assert.Single(GitHub.State.PullRequests);
    }

    [Theory]
    [InlineData("../../main")]
    [InlineData(".hidden")]
    [InlineData("a..b")]
    [InlineData("req.lock")]
    [InlineData("req/1")]
    [InlineData("req 1")]
    [InlineData("")]
    public async Task Request_id_that_cannot_name_a_branch_fails_before_any_call(string requestId)
    {
        using var repository = Repository();

        var failed = Assert.IsType<Failed>(await repository.OpenPullRequestAsync(Change(requestId)));

        Assert.Contains("request id", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(GitHub.Requests);
    }

    // Diagnosis ids are base64url: one in 32 starts with '-' or '_', and must still work.
    [Theory]
    [InlineData("-Zx3Qm9aVb2Lk8Tr4Ww1sA")]
    [InlineData("_Zx3Qm9aVb2Lk8Tr4Ww1sA")]
    public async Task Request_id_starting_with_a_dash_or_underscore_opens_and_merges(string requestId)
    {
        using var repository = Repository();

        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change(requestId)));
        var merged = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal("k8s-access/" + requestId, opened.Branch);
        Assert.Equal(MergeOutcome.Merged, merged.Outcome);
        Assert.Equal(GitHub.State.ReadFile(opened.Branch, RbacFile), GitHub.State.ReadFile("main", RbacFile));
    }

    [Fact]
    public async Task Reviewer_github_refuses_becomes_a_warning_not_a_failure()
    {
        using var repository = Repository(options => options.Reviewers.Add("nobody-here"));

        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Contains(opened.Warnings, warning => warning.Contains("not a collaborator",
            StringComparison.Ordinal));
        Assert.Equal(["k8s-access", "rbac"], GitHub.State.PullRequests[0].Labels);
    }

    [Fact]
    public async Task Github_app_credentials_fetch_an_installation_token_once()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        GitHub.AppKey = System.Security.Cryptography.RSA.Create();
        GitHub.AppKey.ImportParameters(key.ExportParameters(false));
        using var repository = Repository(options =>
        {
            options.Token = null;
            options.AppId = 12345;
            options.InstallationId = 678;
            options.PrivateKeyPem = key.ExportRSAPrivateKeyPem();
        });

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        Assert.NotNull(await repository.GetPullRequestAsync(1));

        Assert.Equal(1, GitHub.InstallationTokensIssued);
        Assert.All(GitHub.Requests.Where(request => request.Path.Contains("/repos/",
            StringComparison.Ordinal)),
            request => Assert.EndsWith("ghs_installation_1", request.Authorization,
                StringComparison.Ordinal));
    }
}
