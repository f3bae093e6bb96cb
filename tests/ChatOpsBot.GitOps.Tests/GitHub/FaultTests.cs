using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatOpsBot.GitOps.Repository;
using k8s;
using k8s.Models;

namespace ChatOpsBot.GitOps.Tests.GitHub;

public class FaultTests : GitHubTestSetup
{
    private const string OtherBinding = """

        ---
        # other namespace
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: rb:other
          namespace: other
        roleRef:
          kind: ClusterRole
          name: view
          apiGroup: rbac.authorization.k8s.io
        subjects:
          - kind: Group
            name: fake_company:readers
            apiGroup: rbac.authorization.k8s.io

        """;

    [Fact]
    public async Task Bad_gateway_is_retried()
    {
        GitHub.FailNext("POST", "/pulls", 502, new JsonObject { ["message"] = "Server Error" });
        using var repository = Repository();

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Equal(2, GitHub.RequestsTo("POST", "/pulls").Count(request
            => request.Path.EndsWith("/pulls", StringComparison.Ordinal)));
        Assert.Single(GitHub.State.PullRequests);
    }

    [Fact]
    public async Task Pull_request_opened_by_a_try_whose_answer_was_lost_is_not_opened_twice()
    {
        GitHub.LoseNextAnswer("POST", "/pulls");
        using var repository = Repository();

        var result = Assert.IsType<ExistingPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.True(result.SameRequest);
        var pull = Assert.Single(GitHub.State.PullRequests);
        Assert.Equal(result.Number, pull.Number);
        Assert.Equal(["k8s-access", "rbac"], pull.Labels);
        Assert.Equal(["alice"], pull.Reviewers);
    }

    [Fact]
    public async Task File_write_whose_answer_was_lost_is_not_written_twice()
    {
        GitHub.LoseNextAnswer("PUT", "/contents/");
        using var repository = Repository();

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Equal(2, GitHub.RequestsTo("PUT", "/contents/").Count());
        Assert.Equal(3, KubernetesYaml.LoadAllFromString(GitHub.State.ReadFile(Branch, RbacFile)!).Count);
    }

