using System.Net;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// The Request access button, end to end: the click names only the stored diagnosis, and the
/// bot records the request and tells the clicker through the click's response_url.
/// </summary>
public sealed class RequestAccessTests
{
    private const string Channel = "C0HELLO01";
    private const string MessageTs = "1712345678.000100";
    private const string Author = "U0DEV0001";
    private const string Colleague = "U0DEV0002";

    [Fact]
    public async Task Click_is_acknowledged_and_the_clicker_is_told_the_request_was_recorded()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var reply = await DiagnoseSeedAsync(bot);
        var button = Assert.Single(reply.Elements("button"));
        var responseUrl = slack.ResponseUrl("actions", "D09sSasdasdAS9091209");

        var click = Click(reply, Author, responseUrl);

        using var ack = await bot.SendAsync(SignedRequests.Interaction(click));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Empty(await ack.Content.ReadAsByteArrayAsync());
        var told = await slack.WaitForAsync(call => call.Path == responseUrl.AbsolutePath);
        Assert.Null(told.Authorization);
        Assert.False((bool)told.Json["replace_original"]!);
        Assert.Equal("ephemeral", (string?)told.Json["response_type"]);
        var text = told.Text!;
        Assert.Contains("`RoleBinding` `hello/rb:hello`", text, StringComparison.Ordinal);
        Assert.Contains("is recorded", text, StringComparison.Ordinal);
        Assert.Contains("will not change the cluster", text, StringComparison.Ordinal);
        Assert.DoesNotContain((string)button["value"]!, text, StringComparison.Ordinal);

        // Only the diagnosis and the answer to the click: nothing posted in the channel.
        await bot.DrainAsync();
        Assert.Equal(new[] { reply, told }, bot.CallsBesidesDrain);
        MessageEventTests.AssertNoSecretLogged(bot);
    }

    [Fact]
    public async Task Second_click_names_the_first_requester_and_records_nothing_new()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var reply = await DiagnoseSeedAsync(bot);
        var first = slack.ResponseUrl("actions", "F1rstClick");
        var second = slack.ResponseUrl("actions", "S3condClick");
        using (var ack = await bot.SendAsync(SignedRequests.Interaction(Click(reply, Author, first))))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await slack.WaitForAsync(call => call.Path == first.AbsolutePath);

        var click = Click(reply, Colleague, second);

        using var again = await bot.SendAsync(SignedRequests.Interaction(click));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var told = await slack.WaitForAsync(call => call.Path == second.AbsolutePath);
        Assert.Contains($"already requested by <@{Author}>", told.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing new was recorded", told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_on_an_id_the_bot_does_not_know_says_so_and_asks_to_run_the_check_again()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var responseUrl = slack.ResponseUrl("actions", "Unkn0wnId");
        const string Unknown = "AAAAAAAAAAAAAAAAAAAAAA";

        var button = new JsonObject
        {
            ["action_id"] = "k8s_access.request_access",
            ["text"] = new JsonObject
            {
                ["type"] = "plain_text",
                ["text"] = "Request access",
                ["emoji"] = true,
            },
            ["value"] = Unknown,
        };

        using var ack = await bot.SendAsync(SignedRequests.Interaction(SlackPayloads.BlockAction(
            Author, Channel, "1712345679.000200", MessageTs, responseUrl,
            SlackPayloads.ButtonAction("k8s_access.request:" + Unknown, button))));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var told = await slack.WaitForAsync(call => call.Path == responseUrl.AbsolutePath);
        Assert.Contains("don't know this request", told.Text, StringComparison.Ordinal);
        Assert.Contains("Run the check again", told.Text, StringComparison.Ordinal);
    }

    private static async Task<SlackCall> DiagnoseSeedAsync(RunningBot bot)
    {
        using var response = await bot.SendAsync(SignedRequests.Event(
            SlackPayloads.Message("Ev0ACCESS01", SeedError.Text, Channel, MessageTs, Author)));
        response.EnsureSuccessStatusCode();
        var reply = await bot.Slack.WaitForPostAsync(Channel);
        SeedError.AssertProposesTheFix(reply);
        return reply;
    }

    /// <summary>A click on the reply's button, exactly as the button was posted.</summary>
    private static string Click(SlackCall reply, string user, Uri responseUrl)
    {
        var (blockId, button) = Assert.Single(PostedElements(reply, "button"));
        return SlackPayloads.BlockAction(
            user, Channel, (string)reply.Answer!["ts"]!, (string)reply.Json["thread_ts"]!, responseUrl,
            SlackPayloads.ButtonAction(blockId, button));
    }

    /// <summary>The interactive elements of a posted message, each with its block's id.</summary>
    internal static IEnumerable<(string BlockId, JsonObject Element)> PostedElements(
        SlackCall reply, string type) =>
        reply.Blocks!
            .Where(block => (string?)block!["type"] == "actions")
            .SelectMany(block => block!["elements"]!.AsArray()
                .Where(element => (string?)element!["type"] == type)
                .Select(element => ((string)block["block_id"]!, element!.AsObject())));
}
