using System.Net;
using System.Text.Json;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// A stop (SIGTERM) finishes the work the bot already accepted, refuses new work, and still ends
/// within <c>Server:ShutdownTimeout</c>: the real bot on 127.0.0.1 and a fake Slack that holds
/// its answers, so replies are in flight when the stop begins.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const string Channel = "C0STOP001";
    private const string Author = "U0DEV0001";

    [Fact]
    public async Task Stop_finishes_running_and_queued_work_then_the_host_stops()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var held = slack.HoldAnswers();

        // One worker: the first paste runs (held at Slack), the second waits in the queue.
        await PasteAsync(bot, "Ev0STOP0001", "1712345678.000100");
        await held.Arrived.WaitAsync(BotTimeouts.Reply);
        await PasteAsync(bot, "Ev0STOP0002", "1712345678.000200");

        var lifetime = bot.App.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = bot.App.StopAsync(CancellationToken.None);
        await WhenCancelledAsync(lifetime.ApplicationStopping);

        Assert.False(stopping.IsCompleted, "the stop did not wait for the held reply");
        held.Release();
        await stopping.WaitAsync(BotTimeouts.Reply);

        Assert.True(lifetime.ApplicationStopped.IsCancellationRequested);
        var replies = slack.Calls
            .Where(call => call.Method == "chat.postMessage" && call.Channel == Channel)
            .Select(call => call.ThreadTs)
            .ToList();
        Assert.Equal(["1712345678.000100", "1712345678.000200"], replies.Order());
        Assert.DoesNotContain(
            bot.Logs.Lines, line => line.Contains("cancelled by shutdown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Work_offered_after_the_stop_began_is_refused_cleanly()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);
        var held = slack.HoldAnswers();
        await PasteAsync(bot, "Ev0STOP0003", "1712345678.000300");
        await held.Arrived.WaitAsync(BotTimeouts.Reply);

        var stopping = bot.App.StopAsync(CancellationToken.None);
        var backlog = bot.App.Services.GetRequiredService<SlackWorkBacklog>();
        await WaitUntilAsync(() => backlog.IsClosed);

        // What Socket Mode and the HTTP endpoints call: a slash command gets a polite ephemeral
        // answer, an event is refused so that Slack delivers it again (to the next pod).
        var handler = bot.App.Services.GetRequiredService<ISlackInboundHandler>();
        var answer = await handler.HandleSlashCommandAsync(
            new SlashCommand { Command = RunningBot.Command, Text = "exec hello", UserId = Author },
            CancellationToken.None);
        using var delivery = JsonDocument.Parse(
            SlackPayloads.Message("Ev0STOP0004", SeedError.Text, Channel, "1712345678.000400", Author));
        await Assert.ThrowsAsync<SlackBusyException>(
            () => handler.HandleEventAsync(delivery.RootElement, CancellationToken.None));
        Assert.False(backlog.TryEnqueue(new SlackWorkItem("late", (_, _) => Task.CompletedTask)));

        Assert.Contains("restarting", (string?)answer!["text"], StringComparison.Ordinal);
        Assert.Equal("ephemeral", (string?)answer["response_type"]);

        held.Release();
        await stopping.WaitAsync(BotTimeouts.Reply);
        var threads = slack.Calls
            .Where(call => call.Method == "chat.postMessage" && call.Channel == Channel)
            .Select(call => call.ThreadTs);
        Assert.Equal(["1712345678.000300"], threads);
    }

    [Fact]
    public async Task Work_still_running_at_the_shutdown_timeout_is_cancelled_and_the_stop_ends()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(
            slack, settings => settings["Server:ShutdownTimeout"] = "00:00:01");
        var held = slack.HoldAnswers();
        await PasteAsync(bot, "Ev0STOP0005", "1712345678.000500");
        await held.Arrived.WaitAsync(BotTimeouts.Reply);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await bot.App.StopAsync(CancellationToken.None).WaitAsync(BotTimeouts.Reply);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Contains(
            bot.Logs.Lines, line => line.Contains("Shutdown timeout reached", StringComparison.Ordinal));
        held.Release();
    }

    private static async Task PasteAsync(RunningBot bot, string eventId, string ts)
    {
        using var response = await bot.SendAsync(SignedRequests.Event(
            SlackPayloads.Message(eventId, SeedError.Text, Channel, ts, Author)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task WhenCancelledAsync(CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task.WaitAsync(BotTimeouts.Reply, CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + BotTimeouts.Reply;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never became true");
            await Task.Delay(20);
        }
    }
}
