using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Tests.WebApi;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary>The Socket Mode client against an in-process Slack over real WebSockets.</summary>
public sealed class SocketModeClientTests
{
    private static readonly TimeSpan Wait = SocketModeHarness.Wait;

    private static readonly string[] MainScenarioEnvelopes =
    [
        "envelope-slash_commands.json",
        "envelope-events_api-app_mention.json",
        "envelope-interactive-shortcut.json",
    ];

    [Fact]
    public async Task HandlesEveryEnvelopeAcksEachAndRefreshesBeforeClosing()
    {
        var acks = new List<JsonObject>();
        var firstClosedBeforeScriptEnd = new TaskCompletionSource(
            TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            if (c.Number != 1)
            {
                return;
            }

            foreach (var fixture in MainScenarioEnvelopes)
            {
                await c.SendAsync(SocketModeFixtures.Read(fixture));
                acks.Add(await c.ReceiveAsync(Wait));
            }

            await c.SendAsync(SocketModeFixtures.Disconnect("refresh_requested"));
            await c.Closed.WaitAsync(Wait);
            firstClosedBeforeScriptEnd.TrySetResult();
        });

        await harness.StartAsync();
        var second = await harness.Server.WaitForConnectionAsync(2, Wait);
        await firstClosedBeforeScriptEnd.Task.WaitAsync(Wait);
        await harness.Handler.WaitForCallsAsync(3, Wait);

        // Every envelope acknowledged with its own id, in order.
        Assert.Equal(
            [
                SocketModeFixtures.EnvelopeId("envelope-slash_commands.json"),
                SocketModeFixtures.EnvelopeId("envelope-events_api-app_mention.json"),
                SocketModeFixtures.EnvelopeId("envelope-interactive-shortcut.json"),
            ],
            acks.Select(a => (string?)a["envelope_id"]));

        // The slash command accepts a response payload: the handler's reply rides on the ack.
        Assert.Equal("ephemeral", (string?)acks[0]["payload"]!["response_type"]);
        Assert.False(acks[1].ContainsKey("payload"));
        Assert.False(acks[2].ContainsKey("payload"));

        var command = Assert.Single(harness.Handler.Commands);
        Assert.Equal("/hello-socket-mode", command.Command);
        Assert.Equal("U111", command.UserId);
        Assert.Equal("C111", command.ChannelId);
        Assert.Equal("T111", command.TeamId);
        Assert.Equal("testxyz", command.UserName);
        Assert.Equal("A111", command.ApiAppId);
        Assert.Equal("111.222.xxx", command.TriggerId);
        Assert.Equal(new Uri("https://hooks.slack.com/commands/T111/111/xxx"), command.ResponseUrl);

        var evt = Assert.Single(harness.Handler.Events);
        Assert.Equal("event_callback", evt.GetProperty("type").GetString());
        Assert.Equal("Ev111", evt.GetProperty("event_id").GetString());
        Assert.Equal("app_mention", evt.GetProperty("event").GetProperty("type").GetString());

        var interaction = Assert.Single(harness.Handler.Interactions);
        Assert.Equal("shortcut", interaction.GetProperty("type").GetString());
        Assert.Equal("do-something", interaction.GetProperty("callback_id").GetString());

