using System.Net;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// Pasted errors in a channel, end to end: a signed Events API delivery to the real bot, the
/// diagnosis engine over the seed snapshot, and the threaded reply on the fake Slack.
/// </summary>
public sealed class MessageEventTests
{
    private const string Channel = "C0HELLO01";
    private const string MessageTs = "1712345678.000100";
    private const string Author = "U0DEV0001";

    [Fact]
    public async Task Pasted_seed_error_gets_one_threaded_reply_naming_the_fix_and_a_request_button()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);

        using var response = await bot.SendAsync(SignedRequests.Event(
            SlackPayloads.Message("Ev0SEED0001", SeedError.Text, Channel, MessageTs, Author)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await slack.WaitForPostAsync(Channel);
        await bot.DrainAsync();

        Assert.Same(reply, Assert.Single(bot.CallsBesidesDrain));
        Assert.Equal(MessageTs, reply.ThreadTs);
        Assert.Equal("Bearer " + RunningBot.BotToken, reply.Authorization);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        SeedError.AssertProposesTheFix(reply);

        var button = Assert.Single(reply.Elements("button"));
        Assert.Equal("Request access", (string?)button["text"]!["text"]);
        var id = (string)button["value"]!;
        AssertOpaqueId(id);
        Assert.Contains(reply.Blocks!, block => (string?)block!["block_id"] is { } blockId
            && blockId.EndsWith(id, StringComparison.Ordinal) && blockId != id);
        AssertNoSecretLogged(bot);
    }

    [Fact]
    public async Task Slack_retry_of_an_answered_event_is_acknowledged_and_not_answered_again()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var delivery = SlackPayloads.Message("Ev0RETRY001", SeedError.Text, Channel, MessageTs, Author);
        using (var first = await bot.SendAsync(SignedRequests.Event(delivery)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await slack.WaitForPostAsync(Channel);

        using var retry = await bot.SendAsync(SignedRequests.Event(delivery, retryNum: 1));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await bot.DrainAsync();
        var reply = Assert.Single(bot.CallsBesidesDrain);
        Assert.Equal(MessageTs, reply.ThreadTs);
    }

    [Fact]
    public async Task Post_that_mentions_the_bot_comes_twice_from_Slack_and_is_answered_once()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);

        // People paste errors in a code block; Slack sends the post as message and as app_mention.
        var question = "can't exec into my pod, help?\n```" + SeedError.Text + "```";
        var asMessage = SlackPayloads.Message(
            "Ev0TWICE001", $"<@{RunningBot.BotUserId}> " + SlackPayloads.Escape(question),
            question, Channel, MessageTs, Author);
        var asMention = SlackPayloads.Mention(
            "Ev0TWICE002", RunningBot.BotUserId, question, Channel, MessageTs, Author);
        using (var first = await bot.SendAsync(SignedRequests.Event(asMention)))
        using (var second = await bot.SendAsync(SignedRequests.Event(asMessage)))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        }

        await bot.DrainAsync();

        var reply = Assert.Single(bot.CallsBesidesDrain);
        Assert.Equal((Channel, MessageTs), (reply.Channel, reply.ThreadTs));
        SeedError.AssertProposesTheFix(reply);
    }

    [Theory]
    [InlineData("chatter")]
    [InlineData("bot_message")]
    [InlineData("own post")]
    public async Task Messages_that_are_not_a_question_get_no_reply(string kind)
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var delivery = kind switch
        {
            "chatter" => SlackPayloads.Message(
                "Ev0CHAT0001", "deploy finished, all green", Channel, MessageTs, Author),
            "bot_message" => SlackPayloads.BotMessage("Ev0BOT00001", SeedError.Text, Channel, MessageTs),
            _ => SlackPayloads.Message(
                "Ev0SELF0001", SeedError.Text, Channel, MessageTs, RunningBot.BotUserId),
        };

        using var response = await bot.SendAsync(SignedRequests.Event(delivery));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.DrainAsync();
        Assert.Empty(bot.CallsBesidesDrain);
    }

    [Fact]
    public async Task Slack_markup_in_a_pasted_user_name_is_shown_escaped_and_pings_nobody()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        const string Hostile = "<!channel> <@U123>";
        var pasted = SeedError.Text.Replace("EKSGetTokenAuth", Hostile, StringComparison.Ordinal);
        Assert.Contains(Hostile, pasted, StringComparison.Ordinal);

        // Slack delivers what the user pasted with &, < and > escaped.
        using var response = await bot.SendAsync(SignedRequests.Event(
            SlackPayloads.Message("Ev0ESCAPE01", pasted, Channel, MessageTs, Author)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await slack.WaitForPostAsync(Channel);
        var shown = reply.BlocksText + "\n" + reply.Text;
        Assert.Contains("&lt;!channel&gt;", shown, StringComparison.Ordinal);
        Assert.Contains("&lt;@U123&gt;", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", shown, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("<[!@#]", RegexOptions.None, TimeSpan.FromSeconds(1)), shown);
    }

    /// <summary>The button carries a short id: neither the fix, the error nor a part of them.</summary>
    internal static void AssertOpaqueId(string id)
    {
        Assert.InRange(id.Length, 16, 64);
        Assert.Matches("^[A-Za-z0-9_-]+$", id);
        Assert.DoesNotContain(id, SeedError.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SeedError.FixNames, name => id.Contains(name, StringComparison.Ordinal));
    }

    internal static void AssertNoSecretLogged(RunningBot bot)
    {
        Assert.NotEmpty(bot.Logs.Lines);
        Assert.DoesNotContain(bot.Logs.Lines,
            line => line.Contains(RunningBot.BotToken, StringComparison.Ordinal)
                    || line.Contains(RunningBot.SigningSecret, StringComparison.Ordinal));
    }
}
