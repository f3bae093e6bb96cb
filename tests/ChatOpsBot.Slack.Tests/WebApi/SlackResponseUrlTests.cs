using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.WebApi;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>Posts to a slash command's or interaction's <c>response_url</c>.</summary>
public sealed class SlackResponseUrlTests
{
    private static readonly SlackMessage Message = new(
        "Fixed: a RoleBinding was proposed",
        new JsonArray(new JsonObject { ["type"] = "divider" }));

    [Fact]
    public async Task ReplacingPostSendsReplaceOriginalAndNoToken()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        var hook = new Uri(harness.Server.Origin, "commands/T111/111/xxx");
        harness.Server.Enqueue(hook.AbsolutePath, ctx => ctx.Response.WriteAsync("ok"));

        await harness.Client.PostToResponseUrlAsync(hook, Message, replaceOriginal: true, default);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("/commands/T111/111/xxx", request.Path);
        Assert.Null(request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.True((bool)body["replace_original"]!);
        Assert.False(body.ContainsKey("response_type"));
        Assert.Equal(Message.Text, (string?)body["text"]);
        Assert.Equal("divider", (string?)body["blocks"]![0]!["type"]);
    }

    [Theory]
    [InlineData("ephemeral")]
    [InlineData("in_channel")]
    public async Task NewMessageCarriesTheConfiguredResponseType(string responseType)
    {
        await using var harness = await SlackWebApiHarness.StartAsync(
            o => o.ResponseUrlResponseType = responseType);
        var hook = new Uri(harness.Server.Origin, "actions/T1/2/abc");
        harness.Server.EnqueueJson(hook.AbsolutePath, """{"ok":true}""");

        await harness.Client.PostToResponseUrlAsync(hook, Message, replaceOriginal: false, default);

        var body = JsonNode.Parse(Assert.Single(harness.Server.Requests).Body)!.AsObject();
        Assert.False((bool)body["replace_original"]!);
        Assert.Equal(responseType, (string?)body["response_type"]);
    }

    [Theory]
    [InlineData(404, "expired_url", "expired_url")]
    [InlineData(404, "used_url", "used_url")]
    [InlineData(400, "<html>Bad Request</html>", "http_400")]
    public async Task HookFailureSurfacesItsCode(int status, string answer, string expected)
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        var hook = new Uri(harness.Server.Origin, "commands/T1/2/3");
        harness.Server.Enqueue(hook.AbsolutePath, ctx =>
        {
            ctx.Response.StatusCode = status;
            return ctx.Response.WriteAsync(answer);
        });

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.PostToResponseUrlAsync(hook, Message, false, default));

        Assert.Equal(expected, error.Error);
        Assert.Equal("response_url", error.Method);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task OkFalseInA200IsAnError()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        var hook = new Uri(harness.Server.Origin, "commands/T1/2/3");
        harness.Server.EnqueueJson(hook.AbsolutePath, """{"ok":false,"error":"invalid_blocks"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.PostToResponseUrlAsync(hook, Message, false, default));

        Assert.Equal("invalid_blocks", error.Error);
    }

    [Fact]
    public async Task ServerErrorOnTheHookIsRetried()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        var hook = new Uri(harness.Server.Origin, "commands/T1/2/3");
        harness.Server.Enqueue(hook.AbsolutePath, ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        harness.Server.Enqueue(hook.AbsolutePath, ctx => ctx.Response.WriteAsync("ok"));

        await harness.Client.PostToResponseUrlAsync(hook, Message, true, default);

        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Theory]
    [InlineData("http://hooks.slack.com/commands/T1/2/3")]
    [InlineData("https://hooks.slack.com.attacker.example/commands/T1/2/3")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://user:pw@hooks.slack.com/commands/T1/2/3")]
    [InlineData("file:///etc/passwd")]
    public async Task UrlsOutsideSlackHooksAreRefusedWithoutARequest(string url)
    {
        await using var harness = await SlackWebApiHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(
            () => harness.Client.PostToResponseUrlAsync(new Uri(url), Message, false, default));

        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public void ConfiguredExtraHostIsAllowedOverHttpsOnly()
    {
        // Checked on the policy itself: a real request would need the host to resolve.
        var options = new SlackWebApiOptions { BotToken = "xoxb-x" };
        options.ExtraResponseUrlHosts.Add("hooks.example.test");

        SlackResponseUrlPolicy.EnsureAllowed(new Uri("https://hooks.example.test/commands/1"), options);
        SlackResponseUrlPolicy.EnsureAllowed(new Uri("https://HOOKS.slack.com/actions/T1/2/3"), options);
        Assert.Throws<ArgumentException>(
            () => SlackResponseUrlPolicy.EnsureAllowed(
                new Uri("http://hooks.example.test/commands/1"), options));
        Assert.Throws<ArgumentException>(
            () => SlackResponseUrlPolicy.EnsureAllowed(new Uri("https://example.test/commands/1"), options));
    }
}