        // The replacement socket was open before the client closed the first one.
        Assert.True(harness.Server.IndexOf("open:2") >= 0);
        Assert.True(
            harness.Server.IndexOf("open:2") < harness.Server.IndexOf("closed:1"),
            string.Join(", ", harness.Server.Timeline));
        Assert.False(second.Closed.IsCompleted);
        Assert.All(
            harness.Server.OpenAuthorizations, a => Assert.Equal($"Bearer {SocketModeHarness.AppToken}", a));
        Assert.Equal(2, harness.Server.OpenAuthorizations.Count);
        Assert.Contains("POST apps.connections.open", harness.Server.Timeline);
        Assert.True(harness.Client.IsConnected);
    }

    [Fact]
    public async Task AnEventRefusedWhileBusyIsNotAcknowledgedAndItsRedeliveryIsHandled()
    {
        const string Fixture = "envelope-events_api-app_mention.json";
        SocketModeHarness? harness = null;
        var acknowledgedWhileBusy = true;
        JsonObject? secondAck = null;
        var scriptDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync(SocketModeFixtures.Read(Fixture));

            // No ack is expected (so Slack redelivers it); peek rather than read, which would
            // leave a pending read behind to swallow the next ack.
            await harness!.Handler.WaitForCallsAsync(1, Wait);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            acknowledgedWhileBusy = c.HasPendingMessage;

            await c.SendAsync(SocketModeFixtures.Read(Fixture));
            secondAck = await c.ReceiveAsync(Wait);
            scriptDone.TrySetResult();
        });
        var calls = 0;
        harness.Handler.OnEvent = (_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new SlackBusyException()
            : Task.FromResult<JsonObject?>(null);

        await using var running = harness;
        await harness.StartAsync();
        await scriptDone.Task.WaitAsync(Wait);

        Assert.False(acknowledgedWhileBusy);
        Assert.Equal(SocketModeFixtures.EnvelopeId(Fixture), (string?)secondAck?["envelope_id"]);
        Assert.Equal(2, harness.Handler.Events.Count);
    }

    [Fact]
    public async Task WarningAlsoOpensTheNewSocketFirst()
    {
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            if (c.Number == 1)
            {
                await c.SendAsync(SocketModeFixtures.Disconnect("warning"));
            }
        });

        await harness.StartAsync();
        var first = await harness.Server.WaitForConnectionAsync(1, Wait);
        await harness.Server.WaitForConnectionAsync(2, Wait);
        await first.Closed.WaitAsync(Wait);

        Assert.True(harness.Server.IndexOf("open:2") < harness.Server.IndexOf("closed:1"));
    }

    [Fact]
    public async Task ReassemblesAFragmentedLargeEnvelope()
    {
        const string fixture = "envelope-interactive-block_actions-static_select-large.json";
        var ack = NewSignal<JsonObject>();
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendFragmentsAsync(SocketModeFixtures.Read(fixture), 1000);
            ack.TrySetResult(await c.ReceiveAsync(Wait));
        });

        await harness.StartAsync();
        var connection = await harness.Server.WaitForConnectionAsync(1, Wait);
        var received = await ack.Task.WaitAsync(Wait);

        Assert.Equal(SocketModeFixtures.EnvelopeId(fixture), (string?)received["envelope_id"]);
        await harness.Handler.WaitForCallsAsync(1, Wait);
        var interaction = Assert.Single(harness.Handler.Interactions);
        Assert.Equal("block_actions", interaction.GetProperty("type").GetString());
        Assert.Equal(
            JsonNode.Parse(SocketModeFixtures.Read(fixture))!["payload"]!.ToJsonString(),
            JsonNode.Parse(interaction.GetRawText())!.ToJsonString());
        Assert.False(connection.Closed.IsCompleted);
    }

    [Fact]
    public async Task MalformedMessagesAreSkippedAndTheSocketKeepsWorking()
    {
        var ack = NewSignal<JsonObject>();
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync("{\"type\": \"events_api\", \"envelope_id\": ");
            await c.SendAsync("[1,2,3]");
            await c.SendAsync("{\"no_type\":true}");
            await c.SendAsync("not json at all \u0000");
            await c.SendAsync(SocketModeFixtures.Read("envelope-events_api-message.json"));
            ack.TrySetResult(await c.ReceiveAsync(Wait));
        });

        await harness.StartAsync();
        var connection = await harness.Server.WaitForConnectionAsync(1, Wait);
        var received = await ack.Task.WaitAsync(Wait);

        Assert.Equal(
            SocketModeFixtures.EnvelopeId("envelope-events_api-message.json"),
            (string?)received["envelope_id"]);
        await harness.Handler.WaitForCallsAsync(1, Wait);
        Assert.Single(harness.Handler.Events);
        Assert.Equal(4, harness.Logs.Logs.Count(l => l.EventId.Id == 1207));
        Assert.False(connection.Closed.IsCompleted);
        Assert.Single(harness.Server.OpenAuthorizations);
    }

    [Fact]
    public async Task ReconnectsAfterTheSocketDrops()
    {
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            if (c.Number == 1)
            {
                // An acked envelope proves the client is past hello before the line drops.
                await c.SendAsync(SocketModeFixtures.Read("envelope-events_api-message.json"));
                await c.ReceiveAsync(Wait);
                c.Abort();
            }
        });

        await harness.StartAsync();
        var second = await harness.Server.WaitForConnectionAsync(2, Wait);

        await harness.Logs.WaitForAsync(l => l.EventId.Id == 1203, Wait);
        Assert.Equal(2, harness.Server.OpenAuthorizations.Count);
        Assert.False(second.Closed.IsCompleted);
    }

    [Fact]
    public async Task ReconnectsAfterSlackClosesTheSocket()
    {
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            if (c.Number == 1)
            {
                await c.CloseAsync();
            }
        });

        await harness.StartAsync();

        await harness.Server.WaitForConnectionAsync(2, Wait);
        Assert.True(harness.Server.IndexOf("closed:1") < harness.Server.IndexOf("open:2"));
    }

    [Fact]
    public async Task KeepsRetryingWhileConnectionsOpenFails()
    {
        await using var harness = await SocketModeHarness.CreateAsync();
        harness.Server.EnqueueOpenReply(
            ctx => FakeSlackWebApiServer.WriteJsonAsync(ctx, "<html>", 503, null));
        harness.Server.EnqueueOpenReply(ctx => FakeSlackWebApiServer.WriteJsonAsync(
            ctx, """{"ok":false,"error":"internal_error"}""", 200, null));

        await harness.StartAsync();
        await harness.Server.WaitForConnectionAsync(1, Wait);

        Assert.Equal(3, harness.Server.OpenAuthorizations.Count);
        Assert.Equal(2, harness.Logs.Logs.Count(l => l.EventId.Id == 1204));
    }

    [Fact]
    public async Task RefusedAppTokenStopsWithoutLooping()
    {
        await using var harness = await SocketModeHarness.CreateAsync();
        harness.Server.EnqueueOpenReply(ctx => FakeSlackWebApiServer.WriteJsonAsync(
            ctx, SocketModeFixtures.Read("invalid_auth.json"), 200, null));

        await harness.StartAsync();
        await harness.Client.ExecuteTask!.WaitAsync(Wait);

        Assert.Single(harness.Server.OpenAuthorizations);
        Assert.Contains(
            harness.Logs.Logs,
            l => l.EventId.Id == 1205 && l.Message.Contains("invalid_auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkDisabledStopsTheClient()
    {
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync(SocketModeFixtures.Disconnect("link_disabled"));
        });

        await harness.StartAsync();
        var first = await harness.Server.WaitForConnectionAsync(1, Wait);
        await harness.Client.ExecuteTask!.WaitAsync(Wait);
        await first.Closed.WaitAsync(Wait);

        Assert.Single(harness.Server.OpenAuthorizations);
        Assert.Contains(harness.Logs.Logs, l => l.EventId.Id == 1206);
        Assert.False(harness.Client.IsConnected);
    }

    [Fact]
    public async Task TooManyWebsocketsDoesNotOpenAnotherSocket()
    {
        var sentAndAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync(SocketModeFixtures.Read("disconnect-too_many_websockets.json"));

            // Still served: an envelope after the notice is handled and acknowledged.
            await c.SendAsync(SocketModeFixtures.Read("envelope-events_api-message.json"));
            await c.ReceiveAsync(Wait);
            sentAndAcked.TrySetResult();
        });

        await harness.StartAsync();
        await sentAndAcked.Task.WaitAsync(Wait);

        Assert.Single(harness.Server.OpenAuthorizations);
    }

    [Fact]
    public async Task FailingHandlerStillGetsItsEnvelopeAcknowledged()
    {
        var ack = NewSignal<JsonObject>();
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync(SocketModeFixtures.Read("envelope-slash_commands.json"));
            ack.TrySetResult(await c.ReceiveAsync(Wait));
        });
        harness.Handler.OnSlashCommand = (_, _) => throw new InvalidOperationException("boom");

        await harness.StartAsync();
        var received = await ack.Task.WaitAsync(Wait);

        Assert.Equal(
            SocketModeFixtures.EnvelopeId("envelope-slash_commands.json"), (string?)received["envelope_id"]);
        Assert.False(received.ContainsKey("payload"));
        Assert.Contains(harness.Logs.Logs, l => l.EventId.Id == 1211);
    }

    [Fact]
    public async Task SlowHandlerIsAcknowledgedWithinTheDeadlineWithoutItsReply()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ack = NewSignal<JsonObject>();
        await using var harness = await SocketModeHarness.CreateAsync(
            async c =>
            {
                await c.SendAsync(SocketModeFixtures.Read("hello.json"));
                await c.SendAsync(SocketModeFixtures.Read("envelope-slash_commands.json"));
                ack.TrySetResult(await c.ReceiveAsync(Wait));
            },
            o => o.AckDeadline = TimeSpan.FromMilliseconds(200));
        harness.Handler.OnSlashCommand = async (_, _) =>
        {
            await release.Task;
            return new JsonObject { ["text"] = "too late" };
        };

        await harness.StartAsync();
        var received = await ack.Task.WaitAsync(Wait);
        release.SetResult();

        Assert.False(received.ContainsKey("payload"));
        Assert.Contains(harness.Logs.Logs, l => l.EventId.Id == 1212);
    }

    [Fact]
    public async Task EventsAreAcknowledgedBeforeTheHandlerFinishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ack = NewSignal<JsonObject>();
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync(SocketModeFixtures.Read("envelope-events_api-message.json"));
            ack.TrySetResult(await c.ReceiveAsync(Wait));
        });
        harness.Handler.OnEvent = async (_, _) =>
        {
            await release.Task;
            return null;
        };

        await harness.StartAsync();
        var received = await ack.Task.WaitAsync(Wait);

        Assert.Equal(
            SocketModeFixtures.EnvelopeId("envelope-events_api-message.json"),
            (string?)received["envelope_id"]);
        release.SetResult();
    }

    [Fact]
    public async Task RedeliveredEnvelopeIsAcknowledgedAgainButHandledOnce()
    {
        var acks = new List<JsonObject>();
        var done = NewSignal();
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync(SocketModeFixtures.Read("envelope-events_api-app_mention.json"));
            acks.Add(await c.ReceiveAsync(Wait));
            await c.SendAsync(SocketModeFixtures.Read("envelope-events_api-app_mention.json"));
            acks.Add(await c.ReceiveAsync(Wait));
            done.TrySetResult();
        });

        await harness.StartAsync();
        await done.Task.WaitAsync(Wait);

        await harness.Handler.WaitForCallsAsync(1, Wait);
        var expected = SocketModeFixtures.EnvelopeId("envelope-events_api-app_mention.json");
        Assert.All(acks, a => Assert.Equal(expected, (string?)a["envelope_id"]));
        Assert.Single(harness.Handler.Events);
    }

    [Fact]
    public async Task UnknownEnvelopeTypeIsAcknowledgedAndSkipped()
    {
        var ack = NewSignal<JsonObject>();
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync(
                """{"envelope_id":"env-unknown-1","type":"brand_new_kind","payload":{}}""");
            ack.TrySetResult(await c.ReceiveAsync(Wait));
        });

        await harness.StartAsync();
        var received = await ack.Task.WaitAsync(Wait);

        Assert.Equal("env-unknown-1", (string?)received["envelope_id"]);
        Assert.Equal(0, harness.Handler.TotalCalls);
    }

    [Fact]
    public async Task SlashCommandWithoutUserIsAcknowledgedButNotHandled()
    {
        var ack = NewSignal<JsonObject>();
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync("""
                {"envelope_id":"env-2","type":"slash_commands","payload":{"command":"/k8s-access"},
                 "accepts_response_payload":true}
                """);
            ack.TrySetResult(await c.ReceiveAsync(Wait));
        });

        await harness.StartAsync();
        var received = await ack.Task.WaitAsync(Wait);

        Assert.Equal("env-2", (string?)received["envelope_id"]);
        Assert.Empty(harness.Handler.Commands);
    }

    [Fact]
    public async Task ManyEnvelopesInParallelAreAllAcknowledged()
    {
        var ids = Enumerable.Range(1, 40).Select(i => $"env-{i}").ToList();
        var acked = new List<string>();
        var done = NewSignal();
        await using var harness = await SocketModeHarness.CreateAsync(
            async c =>
            {
                await c.SendAsync(SocketModeFixtures.Read("hello.json"));
                foreach (var id in ids)
                {
                    await c.SendAsync(SocketModeFixtures.WithEnvelopeId("envelope-slash_commands.json", id));
                }

                foreach (var _ in ids)
                {
                    acked.Add((string)(await c.ReceiveAsync(Wait))["envelope_id"]!);
                }

                done.TrySetResult();
            },
            o => o.MaxConcurrentEnvelopes = 4);

        await harness.StartAsync();
        await done.Task.WaitAsync(Wait);

        Assert.Equal(ids.Order(), acked.Order());
        Assert.Equal(ids.Count, harness.Handler.Commands.Count);
    }

    // Without hello the socket is open but not yet the client's current one when the host stops;
    // it must be closed all the same. The frame waited for shows the client has read from it.
    [Theory]
    [InlineData("hello.json", 1201)]
    [InlineData(null, 1215)]
    public async Task StoppingTheHostClosesTheSocket(string? firstFrame, int loggedEventId)
    {
        var frame = firstFrame is null
            ? """{"type":"not_hello_yet"}"""
            : SocketModeFixtures.Read(firstFrame);
        await using var harness = await SocketModeHarness.CreateAsync(script: c => c.SendAsync(frame));

        await harness.StartAsync();
        var connection = await harness.Server.WaitForConnectionAsync(1, Wait);
        await harness.Logs.WaitForAsync(l => l.EventId.Id == loggedEventId, Wait);
        await harness.StopAsync();

        await connection.Closed.WaitAsync(Wait);
        Assert.Contains("closed:1", harness.Server.Timeline);
        Assert.True(harness.Client.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task StoppingWhileReconnectingEndsPromptly()
    {
        await using var harness = await SocketModeHarness.CreateAsync(tweak: o =>
        {
            o.ReconnectBaseDelay = TimeSpan.FromMinutes(5);
            o.ReconnectMaxDelay = TimeSpan.FromMinutes(5);
        });
        harness.Server.EnqueueOpenReply(ctx => FakeSlackWebApiServer.WriteJsonAsync(ctx, "{}", 500, null));

        await harness.StartAsync();
        await harness.Logs.WaitForAsync(l => l.EventId.Id == 1204, Wait);
        await harness.StopAsync();

        Assert.True(harness.Client.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task NoSocketWithoutHello()
    {
        await using var harness = await SocketModeHarness.CreateAsync(
            c => c.Number == 1 ? Task.CompletedTask : c.SendAsync(SocketModeFixtures.Read("hello.json")),
            o => o.HelloTimeout = TimeSpan.FromMilliseconds(300));

        await harness.StartAsync();
        var first = await harness.Server.WaitForConnectionAsync(1, Wait);
        await harness.Server.WaitForConnectionAsync(2, Wait);

        await first.Closed.WaitAsync(Wait);
        await harness.Logs.WaitForAsync(l => l.EventId.Id == 1201, Wait);

        // Ready is logged as hello arrives; the client adopts the socket a continuation later.
        await WaitUntilConnectedAsync(harness);
        Assert.DoesNotContain(
            harness.Logs.Logs,
            l => l.EventId.Id == 1201 && Equals(l.State.FirstOrDefault(v => v.Key == "Connection").Value, 1));
    }

    [Fact]
    public async Task DebugReconnectsAddsTheFlagToTheSocketUrl()
    {
        await using var harness = await SocketModeHarness.CreateAsync(tweak: o => o.DebugReconnects = true);

        await harness.StartAsync();
        var connection = await harness.Server.WaitForConnectionAsync(1, Wait);

        Assert.Contains("ticket=1", connection.Query, StringComparison.Ordinal);
        Assert.Contains("debug_reconnects=true", connection.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsNeverContainTheAppTokenTicketOrPayloads()
    {
        var ack = NewSignal<JsonObject>();
        await using var harness = await SocketModeHarness.CreateAsync(async c =>
        {
            await c.SendAsync(SocketModeFixtures.Read("hello.json"));
            await c.SendAsync(SocketModeFixtures.Read("envelope-events_api-message.json"));
            await c.SendAsync("{not json <@U222> Hi here!");
            ack.TrySetResult(await c.ReceiveAsync(Wait));
        });

        await harness.StartAsync();
        var received = await ack.Task.WaitAsync(Wait);
        await harness.StopAsync();

        var text = harness.Logs.AllText();
        Assert.DoesNotContain("SECRETapptoken", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ticket=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hi here", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledWithoutAnAppToken()
    {
        await using var harness = await SocketModeHarness.CreateAsync(tweak: o => o.AppToken = "");

        await harness.StartAsync();
        await harness.Client.ExecuteTask!.WaitAsync(Wait);

        Assert.Empty(harness.Server.OpenAuthorizations);
        Assert.Contains(harness.Logs.Logs, l => l.EventId.Id == 1200);
    }

    // IsConnected has no event to wait for; it is polled, within the usual bound.
    private static async Task WaitUntilConnectedAsync(SocketModeHarness harness)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!harness.Client.IsConnected)
        {
            Assert.True(DateTime.UtcNow < deadline, "the client never had a socket Slack said hello on");
            await Task.Delay(10);
        }
    }

    private static TaskCompletionSource<T> NewSignal<T>() => new(
        TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource NewSignal() => new(
        TaskCreationOptions.RunContinuationsAsynchronously);
}