    [Fact]
    public async Task Secondary_rate_limit_waits_as_retry_after_asks_then_succeeds()
    {
        GitHub.FailNext("PUT", "/contents/", 403,
            FakeGitHubJson.Error("You have exceeded a secondary rate limit. "
                + "Please wait a few minutes before you try again."),
            new Dictionary<string, string> { ["Retry-After"] = "30" });
        using var repository = Repository(options => options.Retry.MaxDelay = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        // Retry-After (capped at MaxDelay for the test), not the 1 ms backoff.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), $"waited only {clock.Elapsed}");
        Assert.Equal(2, GitHub.RequestsTo("PUT", "/contents/").Count());
    }

    [Fact]
    public async Task Too_many_requests_is_retried()
    {
        GitHub.FailNext("GET", "/git/trees/", 429, FakeGitHubJson.Error("Too Many Requests"),
            new Dictionary<string, string> { ["Retry-After"] = "0" });
        using var repository = Repository();

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Equal(2, GitHub.RequestsTo("GET", "/git/trees/").Count());
    }

    [Fact]
    public async Task Persistent_server_errors_end_in_a_failure_after_bounded_retries()
    {
        GitHub.FailNext("GET", "/git/refs/heads/main", 503, FakeGitHubJson.Error("Unavailable"), times: 100);
        using var repository = Repository(options => options.Retry.MaxRetries = 2);

        var failed = Assert.IsType<Failed>(await repository.OpenPullRequestAsync(Change()));

        Assert.Contains("503", failed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failed.Reason);
        Assert.Equal(3, GitHub.RequestsTo("GET", "/git/refs/heads/main").Count());
    }

    [Fact]
    public async Task Other_validation_errors_are_not_retried()
    {
        GitHub.FailNext("POST", "/pulls", 422, FakeGitHubJson.Error("Validation Failed",
            "Base does not allow pull requests from bots"));
        using var repository = Repository();

        var failed = Assert.IsType<Failed>(await repository.OpenPullRequestAsync(Change()));

        Assert.Contains("Base does not allow", failed.Reason, StringComparison.Ordinal);
        Assert.Single(GitHub.RequestsTo("POST", "/pulls"), request
            => request.Path.EndsWith("/pulls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Base_branch_that_moves_before_the_commit_is_rebuilt_on_the_new_head()
    {
        GitHub.BeforeNext("PUT", "/contents/", state => state.CommitFile("main", RbacFile,
            Original + OtherBinding));
        using var repository = Repository();

        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        var committed = GitHub.State.ReadFile(Branch, RbacFile)!;
        Assert.StartsWith(Original + OtherBinding, committed, StringComparison.Ordinal);
        Assert.StartsWith("\n---\n# hello namespace\n",
            committed[(Original + OtherBinding).Length..], StringComparison.Ordinal);
        Assert.Equal(["rb:platform", "rb:goodbye", "rb:other", "rb:hello"],
            KubernetesYaml.LoadAllFromString(committed).Cast<V1RoleBinding>().Select(binding
                => binding.Metadata.Name));
        Assert.Equal(GitHub.State.Branches["main"], GitHub.State.Commits[opened.HeadSha].Parent);
    }

    [Fact]
    public async Task File_edited_on_the_branch_meanwhile_is_read_again_and_the_change_rebuilt()
    {
        GitHub.BeforeNext("PUT", "/contents/", state => state.CommitFile(Branch, RbacFile,
            Original + OtherBinding));
        using var repository = Repository();

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        var puts = GitHub.RequestsTo("PUT", "/contents/").ToList();
        Assert.Equal(2, puts.Count);
        var committed = GitHub.State.ReadFile(Branch, RbacFile)!;
        Assert.StartsWith(Original + OtherBinding, committed, StringComparison.Ordinal);
        Assert.Equal(4, KubernetesYaml.LoadAllFromString(committed).Count);
    }

    [Fact]
    public async Task File_that_already_got_the_binding_on_the_branch_is_not_written_twice()
    {
        using var repository = Repository();
        var plan = Assert.IsType<ChatOpsBot.GitOps.Editing.RbacEditPlan>(
            ChatOpsBot.GitOps.Editing.RbacFileEditor.Plan(
                new Dictionary<string, string> { [RbacFile] = Original }, Change().Fix));
        GitHub.BeforeNext("PUT", "/contents/", state => state.CommitFile(Branch, RbacFile,
            plan.Changes[0].NewText, "First try, answer lost"));

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Single(GitHub.RequestsTo("PUT", "/contents/"));
        Assert.Equal(plan.Changes[0].NewText, GitHub.State.ReadFile(Branch, RbacFile));
    }

    [Fact]
    public async Task Branch_deleted_meanwhile_is_recreated()
    {
        GitHub.BeforeNext("PUT", "/contents/", state => state.Branches.Remove(Branch));
        using var repository = Repository();

        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Equal(2, GitHub.RequestsTo("POST", "/git/refs").Count());
        Assert.Equal(GitHub.State.Branches[Branch], opened.HeadSha);
        Assert.Equal(3, KubernetesYaml.LoadAllFromString(GitHub.State.ReadFile(Branch, RbacFile)!).Count);
    }

    [Fact]
    public async Task Branch_left_by_an_earlier_try_is_reset_and_reused()
    {
        GitHub.State.Branches[Branch] = GitHub.State.CommitFile("main",
            "clusters/dev-a/unrelated.yaml", "x: 1\n");
        GitHub.State.Branches["main"] = GitHub.State.Commits[GitHub.State.Branches[Branch]].Parent!;
        using var repository = Repository();

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Null(GitHub.State.ReadFile(Branch, "clusters/dev-a/unrelated.yaml"));
        Assert.Single(GitHub.RequestsTo("PATCH", "/git/refs/heads/"));
    }

    [Fact]
    public async Task Base_that_never_settles_gives_up_with_a_clear_reason()
    {
        var round = 0;
        for (var i = 0; i < 10; i++)
        {
            GitHub.BeforeNext("PUT", "/contents/", state => state.CommitFile("main",
                "clusters/dev-a/noise.yaml", $"n: {++round}\n"));
        }

        using var repository = Repository(options => options.Retry.MaxRebuilds = 2);

        var failed = Assert.IsType<Failed>(await repository.OpenPullRequestAsync(Change()));

        Assert.Contains("kept changing", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(3, GitHub.RequestsTo("PUT", "/contents/").Count());
        Assert.Empty(GitHub.State.PullRequests);
    }
}
