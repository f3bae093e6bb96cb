using System.Text.Json.Nodes;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.GitOps.Tests.GitHub;
using ChatOpsBot.Tests.Telemetry;

namespace ChatOpsBot.GitOps.Tests.Telemetry;

/// <summary>
/// A GitHub operation that fails (after its retries) counts once in the failures metric, by
/// operation and kind, against the fake GitHub's real answers; success counts nothing.
/// </summary>
[Collection(MetricsGroup.Name)]
public sealed class GitHubFailureMetricsTests : GitHubTestSetup
{
    private const string Failures = "k8s_access_bot.github.failures";

    [Fact]
    public async Task Opening_a_pull_request_counts_nothing_when_it_works()
    {
        using var repository = Repository();
        using var metrics = new MetricCapture(Failures);

        Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));

        Assert.Empty(metrics.Of(Failures));
    }

    [Fact]
    public async Task Server_errors_past_the_retries_count_as_http_status()
    {
        GitHub.FailNext("POST", "/pulls", 502, new JsonObject { ["message"] = "Server Error" }, times: 20);
        using var repository = Repository(options => options.Retry.MaxRetries = 1);
        using var metrics = new MetricCapture(Failures);

        Assert.IsType<Failed>(await repository.OpenPullRequestAsync(Change()));

        var counted = Assert.Single(metrics.Of(Failures));
        Assert.Equal(1, counted.Value);
        Assert.Equal("open-pull-request", counted.Tags[BotTelemetry.OperationTag]);
        Assert.Equal("http-status", counted.Tags[BotTelemetry.ErrorTag]);
    }

    [Fact]
    public async Task Validation_refusal_counts_as_rejected()
    {
        GitHub.FailNext("POST", "/pulls", 422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(new JsonObject { ["message"] = "base branch is protected" }),
        });
        using var repository = Repository();
        using var metrics = new MetricCapture(Failures);

        Assert.IsType<Failed>(await repository.OpenPullRequestAsync(Change()));

        Assert.Single(metrics.Of(Failures, ("operation", "open-pull-request"), ("error", "rejected")));
    }

    [Fact]
    public async Task Refused_credentials_on_merge_count_as_auth()
    {
        using var repository = Repository();
        var opened = Assert.IsType<OpenedPullRequest>(await repository.OpenPullRequestAsync(Change()));
        GitHub.FailNext(
            "GET", $"/pulls/{opened.Number}", 401, new JsonObject { ["message"] = "Bad credentials" });
        using var metrics = new MetricCapture(Failures);

        var merged = await repository.MergeAsync(opened.Number, opened.HeadSha);

        Assert.Equal(MergeOutcome.Failed, merged.Outcome);
        Assert.Single(metrics.Of(Failures, ("operation", "merge"), ("error", "auth")));
    }
}
