using ChatOpsBot.GitOps.Local;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.GitOps.Tests.Editing;
using k8s;
using k8s.Models;

namespace ChatOpsBot.GitOps.Tests.Local;

public sealed class LocalGitRbacRepositoryTests : IDisposable
{
    private readonly LocalRepositoryFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task First_use_creates_the_repository_from_the_seed_folder_as_one_clean_commit()
    {
        using var repository = _fixture.Open();
        Assert.False(Directory.Exists(_fixture.RepositoryPath));

        var status = await repository.GetPullRequestAsync(1);

        Assert.Null(status);
        Assert.Equal("1", _fixture.Git("rev-list", "--count", "main").Trim());
        Assert.Equal(Fixes.SeedFile(), _fixture.Show("main"));
        Assert.Equal("refs/heads/main", _fixture.Git("symbolic-ref", "HEAD").Trim());
        Assert.Equal("", _fixture.Git("status", "--porcelain"));
        Assert.DoesNotContain("worktree", File.ReadAllText(Path.Combine(_fixture.RepositoryPath, ".git",
            "config")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_fix_becomes_one_commit_that_appends_one_document_on_the_request_branch()
    {
        using var repository = _fixture.Open();

        var result = await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange());

        var opened = Assert.IsType<OpenedPullRequest>(result);
        Assert.Equal(1, opened.Number);
        Assert.Equal("k8s-access/req-1", opened.Branch);
        Assert.Equal([LocalRepositoryFixture.SeedFileName], opened.ChangedFiles);
        Assert.Equal(_fixture.Head("refs/heads/k8s-access/req-1"), opened.HeadSha);
        Assert.Equal(_fixture.Head("main"), _fixture.Head(opened.HeadSha + "^"));
        Assert.Equal("1", _fixture.Git("rev-list", "--count", "main.." + opened.Branch).Trim());

        var seed = Fixes.SeedFile();
        var edited = _fixture.Show(opened.Branch);
        Assert.StartsWith(seed, edited, StringComparison.Ordinal);
        var before = KubernetesYaml.LoadAllFromString(seed);
        var after = KubernetesYaml.LoadAllFromString(edited);
        Assert.Equal(before.Count + 1, after.Count);
        var added = Assert.IsType<V1RoleBinding>(after[^1]);
        Assert.Equal(("rb:hello", "hello"), (added.Metadata.Name, added.Metadata.NamespaceProperty));
        Assert.Equal(("ClusterRole", "edit"), (added.RoleRef.Kind, added.RoleRef.Name));
        Assert.Equal("fake_company:server", Assert.Single(added.Subjects).Name);

        // The working tree and the base branch are untouched until the merge.
        Assert.Equal(seed, _fixture.Show("main"));
        Assert.Equal(seed, _fixture.WorkingFile());
        Assert.Equal("", _fixture.Git("status", "--porcelain"));
    }

    [Fact]
    public async Task A_second_call_for_the_same_request_or_the_same_binding_returns_the_open_pull_request()
    {
        using var repository = _fixture.Open();
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));

        var again = await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange());
        var other = await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange("req-2"));

        Assert.Equal(new ExistingPullRequest(opened.Number, opened.Url, opened.HeadSha, opened.Branch,
            true), again);
        Assert.Equal(new ExistingPullRequest(opened.Number, opened.Url, opened.HeadSha, opened.Branch,
            false), other);
        Assert.Equal("", _fixture.Git("branch", "--list", "k8s-access/req-2").Trim());
    }

    [Fact]
    public async Task A_different_binding_gets_the_next_number_on_its_own_branch()
    {
        using var repository = _fixture.Open();
        await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange());

        var second = await repository.OpenPullRequestAsync(new AccessChange("req-9", "Dana",
            Fixes.RoleBinding(name: "rb:blue", @namespace: "blue")));

        var opened = Assert.IsType<OpenedPullRequest>(second);
        Assert.Equal(2, opened.Number);
        var names = KubernetesYaml.LoadAllFromString(_fixture.Show(opened.Branch))
            .Select(document => ((IKubernetesObject<V1ObjectMeta>)document).Metadata.Name).ToList();
        Assert.Equal(["rb:platform", "rb:goodbye", "rb:blue"], names);
        Assert.DoesNotContain("rb:hello", _fixture.Show(opened.Branch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merging_the_reviewed_head_puts_the_change_on_main_and_in_the_working_tree()
    {
        using var repository = _fixture.Open();
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        var branchText = _fixture.Show(opened.Branch);

        var merged = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(MergeOutcome.Merged, merged.Outcome);
        Assert.Equal(_fixture.Head("main"), merged.MergeSha);
        Assert.Equal(branchText, _fixture.Show("main"));
        Assert.Equal(branchText, _fixture.WorkingFile());
        Assert.Equal("", _fixture.Git("status", "--porcelain"));
        var status = await repository.GetPullRequestAsync(opened.Number);
        Assert.NotNull(status);
        Assert.True(status.IsMerged);
        Assert.False(status.IsOpen);
        Assert.Equal(MergeOutcome.AlreadyMerged, (await repository.MergeAsync(opened.Number,
            opened.HeadSha)).Outcome);
        Assert.Equal(CloseOutcome.AlreadyMerged, (await repository.CloseAsync(opened.Number,
            "late")).Outcome);
    }

    // Diagnosis ids are base64url: one in 32 starts with '-' or '_', which git must not read as
    // an option.
    [Theory]
    [InlineData("-Zx3Qm9aVb2Lk8Tr4Ww1sA")]
    [InlineData("_Zx3Qm9aVb2Lk8Tr4Ww1sA")]
    public async Task A_request_id_starting_with_a_dash_or_underscore_opens_and_merges(string requestId)
    {
        using var repository = _fixture.Open();

        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange(requestId)));
        var merged = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal("k8s-access/" + requestId, opened.Branch);
        Assert.Equal(MergeOutcome.Merged, merged.Outcome);
        Assert.Equal(_fixture.Show(opened.Branch), _fixture.Show("main"));
        Assert.Equal("", _fixture.Git("status", "--porcelain"));
    }

    [Fact]
    public async Task After_the_merge_the_same_binding_is_already_present()
    {
        using var repository = _fixture.Open();
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        await repository.MergeAsync(opened.Number, opened.HeadSha);

        var again = await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange("req-3"));
        var sameRequest = await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange());

        var present = Assert.IsType<AlreadyPresent>(again);
        Assert.Equal(LocalRepositoryFixture.SeedFileName, present.Path);
        Assert.Contains("rb:hello", present.Detail, StringComparison.Ordinal);
        Assert.IsType<AlreadyPresent>(sameRequest);
        Assert.Equal("", _fixture.Git("branch", "--list", "k8s-access/req-3").Trim());
    }

    [Fact]
    public async Task A_head_that_is_not_the_reviewed_one_is_not_merged()
    {
        using var repository = _fixture.Open();
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        var main = _fixture.Head("main");

        var wrong = await repository.MergeAsync(opened.Number, main);

        Assert.Equal(MergeOutcome.HeadChanged, wrong.Outcome);
        Assert.Equal(main, _fixture.Head("main"));
        Assert.True((await repository.GetPullRequestAsync(opened.Number))!.IsOpen);
    }

    [Fact]
    public async Task A_commit_pushed_to_the_branch_after_review_stops_the_merge_and_shows_in_the_status()
    {
        using var repository = _fixture.Open();
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        _fixture.Git("checkout", "-q", opened.Branch);
        File.AppendAllText(Path.Combine(_fixture.RepositoryPath, "notes.yaml"), "a: 1\n");
        _fixture.Git("add", "notes.yaml");
        _fixture.Git("commit", "-q", "-m", "sneak");
        _fixture.Git("checkout", "-q", "main");

        var status = await repository.GetPullRequestAsync(opened.Number);
        var merge = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(_fixture.Head(opened.Branch), status!.HeadSha);
        Assert.NotEqual(opened.HeadSha, status.HeadSha);
        Assert.Equal(MergeOutcome.HeadChanged, merge.Outcome);
        Assert.Equal(MergeOutcome.Merged, (await repository.MergeAsync(opened.Number,
            status.HeadSha)).Outcome);
    }

    [Fact]
    public async Task When_main_moved_since_the_branch_the_merge_makes_a_merge_commit_with_both()
    {
        using var repository = _fixture.Open();
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        File.WriteAllText(Path.Combine(_fixture.RepositoryPath, "README.md"), "RBAC\n");
        _fixture.Git("add", "README.md");
        _fixture.Git("commit", "-q", "-m", "readme");
        var mainBefore = _fixture.Head("main");

        var merged = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(MergeOutcome.Merged, merged.Outcome);
        var parents = _fixture.Git("rev-list", "--parents", "-n", "1", "main").Trim().Split(' ');
        Assert.Equal([merged.MergeSha!, mainBefore, opened.HeadSha], parents);
        Assert.Equal("RBAC\n", _fixture.Show("main", "README.md"));
        Assert.Equal(_fixture.Show(opened.Branch), _fixture.Show("main"));
        Assert.Equal(_fixture.Show("main"), _fixture.WorkingFile());
    }

    [Fact]
    public async Task Two_requests_appending_to_the_same_file_both_merge_in_either_order()
    {
        using var repository = _fixture.Open();
        var hello = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        var blue = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(
            new AccessChange("req-2", "Dana", Fixes.RoleBinding(name: "rb:blue", @namespace: "blue"))));

        Assert.Equal(MergeOutcome.Merged, (await repository.MergeAsync(blue.Number, blue.HeadSha)).Outcome);
        Assert.True((await repository.GetPullRequestAsync(hello.Number))!.Mergeable);
        var merged = await repository.MergeAsync(hello.Number, hello.HeadSha);

        Assert.Equal(MergeOutcome.Merged, merged.Outcome);
        var main = _fixture.Show("main");
        Assert.StartsWith(_fixture.Show(blue.Branch), main, StringComparison.Ordinal);
        var names = KubernetesYaml.LoadAllFromString(main)
            .Select(document => ((IKubernetesObject<V1ObjectMeta>)document).Metadata.Name).ToList();
        Assert.Equal(["rb:platform", "rb:goodbye", "rb:blue", "rb:hello"], names);
        Assert.Equal(main, _fixture.WorkingFile());
        Assert.Equal("", _fixture.Git("status", "--porcelain"));
    }

    [Fact]
    public async Task A_branch_that_conflicts_with_main_is_not_mergeable()
    {
        using var repository = _fixture.Open();
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        // Someone edits the file's last line: both sides touch the end, and main did more than append.
        var seed = Fixes.SeedFile();
        File.WriteAllText(Path.Combine(_fixture.RepositoryPath, LocalRepositoryFixture.SeedFileName),
            seed.TrimEnd('\n') + " # edited\n");
        _fixture.Git("commit", "-q", "-am", "clash");
        var mainBefore = _fixture.Head("main");

        var status = await repository.GetPullRequestAsync(opened.Number);
        var merged = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.False(status!.Mergeable);
        Assert.Equal(MergeOutcome.NotMergeable, merged.Outcome);
        Assert.Equal(mainBefore, _fixture.Head("main"));
        Assert.True((await repository.GetPullRequestAsync(opened.Number))!.IsOpen);
    }

    [Fact]
    public async Task Closing_records_the_reason_and_a_closed_request_no_longer_blocks_a_new_one()
    {
        using var repository = _fixture.Open();
        var opened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));

        var closed = await repository.CloseAsync(opened.Number, "denied by @admin\nno reason");

        Assert.Equal(new CloseResult(CloseOutcome.Closed, null), closed);
        var status = await repository.GetPullRequestAsync(opened.Number);
        Assert.False(status!.IsOpen);
        Assert.False(status.IsMerged);
        Assert.Contains("denied by @admin no reason", File.ReadAllText(Path.Combine(_fixture.RepositoryPath,
            ".git", "k8s-access", "pull-requests.json")), StringComparison.Ordinal);
        Assert.Equal(CloseOutcome.AlreadyClosed, (await repository.CloseAsync(opened.Number,
            "again")).Outcome);
        Assert.Equal(MergeOutcome.Closed, (await repository.MergeAsync(opened.Number,
            opened.HeadSha)).Outcome);
        Assert.Equal(Fixes.SeedFile(), _fixture.Show("main"));

        var reopened = Assert.IsType<OpenedPullRequest>(
            await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
        Assert.Equal(2, reopened.Number);
        Assert.Equal(opened.Branch, reopened.Branch);
    }

    [Fact]
    public async Task A_new_instance_on_the_same_folder_keeps_numbers_and_states()
    {
        string mergedHead;
        using (var first = _fixture.Open())
        {
            var one = Assert.IsType<OpenedPullRequest>(
                await first.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange()));
            var two = Assert.IsType<OpenedPullRequest>(await first.OpenPullRequestAsync(
                new AccessChange("req-2", "Dana", Fixes.RoleBinding(name: "rb:blue", @namespace: "blue"))));
            await first.OpenPullRequestAsync(new AccessChange("req-3", "Dana",
                Fixes.RoleBinding(name: "rb:red", @namespace: "red")));
            await first.MergeAsync(one.Number, one.HeadSha);
            await first.CloseAsync(two.Number, "denied");
            mergedHead = one.HeadSha;
        }

        using var second = _fixture.Open();
        var merged = await second.GetPullRequestAsync(1);
        var closed = await second.GetPullRequestAsync(2);
        var open = await second.GetPullRequestAsync(3);
        var next = await second.OpenPullRequestAsync(new AccessChange("req-4", "Dana",
            Fixes.RoleBinding(name: "rb:green", @namespace: "green")));

        Assert.Equal((false, true, mergedHead), (merged!.IsOpen, merged.IsMerged, merged.HeadSha));
        Assert.Equal((false, false), (closed!.IsOpen, closed.IsMerged));
        Assert.Equal((true, false, true), (open!.IsOpen, open.IsMerged, open.Mergeable));
        Assert.Equal(4, Assert.IsType<OpenedPullRequest>(next).Number);
        Assert.IsType<ExistingPullRequest>(await second.OpenPullRequestAsync(new AccessChange("req-3", "Dana",
            Fixes.RoleBinding(name: "rb:red", @namespace: "red"))));
    }

    [Fact]
    public async Task Two_clicks_at_once_open_one_pull_request()
    {
        using var repository = _fixture.Open();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange($"req-{i}"))));

        Assert.Single(results.OfType<OpenedPullRequest>());
        Assert.Equal(3, results.OfType<ExistingPullRequest>().Count());
        Assert.Single(_fixture.Git("branch", "--list", "k8s-access/*").Split('\n',
            StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("../main")]
    [InlineData(".hidden")]
    [InlineData("a b")]
    [InlineData("x.lock")]
    [InlineData("")]
    public async Task A_request_id_that_cannot_name_a_branch_is_refused_and_changes_nothing(string requestId)
    {
        using var repository = _fixture.Open();

        var result = await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange(requestId));

        Assert.IsType<Failed>(result);
        Assert.False(Directory.Exists(_fixture.RepositoryPath));
    }

    [Fact]
    public async Task A_fix_the_editor_refuses_opens_nothing()
    {
        using var repository = _fixture.Open();
        Assert.Null(await repository.GetPullRequestAsync(1));
        var change = new AccessChange("req-1", "Dana",
            Fixes.RoleBinding() with { Kind = "ConfigMap", Yaml = "apiVersion: v1\nkind: ConfigMap\n" });

        var result = await repository.OpenPullRequestAsync(change);

        Assert.IsType<Failed>(result);
        Assert.Equal("", _fixture.Git("branch", "--list", "k8s-access/*").Trim());
    }

    [Fact]
    public async Task A_folder_that_is_not_a_repository_is_refused_and_left_alone()
    {
        Directory.CreateDirectory(_fixture.RepositoryPath);
        File.WriteAllText(Path.Combine(_fixture.RepositoryPath, "keep.txt"), "mine");
        using var repository = _fixture.Open();

        var result = await repository.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange());

        Assert.Contains("not a Git repository", Assert.IsType<Failed>(result).Reason,
            StringComparison.Ordinal);
        Assert.Equal(["keep.txt"],
            Directory.GetFileSystemEntries(_fixture.RepositoryPath).Select(Path.GetFileName));
        await Assert.ThrowsAsync<RbacRepositoryException>(() => repository.GetPullRequestAsync(1));
    }

    [Fact]
    public async Task A_pull_request_file_that_is_not_the_bots_is_reported_not_trusted()
    {
        using (var first = _fixture.Open())
        {
            await first.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange());
        }

        File.WriteAllText(Path.Combine(_fixture.RepositoryPath, ".git", "k8s-access", "pull-requests.json"),
            "{\"nextNumber\": 1, \"pullRequests\": [{\"number\": 5}]}");
        using var second = _fixture.Open();

        var result = await second.OpenPullRequestAsync(LocalRepositoryFixture.SeedChange("req-2"));
        var merge = await second.MergeAsync(5, "abc");

        Assert.IsType<Failed>(result);
        Assert.Equal(MergeOutcome.Failed, merge.Outcome);
    }

    [Fact]
    public async Task Unknown_numbers_are_not_found()
    {
        using var repository = _fixture.Open();

        Assert.Null(await repository.GetPullRequestAsync(7));
        Assert.Equal(MergeOutcome.NotFound, (await repository.MergeAsync(7, "abc")).Outcome);
        Assert.Equal(CloseOutcome.NotFound, (await repository.CloseAsync(7, "x")).Outcome);
    }

    [Fact]
    public void A_repository_inside_its_own_seed_folder_is_refused()
    {
        var options = new LocalGitRbacOptions
        {
            RepositoryPath = Path.Combine(_fixture.Folder, "rbac"),
            SeedFrom = _fixture.Folder,
        };

        var error = Assert.Throws<ArgumentException>(() => new LocalGitRbacRepository(options));

        Assert.Contains("inside the SeedFrom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_refused_with_every_problem_named()
    {
        var options = new LocalGitRbacOptions
        {
            RepositoryPath = "",
            BaseBranch = "main..x",
            BranchPrefix = "nope",
            SeedFrom = Path.Combine(_fixture.Folder, "missing"),
        };

        var error = Assert.Throws<ArgumentException>(() => new LocalGitRbacRepository(options));

        foreach (var name in new[] { "RepositoryPath", "BaseBranch", "BranchPrefix", "SeedFrom" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }
}
