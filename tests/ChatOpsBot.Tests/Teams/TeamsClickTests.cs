using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Tests.Support;
using ChatOpsBot.Tests.Slack;

namespace ChatOpsBot.Tests.Teams;

/// <summary>
/// Card clicks without an RBAC repository: an <c>Action.Execute</c> invoke is answered at once
/// with a valid invoke response, an <c>Action.Submit</c> message acts the same, and the answer
/// comes in the conversation, naming the person in a channel.
/// </summary>
public sealed class TeamsClickTests : IAsyncLifetime
{
    private const string RequestAccess = "k8s_access.request_access";
    private FakeBotConnector _connector = null!;
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _bot = await TeamsBot.StartAsync(_connector);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task An_execute_click_is_answered_at_once_and_told_in_the_thread()
    {
        var (reply, thread) = await _bot.DiagnoseInChannelAsync("1762000000001");
        var (verb, data) = TeamsApprovalTests.Executes(reply.Card!).Single(a => a.Verb == RequestAccess);
        var invoke = TeamsPayloads.Invoke(
            _connector.ServiceUrl, TeamsPayloads.ExecuteValue(verb, data), reply.Id, thread, "channel",
            Person.Developer);

        using var response = await _bot.SendAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)answer["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)answer["value"]));
        var told = await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("No RBAC repository is configured", StringComparison.Ordinal));
        Assert.Contains(Person.Developer.Name, told.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_message_acts_like_the_click()
    {
        var (reply, thread) = await _bot.DiagnoseInChannelAsync("1762000000002");
        var (_, data) = TeamsApprovalTests.Executes(reply.Card!).Single(a => a.Verb == RequestAccess);
        var submit = TeamsPayloads.ChannelMessage(
            _connector.ServiceUrl, "", "1762000000099", "1762000000002", Person.Developer, mention: false);
        submit["value"] = data;
        submit["replyToId"] = reply.Id;

        using var response = await _bot.SendAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("No RBAC repository is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_click_with_a_forged_value_changes_nothing_and_says_so()
    {
        var (reply, thread) = await _bot.DiagnoseInChannelAsync("1762000000003");
        var data = new JsonObject
        {
            ["action_id"] = RequestAccess,
            ["block_id"] = "k8s_access.request:AAAAAAAAAAAAAAAAAAAAAA",
            ["value"] = "AAAAAAAAAAAAAAAAAAAAAA",
        };
        var invoke = TeamsPayloads.Invoke(
            _connector.ServiceUrl, TeamsPayloads.ExecuteValue(RequestAccess, data), reply.Id, thread,
            "channel", Person.Developer);

        using var response = await _bot.SendAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _connector.WaitForAsync(call => call.ConversationId == thread
            && call.Json.Contains("Run the check again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paste_that_teams_sent_as_html_is_diagnosed()
    {
        var html = "<p>" + SeedError.Text.Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("\n", "<br/>", StringComparison.Ordinal) + "</p>";

        var (reply, _) = await _bot.DiagnoseInChannelAsync("1762000000004", html);

        TeamsMessageTests.AssertNamesTheFix(reply);
    }

    [Fact]
    public async Task In_a_group_chat_a_mention_with_an_error_is_answered_in_the_chat()
    {
        var activity = TeamsPayloads.ChannelMessage(
            _connector.ServiceUrl, SeedError.Text, "1762000000005", "1762000000005", Person.Developer,
            mention: true);
        activity["conversation"]!["id"] = "19:groupchat0001@thread.v2";
        activity["conversation"]!["conversationType"] = "groupChat";
        activity["channelData"]!.AsObject().Remove("channel");
        activity["channelData"]!.AsObject().Remove("team");

        using var response = await _bot.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.WaitForAsync(
            call => call.ConversationId == "19:groupchat0001@thread.v2");
        TeamsMessageTests.AssertNamesTheFix(reply);
    }
}
