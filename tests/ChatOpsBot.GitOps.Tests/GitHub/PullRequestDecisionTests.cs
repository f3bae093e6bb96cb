using System.Text.Json.Nodes;
using ChatOpsBot.GitOps.Repository;

namespace ChatOpsBot.GitOps.Tests.GitHub;

public class PullRequestDecisionTests : GitHubTestSetup
{
    [Fact]
    public async Task Merge_with_the_reviewed_head_merges_into_the_base_branch()
    {
        using var repository = Repository(options
            => options.MergeMethod = ChatOpsBot.GitOps.GitHub.RbacMergeMethod.Squash);
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        var branchText = GitHub.State.ReadFile(Branch, RbacFile);

        var merged = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(MergeOutcome.Merged, merged.Outcome);
        Assert.Equal(GitHub.State.Branches["main"], merged.MergeSha);
        Assert.Equal(branchText, GitHub.State.ReadFile("main", RbacFile));
        var request = JsonNode.Parse(Assert.Single(GitHub.RequestsTo("PUT", "/merge")).Body)!;
        Assert.Equal(opened.HeadSha, request["sha"]!.GetValue<string>());
        Assert.Equal("squash", request["merge_method"]!.GetValue<string>());

        var status = await repository.GetPullRequestAsync(opened.Number);
        Assert.True(status!.IsMerged);
        Assert.False(status.IsOpen);
        Assert.Equal(MergeOutcome.AlreadyMerged, (await repository.MergeAsync(opened.Number,
            opened.HeadSha)).Outcome);
    }

    [Fact]
    public async Task Merge_with_a_stale_head_merges_nothing()
    {
        using var repository = Repository();
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        GitHub.State.CommitFile(Branch, RbacFile, "# pushed after review\n");
        var mainBefore = GitHub.State.Branches["main"];

        var result = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(MergeOutcome.HeadChanged, result.Outcome);
        Assert.False(result.IsMerged);
        Assert.Equal(mainBefore, GitHub.State.Branches["main"]);
        Assert.Empty(GitHub.RequestsTo("PUT", "/merge"));
    }

    [Fact]
    public async Task Head_that_moves_during_the_merge_is_a_clear_result()
    {
        using var repository = Repository();
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        GitHub.BeforeNext("PUT", "/merge", state => state.CommitFile(Branch, RbacFile,
            "# pushed during the merge\n"));

        var result = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(MergeOutcome.HeadChanged, result.Outcome);
        Assert.Single(GitHub.RequestsTo("PUT", "/merge"));
        Assert.False(GitHub.State.PullRequests[0].Merged);
    }

    [Fact]
    public async Task Unmergeable_pull_request_is_a_clear_result_and_not_retried()
    {
        using var repository = Repository();
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        GitHub.FailNext("PUT", "/merge", 405,
            FakeGitHubJson.Error("Repository rule violations found\n\nAt least 1 approving review is required."));

        var result = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(MergeOutcome.NotMergeable, result.Outcome);
        Assert.Contains("approving review", result.Reason, StringComparison.Ordinal);
        Assert.Single(GitHub.RequestsTo("PUT", "/merge"));
    }

    [Fact]
    public async Task Merge_retried_after_a_lost_answer_reports_merged()
    {
        using var repository = Repository();
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        GitHub.LoseNextAnswer("PUT", "/merge");

        var result = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(MergeOutcome.Merged, result.Outcome);
        Assert.Equal(GitHub.State.Branches["main"], result.MergeSha);
        Assert.Equal(2, GitHub.RequestsTo("PUT", "/merge").Count());
        Assert.True(GitHub.State.PullRequests[0].Merged);
    }

    [Fact]
    public async Task Close_comments_the_reason_and_closes()
    {
        using var repository = Repository();
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        var closed = await repository.CloseAsync(opened.Number,
            "Denied by @platform-lead: use the view role");

        Assert.Equal(CloseOutcome.Closed, closed.Outcome);
        var pull = GitHub.State.PullRequests[0];
        Assert.Equal("closed", pull.State);
        var comment = Assert.Single(pull.Comments);
        Assert.Contains("use the view role", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("@platform-lead", comment, StringComparison.Ordinal);
        Assert.Equal(CloseOutcome.AlreadyClosed, (await repository.CloseAsync(opened.Number,
            "again")).Outcome);
        Assert.Single(pull.Comments);
        Assert.False((await repository.GetPullRequestAsync(opened.Number))!.IsOpen);
    }

    [Fact]
    public async Task Merged_pull_request_cannot_be_closed()
    {
        using var repository = Repository();
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(CloseOutcome.AlreadyMerged, (await repository.CloseAsync(opened.Number,
            "too late")).Outcome);
    }

    [Fact]
    public async Task Missing_pull_request_is_not_found_everywhere()
    {
        using var repository = Repository();

        Assert.Null(await repository.GetPullRequestAsync(42));
        Assert.Equal(MergeOutcome.NotFound, (await repository.MergeAsync(42, "abc")).Outcome);
        Assert.Equal(CloseOutcome.NotFound, (await repository.CloseAsync(42, "x")).Outcome);
    }

    [Fact]
    public async Task Approval_counts_only_for_the_current_head_and_without_change_requests()
    {
        using var repository = Repository();
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        var pull = GitHub.State.PullRequests[0];

        pull.Reviews.Add(("bob", "COMMENTED", opened.HeadSha));
        Assert.False((await repository.GetPullRequestAsync(opened.Number))!.Approved);

        pull.Reviews.Add(("alice", "APPROVED", opened.HeadSha));
        pull.Reviews.Add(("alice", "COMMENTED", opened.HeadSha));
        var approved = (await repository.GetPullRequestAsync(opened.Number))!;
        Assert.True(approved.Approved);
        Assert.Equal(["alice"], approved.Approvers);
        Assert.Equal(opened.HeadSha, approved.HeadSha);

        pull.Reviews.Add(("bob", "CHANGES_REQUESTED", opened.HeadSha));
        var blocked = (await repository.GetPullRequestAsync(opened.Number))!;
        Assert.False(blocked.Approved);
        Assert.True(blocked.ChangesRequested);

        pull.Reviews.Add(("bob", "APPROVED", opened.HeadSha));
        Assert.True((await repository.GetPullRequestAsync(opened.Number))!.Approved);

        GitHub.State.CommitFile(Branch, RbacFile, "# pushed after approval\n");
        Assert.False((await repository.GetPullRequestAsync(opened.Number))!.Approved);
    }

    [Fact]
    public async Task Unreachable_repository_on_get_is_an_exception_with_one_line()
    {
        using var repository = Repository(options => options.Retry.MaxRetries = 1);
        GitHub.FailNext("GET", "/pulls/7", 500, FakeGitHubJson.Error("Server Error"), times: 5);

        var exception = await Assert.ThrowsAsync<RbacRepositoryException>(()
            => repository.GetPullRequestAsync(7));

        Assert.Contains("500", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, GitHub.RequestsTo("GET", "/pulls/7").Count());
    }
}
