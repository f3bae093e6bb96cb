using System.Text.Json.Nodes;
using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.Tests.WebApi;
using ChatOpsBot.Slack.WebApi;
using ChatOpsBot.Tests.Telemetry;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Slack.Tests.Telemetry;

/// <summary>
/// Every Web API call that fails (after its retries) counts once in the failures metric, by
/// method and kind; a successful call counts nothing.
/// </summary>
[Collection(MetricsGroup.Name)]
public sealed class SlackApiFailureMetricsTests
{
    private const string Failures = "k8s_access_bot.slack.api.failures";

    private static readonly SlackMessage Message = new("hello", new JsonArray());

    [Theory]
    [InlineData("invalid_auth", "auth")]
    [InlineData("missing_scope", "auth")]
    [InlineData("channel_not_found", "api-error")]
    [InlineData("ratelimited", "rate-limited")]
    public async Task Ok_false_counts_one_failure_of_its_kind(string error, string kind)
    {
        await using var harness = await SlackWebApiHarness.StartAsync(o => o.MaxRetryAttempts = 0);
        harness.Server.SetDefaultJson("/api/chat.postMessage", $$"""{"ok":false,"error":"{{error}}"}""");
        using var metrics = new MetricCapture(Failures);

        await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.PostMessageAsync("C1", Message, null, default));

        var counted = Assert.Single(metrics.Of(Failures));
        Assert.Equal(1, counted.Value);
        Assert.Equal("chat.postMessage", counted.Tags[BotTelemetry.MethodTag]);
        Assert.Equal(kind, counted.Tags[BotTelemetry.ErrorTag]);
    }

    [Fact]
    public async Task Http_error_without_the_envelope_counts_as_http_status()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.SetDefault("/api/chat.update", async context =>
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("<html>Bad Request</html>");
        });
        using var metrics = new MetricCapture(Failures);

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.UpdateMessageAsync(
            new SlackMessageRef("C1", "1.2"), Message, default));

        Assert.Single(metrics.Of(Failures, ("method", "chat.update"), ("error", "http-status")));
    }

    [Fact]
    public async Task Expired_response_url_counts_under_response_url()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        var hook = new Uri(harness.Server.Origin, "commands/T1/2/secret-part");
        harness.Server.Enqueue(hook.AbsolutePath, async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("expired_url");
        });
        using var metrics = new MetricCapture(Failures);

        await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.PostToResponseUrlAsync(hook, Message, replaceOriginal: false, default));

        var counted = Assert.Single(metrics.Of(Failures));
        Assert.Equal(("response_url", "api-error"), (counted.Tags["method"], counted.Tags["error"]));
    }

    [Fact]
    public async Task Closed_port_counts_as_network()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(o =>
        {
            o.BaseUrl = new Uri("http://127.0.0.1:9/api/");
            o.MaxRetryAttempts = 0;
        });
        using var metrics = new MetricCapture(Failures);

        await Assert.ThrowsAsync<HttpRequestException>(
            () => harness.Client.PostMessageAsync("C1", Message, null, default));

        Assert.Single(metrics.Of(Failures, ("method", "chat.postMessage"), ("error", "network")));
    }

    [Fact]
    public async Task Successful_call_counts_nothing()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.SetDefaultJson("/api/chat.postMessage", """{"ok":true,"channel":"C1","ts":"1.2"}""");
        using var metrics = new MetricCapture(Failures);

        await harness.Client.PostMessageAsync("C1", Message, null, default);

        Assert.Empty(metrics.Of(Failures));
    }
}
