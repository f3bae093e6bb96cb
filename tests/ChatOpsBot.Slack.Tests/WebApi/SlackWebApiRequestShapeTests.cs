using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using ChatOpsBot.Slack.Protocol;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>What the client puts on the wire, and how it reads Slack's successful answers.</summary>
public sealed class SlackWebApiRequestShapeTests
{
    private static readonly SlackMessage Message = new(
        "Access denied: *alice* cannot exec",
        new JsonArray(new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Access denied" },
        }));

    [Fact]
    public async Task PostMessageSendsBearerTokenJsonBodyAndThreadTs()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/chat.postMessage", WebApiFixtures.Read("chat.postMessage.ok.json"));

        var posted = await harness.Client.PostMessageAsync(
            "C1H9RESGL", Message, "1503435000.000100", default);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"Bearer {SlackWebApiHarness.BotToken}", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Contains("charset=utf-8", request.ContentType, StringComparison.OrdinalIgnoreCase);

        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("C1H9RESGL", (string?)body["channel"]);
        Assert.Equal(Message.Text, (string?)body["text"]);
        Assert.Equal("1503435000.000100", (string?)body["thread_ts"]);
        Assert.Equal("section", (string?)body["blocks"]![0]!["type"]);
        Assert.False(body.ContainsKey("token"));

        // Values come from Slack's answer, not echoed from the request.
        Assert.Equal(new SlackMessageRef("C1H9RESGL", "1503435956.000247"), posted);
    }

    [Fact]
    public async Task PostMessageWithoutThreadOmitsThreadTsAndBlocks()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/chat.postMessage", """{"ok":true,"channel":"C9","ts":"17.5"}""");

        var posted = await harness.Client.PostMessageAsync("C9", new SlackMessage("hi"), null, default);

        var body = JsonNode.Parse(Assert.Single(harness.Server.Requests).Body)!.AsObject();
        Assert.False(body.ContainsKey("thread_ts"));
        Assert.False(body.ContainsKey("blocks"));
        Assert.Equal(new SlackMessageRef("C9", "17.5"), posted);
    }

    [Fact]
    public async Task PostMessageSameMessageTwiceSendsItsBlocksBothTimes()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.SetDefaultJson("/api/chat.postMessage", """{"ok":true,"channel":"C9","ts":"1.1"}""");

        await harness.Client.PostMessageAsync("C9", Message, null, default);
        await harness.Client.PostMessageAsync("C8", Message, null, default);

        Assert.All(harness.Server.Requests, r => Assert.NotNull(JsonNode.Parse(r.Body)!["blocks"]));
    }

    [Fact]
    public async Task PostEphemeralSendsChannelUserAndThread()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson(
            "/api/chat.postEphemeral", """{"ok":true,"message_ts":"1502210682.580145"}""");

        await harness.Client.PostEphemeralAsync(
            "C024BE91L", "U0BPQUNTA", Message, "1502210000.000001", default);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal($"Bearer {SlackWebApiHarness.BotToken}", request.Authorization);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("C024BE91L", (string?)body["channel"]);
        Assert.Equal("U0BPQUNTA", (string?)body["user"]);
        Assert.Equal("1502210000.000001", (string?)body["thread_ts"]);
        Assert.Equal(Message.Text, (string?)body["text"]);
    }

    [Fact]
    public async Task UpdateMessageSendsChannelTsTextAndBlocks()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/chat.update", WebApiFixtures.Read("chat.update.ok.json"));

        await harness.Client.UpdateMessageAsync(
            new SlackMessageRef("C024BE91L", "1401383885.000061"), Message, default);

        var body = JsonNode.Parse(Assert.Single(harness.Server.Requests).Body)!.AsObject();
        Assert.Equal("C024BE91L", (string?)body["channel"]);
        Assert.Equal("1401383885.000061", (string?)body["ts"]);
        Assert.Equal(Message.Text, (string?)body["text"]);
        Assert.NotNull(body["blocks"]);
    }

    [Fact]
    public async Task GetUserPostsFormWithUserAndReadsTheProfile()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/users.info", """
            {"ok":true,"user":{"id":"W012A3CDE","team_id":"T012AB3C4","name":"spengler","deleted":false,
             "real_name":"Egon Spengler","is_bot":false,"is_admin":true,
             "profile":{"real_name":"Egon Spengler","email":"spengler@ghostbusters.example.com"}}}
            """);

        var user = await harness.Client.GetUserAsync("W012A3CDE", default);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("/api/users.info", request.Path);
        Assert.Equal($"Bearer {SlackWebApiHarness.BotToken}", request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("W012A3CDE", HttpUtility.ParseQueryString(request.Body)["user"]);
        Assert.Equal(
            new SlackUser("W012A3CDE", "spengler", false, "spengler@ghostbusters.example.com"), user);
    }

    [Fact]
    public async Task GetUserBotWithoutEmailHasNullEmail()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/users.info",
            """{"ok":true,"user":{"id":"B0BOT","name":"deploybot","is_bot":true,"profile":{"email":""}}}""");

        var user = await harness.Client.GetUserAsync("B0BOT", default);

        Assert.Equal(new SlackUser("B0BOT", "deploybot", true, null), user);
    }

    [Fact]
    public async Task GetUserAnswerWithoutUserIsInvalidResponse()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/users.info", """{"ok":true}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.GetUserAsync("U1", default));

        Assert.Equal("invalid_response", error.Error);
    }

    [Fact]
    public async Task GetUserGroupMembersPostsUsergroupAndReturnsIds()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson(
            "/api/usergroups.users.list", """{"ok":true,"users":["U060R4BJ4","W123A4BC5"]}""");

        var members = await harness.Client.GetUserGroupMembersAsync("S0604QSJC", default);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("S0604QSJC", HttpUtility.ParseQueryString(request.Body)["usergroup"]);
        Assert.Equal($"Bearer {SlackWebApiHarness.BotToken}", request.Authorization);
        Assert.Equal(["U060R4BJ4", "W123A4BC5"], members);
    }

    [Fact]
    public async Task BaseUrlWithoutTrailingSlashKeepsItsPath()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(o =>
            o.BaseUrl = new Uri(o.BaseUrl.ToString().TrimEnd('/')));
        harness.Server.EnqueueJson("/api/users.info", """{"ok":true,"user":{"id":"U1","name":"a"}}""");

        await harness.Client.GetUserAsync("U1", default);

        Assert.Equal("/api/users.info", Assert.Single(harness.Server.Requests).Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task BlankIdsAreRejectedBeforeAnyRequest(string id)
    {
        await using var harness = await SlackWebApiHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.GetUserAsync(id, default));
        await Assert.ThrowsAsync<ArgumentException>(
            () => harness.Client.PostMessageAsync(id, new SlackMessage("x"), null, default));
        await Assert.ThrowsAsync<ArgumentException>(
            () => harness.Client.GetUserGroupMembersAsync(id, default));

        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task LogsNeverContainTheTokenOrTheMessageText()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/chat.postMessage", """{"ok":false,"error":"internal_error"}""");
        harness.Server.EnqueueJson("/api/chat.postMessage", WebApiFixtures.Read("chat.postMessage.ok.json"));
        harness.Server.EnqueueJson("/api/chat.update", WebApiFixtures.Read("invalid_auth.json"));

        await harness.Client.PostMessageAsync("C1", Message, null, default);
        await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.UpdateMessageAsync(new SlackMessageRef("C1", "1.2"), Message, default));

        var text = harness.Logs.AllText();
        Assert.NotEmpty(harness.Logs.Logs);
        Assert.DoesNotContain("SECRETbottoken", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", text, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonSerializer.Serialize(Message.Text), text, StringComparison.Ordinal);
    }
}
