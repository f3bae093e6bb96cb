using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// <c>/k8s-access</c> end to end: a quick acknowledgement, then the diagnosis on the response_url.
/// </summary>
[Collection(TimedTests.Name)]
public sealed class SlashCommandTests
{
    private const string HelloRole = "arn:aws:iam::123456789012:role/eks-role@hello";
    private const string PlatformRole = "arn:aws:iam::123456789012:role/eks-role@platform";

    // Slack shows the user an error after 3 s; the ack must leave a wide margin.
    private static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Command_is_acknowledged_at_once_and_the_diagnosis_arrives_at_the_response_url()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var responseUrl = slack.ResponseUrl("commands", "96rGlfmibIGlgcZRskXaIFfN");
        var form = SlackPayloads.Command(RunningBot.Command, "hello", responseUrl, "U2CERLKJA");

        // A first command opens the connection (and is answered by the bot itself, with help),
        // so the clock below times the bot's acknowledgement rather than the test's set-up.
        var help = SlackPayloads.Command(RunningBot.Command, "help", responseUrl, "U2CERLKJA");
        using (var warm = await bot.SendAsync(SignedRequests.Command(help)))
        {
            var usage = JsonNode.Parse(await warm.Content.ReadAsStringAsync())!;
            Assert.Equal("ephemeral", (string?)usage["response_type"]);
            Assert.Contains(RunningBot.Command, (string)usage["text"]!, StringComparison.Ordinal);
        }

        var clock = Stopwatch.StartNew();
        using var ack = await bot.SendAsync(SignedRequests.Command(form));
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(clock.Elapsed < AckBudget, $"the acknowledgement took {clock.Elapsed}");
        var ackBody = JsonNode.Parse(await ack.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)ackBody["response_type"]);
        Assert.Contains("`hello`", (string)ackBody["text"]!, StringComparison.Ordinal);

        var answer = await slack.WaitForAsync(call => call.Method == SlackCall.ResponseUrlMethod);
        Assert.Equal(responseUrl.AbsolutePath, answer.Path);
        Assert.Null(answer.Authorization);
        Assert.False((bool)answer.Json["replace_original"]!);
        Assert.Equal("ephemeral", (string?)answer.Json["response_type"]);
        SeedError.AssertProposesTheFix(answer);

        // No user name in a command: the engine ranks the aws-auth candidates and says it guessed.
        Assert.Contains("guess", answer.BlocksText, StringComparison.OrdinalIgnoreCase);
        var menu = Assert.Single(answer.Elements("static_select"));
        var offered = menu["options"]!.AsArray().Select(option => (string?)option!["value"]).ToList();
        Assert.Contains(PlatformRole, offered);
        Assert.DoesNotContain(HelloRole, offered);

        await bot.DrainAsync();
        Assert.Same(answer, Assert.Single(bot.CallsBesidesDrain));
        Assert.DoesNotContain(bot.Logs.Lines,
            line => line.Contains(responseUrl.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task User_group_mapping_read_from_Slack_settles_the_identity_and_drives_the_fix()
    {
        const string Group = "S0PLATFORM1";
        const string Member = "U0PLAT0001";
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        slack.UserGroups[Group] = ["U0OTHER001", Member];
        await using var bot = await RunningBot.StartAsync(slack, settings =>
        {
            settings["Slack:UserMappings:0:SlackUserGroupId"] = Group;
            settings["Slack:UserMappings:0:RoleArn"] = PlatformRole;
        });
        var responseUrl = slack.ResponseUrl("commands", "T0k3nPlatform");

        using var ack = await bot.SendAsync(SignedRequests.Command(
            SlackPayloads.Command(RunningBot.Command, "exec hello", responseUrl, Member)));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answer = await slack.WaitForAsync(call => call.Method == SlackCall.ResponseUrlMethod);
        var lookup = Assert.Single(slack.Calls, call => call.Method == "usergroups.users.list");
        Assert.Equal(Group, lookup.FormField("usergroup"));
        Assert.Equal("Bearer " + RunningBot.BotToken, lookup.Authorization);

        var yaml = SeedError.FixYaml(answer);
        Assert.Contains("fake_company:platform", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("fake_company:server", yaml, StringComparison.Ordinal);
        Assert.Contains(PlatformRole, answer.BlocksText, StringComparison.Ordinal);
        Assert.Empty(answer.Elements("static_select"));
    }
}
