using System.Net;
using System.Text.Json;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Tests.Support;

namespace ChatOpsBot.Slack.Tests.Integration;

/// <summary>The Events API endpoint, driven over real HTTP with signed requests.</summary>
public sealed class EventEndpointTests : IAsyncLifetime
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pasted_error_gets_exactly_one_threaded_reply()
    {
        var text = "Help? &lt;this&gt; fails: " + SlackPayloads.PastedError;
        using var response = await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev0001", text, "C777", "1700000001.000100")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var calls = await _host.Slack.WaitForCallsAsync(1);
        var reply = Assert.Single(calls);
        Assert.Equal("chat.postMessage", reply.Method);
        Assert.Equal("C777", reply.Channel);
        Assert.Equal("1700000001.000100", reply.ThreadTs);
        Assert.Contains("No binding grants this access", reply.Message!.Text, Ord);
        Assert.NotNull(reply.Message.Blocks);

        // The engine sees the text as the user pasted it, Slack's escapes undone.
        var request = Assert.Single(_host.Engine.Requests);
        Assert.Equal("Help? <this> fails: " + SlackPayloads.PastedError, request.Text);
        Assert.Null(request.Attempt);

        await _host.DrainAsync();
        Assert.Single(_host.Replies);
    }

    [Fact]
    public async Task A_reply_in_a_thread_goes_to_the_thread_parent()
    {
        using var response = await _host.SendAsync(SlackRequests.Event(SlackPayloads.Message(
            "Ev0002", SlackPayloads.PastedError, "C777", "1700000002.000200", threadTs: "1700000000.000001")));

        response.EnsureSuccessStatusCode();
        var reply = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        Assert.Equal("1700000000.000001", reply.ThreadTs);
    }

    [Fact]
    public async Task A_retry_of_a_handled_event_gets_200_and_no_second_reply()
    {
        var body = SlackPayloads.Message("Ev0003", SlackPayloads.PastedError, "C777", "1700000003.000300");
        (await _host.SendAsync(SlackRequests.Event(body))).EnsureSuccessStatusCode();
        await _host.Slack.WaitForCallsAsync(1);

        using var retry = await _host.SendAsync(SlackRequests.Event(body, retryNum: 1));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await _host.DrainAsync();
        Assert.Single(_host.Replies);
        Assert.Equal(1, _host.EngineCallsBesidesSentinels);
    }

    [Fact]
    public async Task A_retry_of_an_event_still_in_flight_gets_200_and_no_second_reply()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Engine.Gate = gate;
        _host.Engine.Received += _ => started.TrySetResult();
        var body = SlackPayloads.Message("Ev0004", SlackPayloads.PastedError, "C777", "1700000004.000400");

        (await _host.SendAsync(SlackRequests.Event(body))).EnsureSuccessStatusCode();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var retry1 = await _host.SendAsync(SlackRequests.Event(body, retryNum: 1));
        using var retry2 = await _host.SendAsync(SlackRequests.Event(body, retryNum: 2));
        _host.Engine.Gate = null;
        gate.SetResult();

        Assert.Equal(HttpStatusCode.OK, retry1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry2.StatusCode);
        await _host.DrainAsync();
        Assert.Single(_host.Replies);
    }

    [Fact]
    public async Task A_message_and_an_app_mention_of_the_same_post_are_answered_once()
    {
        var text = "<@UBOT0001> " + SlackPayloads.PastedError;
        (await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev0005", text, "C777", "1700000005.000500")))).EnsureSuccessStatusCode();
        (await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev0006", text, "C777", "1700000005.000500", type: "app_mention"))))
            .EnsureSuccessStatusCode();

        await _host.DrainAsync();
        var reply = Assert.Single(_host.Replies);
        Assert.Equal("1700000005.000500", reply.ThreadTs);
    }

    [Theory]
    [InlineData("events-api/event_callback-message-subtype-bot_message.json")]
    [InlineData("events-api/event_callback-app_mention-subtype-bot_message.json")]
    public async Task Bot_messages_from_slack_fixtures_get_nothing(string fixture)
    {
        // Make the bot's text look like an error too: only the bot check may stop it.
        var json = Fixture.Text(fixture)
            .Replace("Pushing is the answer", "forbidden: User cannot create", Ord)
            .Replace("<@U123> test", "forbidden: User cannot create", Ord);

        using var response = await _host.SendAsync(SlackRequests.Event(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.DrainAsync();
        Assert.Empty(_host.Replies);
        Assert.Equal(0, _host.EngineCallsBesidesSentinels);
    }

    [Fact]
    public async Task The_bots_own_messages_edits_and_other_bots_get_nothing()
    {
        var bodies = new[]
        {
            // Its own user id, named by the event's authorizations.
            SlackPayloads.Message("Ev0101", SlackPayloads.PastedError, user: "UBOT0001", ts: "1.1"),
            // A bot_id without a subtype (modern bot-token posts).
            SlackPayloads.Message("Ev0102", SlackPayloads.PastedError, ts: "1.2",
                edit: e => e["bot_id"] = "B999"),
            SlackPayloads.Message("Ev0103", SlackPayloads.PastedError, ts: "1.3",
                edit: e => e["subtype"] = "message_changed"),
            SlackPayloads.Message("Ev0104", SlackPayloads.PastedError, ts: "1.4",
                edit: e => e["subtype"] = "message_deleted"),
            SlackPayloads.Message("Ev0105", SlackPayloads.PastedError, ts: "1.5",
                edit: e => e["bot_profile"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "B1" }),
        };
        foreach (var body in bodies)
        {
            using var response = await _host.SendAsync(SlackRequests.Event(body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await _host.DrainAsync();
        Assert.Empty(_host.Replies);
        Assert.Equal(0, _host.EngineCallsBesidesSentinels);
    }

    [Fact]
    public async Task The_configured_bot_user_id_is_never_answered()
    {
        await using var host = await SlackTestHost.StartAsync(s => s["Slack:BotUserId"] = "UCONFIGBOT");
        var body = SlackPayloads.Message("Ev0106", SlackPayloads.PastedError, user: "UCONFIGBOT",
            edit: e => e.Remove("bot_id"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        json["authorizations"] = new System.Text.Json.Nodes.JsonArray();

        (await host.SendAsync(SlackRequests.Event(json.ToJsonString()))).EnsureSuccessStatusCode();

        await host.DrainAsync();
        Assert.Empty(host.Replies);
    }

    [Fact]
    public async Task Ordinary_chatter_never_reaches_the_engine()
    {
        (await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev0201", "lunch at noon? the new place on 5th", ts: "2.1"))))
            .EnsureSuccessStatusCode();
        (await _host.SendAsync(SlackRequests.Event(Fixture.Text("events-api/event_callback-message.json"))))
            .EnsureSuccessStatusCode();

        await _host.DrainAsync();
        Assert.Equal(0, _host.EngineCallsBesidesSentinels);
        Assert.Empty(_host.Replies);
    }

    [Fact]
    public async Task A_keyword_message_the_engine_rejects_gets_no_reply()
    {
        (await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev0202", "permission to merge my PR?", ts: "2.2"))))
            .EnsureSuccessStatusCode();

        await _host.DrainAsync();
        Assert.Equal(1, _host.EngineCallsBesidesSentinels);
        Assert.Empty(_host.Replies);
    }

    [Fact]
    public async Task A_mention_without_an_error_gets_a_short_hint_in_thread()
    {
        (await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev0203", "<@UBOT0001> hi there", ts: "2.3", type: "app_mention"))))
            .EnsureSuccessStatusCode();

        await _host.DrainAsync();
        var reply = Assert.Single(_host.Replies);
        Assert.Equal("2.3", reply.ThreadTs);
        Assert.Contains("no Kubernetes access error", reply.Message!.Text, Ord);
        Assert.Null(reply.Message.Blocks);
    }

    [Fact]
    public async Task Url_verification_is_answered_with_its_challenge()
    {
        using var response = await _host.SendAsync(
            SlackRequests.Event(Fixture.Text("events-api/url_verification.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            json.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task The_reply_escapes_what_came_from_the_cluster()
    {
        const string Hostile = "<!channel> see <https://evil.example|docs> & <@U123>";
        _host.Engine.Answer = r => Reports.ForRequest(r) is { } report
            ? report with { Cause = report.Cause with { Summary = Hostile } }
            : null;

        (await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev0301", SlackPayloads.PastedError, ts: "3.1")))).EnsureSuccessStatusCode();

        var reply = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        var json = BlockKitAssert.Visible(reply.Message!);
        Assert.DoesNotContain("<!channel>", json, Ord);
        Assert.DoesNotContain("<@U123>", json, Ord);
        Assert.DoesNotContain("<https://", json, Ord);
        Assert.Contains("&lt;!channel&gt;", reply.Message!.Text, Ord);
    }

    [Fact]
    public async Task The_reply_carries_the_identity_menu_and_the_request_button()
    {
        (await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("Ev0302", SlackPayloads.PastedError, ts: "3.2")))).EnsureSuccessStatusCode();

        var reply = Assert.Single(await _host.Slack.WaitForCallsAsync(1));
        var blocks = BlockKitAssert.Visible(reply.Message!);
        Assert.Contains(SlackActionIds.ChooseIdentity, blocks, Ord);
        Assert.Contains(SlackActionIds.RequestAccess, blocks, Ord);
        Assert.Contains(Reports.AdminRole, blocks, Ord);
        Assert.Contains("No chat-user mapping is configured for you", blocks, Ord);
    }
}
