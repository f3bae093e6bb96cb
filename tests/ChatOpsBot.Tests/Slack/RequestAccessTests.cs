using System.Net;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// The Request access button on a bot with no RBAC repository configured: the clicker is told
/// through the click's response_url and nothing else happens (the full flow is in
/// <c>Approval/ApprovalFlowTests</c>).
/// </summary>
public sealed class RequestAccessTests
{
    private const string Channel = "C0HELLO01";
    private const string MessageTs = "1712345678.000100";
    private const string Author = "U0DEV0001";

    [Fact]
    public async Task Without_an_rbac_repository_the_click_is_acknowledged_and_changes_nothing()
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
        Assert.Contains("No RBAC repository is configured", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain((string)button["value"]!, told.Text!, StringComparison.Ordinal);

        // Only the diagnosis and the answer to the click: nothing posted in any channel.
        await bot.DrainAsync();
        Assert.Equal(new[] { reply, told }, bot.CallsBesidesDrain);
        MessageEventTests.AssertNoSecretLogged(bot);
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
