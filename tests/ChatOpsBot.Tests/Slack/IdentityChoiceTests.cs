using System.Net;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// Choosing another identity in the reply's menu re-runs the diagnosis as that identity and
/// replaces the posted message in place (chat.update).
/// </summary>
public sealed class IdentityChoiceTests
{
    private const string Channel = "C0HELLO01";
    private const string MessageTs = "1712345678.000100";
    private const string Author = "U0DEV0001";
    private const string PlatformRole = "arn:aws:iam::123456789012:role/eks-role@platform";

    [Fact]
    public async Task Choosing_the_other_role_updates_the_reply_with_that_roles_fix()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        using (var posted = await bot.SendAsync(SignedRequests.Event(
                   SlackPayloads.Message("Ev0CHOOSE01", SeedError.Text, Channel, MessageTs, Author))))
        {
            posted.EnsureSuccessStatusCode();
        }

        var reply = await slack.WaitForPostAsync(Channel);
        var (blockId, menu) = Assert.Single(RequestAccessTests.PostedElements(reply, "static_select"));
        var platform = Assert.Single(menu["options"]!.AsArray(),
            option => (string?)option!["value"] == PlatformRole)!.AsObject();
        var replyTs = (string)reply.Answer!["ts"]!;

        using var ack = await bot.SendAsync(SignedRequests.Interaction(SlackPayloads.BlockAction(
            Author, Channel, replyTs, MessageTs, slack.ResponseUrl("actions", "Ch00seRole"),
            SlackPayloads.SelectAction(blockId, menu, platform))));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var update = await slack.WaitForAsync(call => call.Method == "chat.update");
        Assert.Equal((Channel, replyTs), (update.Channel, (string?)update.Json["ts"]));
        Assert.Equal("Bearer " + RunningBot.BotToken, update.Authorization);
        var yaml = SeedError.FixYaml(update);
        Assert.Contains("fake_company:platform", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("fake_company:server", yaml, StringComparison.Ordinal);
        Assert.Empty(update.Elements("static_select"));

        var oldId = (string)Assert.Single(reply.Elements("button"))["value"]!;
        var newId = (string)Assert.Single(update.Elements("button"))["value"]!;
        Assert.NotEqual(oldId, newId);
        Assert.DoesNotContain(slack.Calls, call => call.Method == SlackCall.ResponseUrlMethod);
    }
}
