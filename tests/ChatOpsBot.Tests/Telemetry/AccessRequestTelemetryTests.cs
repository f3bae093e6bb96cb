using ChatOpsBot.Tests.Approval;
using static ChatOpsBot.Tests.Approval.ApprovalSetup;

namespace ChatOpsBot.Tests.Telemetry;

/// <summary>
/// The whole request flow with the real bot, fake Slack and fake GitHub: each step the request
/// reaches counts once by outcome, and the request, the decision and the verification are spans.
/// </summary>
[Collection(MetricsGroup.Name)]
public sealed class AccessRequestTelemetryTests
{
    private const string Requests = "k8s_access_bot.access_requests";

    [Fact]
    public async Task Request_to_verified_counts_every_step_and_makes_its_spans()
    {
        using var spans = new SpanCapture();
        using var metrics = new MetricCapture(Requests);
        await using var setup = await ApprovalSetup.StartAsync();

        var reply = await setup.DiagnoseAsync();
        var requestId = (string)reply.Elements("button").Single()["value"]!;
        await setup.ToldAsync(await setup.ClickAsync(reply, "k8s_access.request_access", Requester));
        var approval = await setup.ApprovalMessageAsync();
        await setup.ClickAsync(approval, "k8s_access.approve", Admin);
        await setup.ThreadMessageAsync("is merged");
        var pull = Assert.Single(setup.GitHub.State.PullRequests);
        var committed = setup.GitHub.State.ReadFile(pull.Head, RbacFile)!;
        await File.WriteAllTextAsync(
            Path.Combine(setup.Snapshot, "rb-hello.yaml"), committed[OriginalRbacFile.Length..]);
        await setup.ThreadMessageAsync("you can exec into pods in `hello` now");

        var outcomes = metrics.Of(Requests).Select(item => item.Tags["outcome"]).ToList();
        Assert.Equal(["requested", "pr-opened", "approved", "merged", "verified"], outcomes);

        var request = await spans.WaitForAsync("access-request");
        Assert.Equal(requestId, request.GetTagItem("diagnosis.id"));
        var decision = await spans.WaitForAsync("decision");
        Assert.Equal("approve", decision.GetTagItem("verdict"));
        Assert.Equal(requestId, decision.GetTagItem("request.id"));
        await spans.WaitForAsync("verification", check => Equals(check.GetTagItem("allowed"), true));
        Assert.Single(spans.Named("access-request"));
        Assert.Single(spans.Named("decision"));
        Assert.All(
            spans.Named("verification"),
            check => Assert.Equal(requestId, check.GetTagItem("request.id")));
    }
}
