using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// An in-process slack.com on Kestrel at 127.0.0.1: <c>POST /api/{method}</c> answers the Web
/// API methods the bot uses with Slack's JSON shapes (checking the bearer token as Slack does),
/// and <c>POST /hooks/…</c> stands for response_url hooks. Every request is recorded, and
/// tests wait for the one they expect with a signal, never a sleep.
/// </summary>
internal sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string botToken;
    private readonly Lock gate = new();
    private readonly List<SlackCall> calls = [];
    private readonly List<(Func<SlackCall, bool> Match, TaskCompletionSource<SlackCall> Done)> waiters =
        [];
    private int nextTs;
    private volatile AnswerHold? hold;

    private FakeSlackServer(WebApplication app, string botToken)
    {
        this.app = app;
        this.botToken = botToken;
    }

    /// <summary>The server's origin, such as <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>What the bot's <c>Slack:ApiBaseUrl</c> is set to.</summary>
    public Uri ApiBaseUrl => new(Origin, "api/");

    /// <summary>The members <c>usergroups.users.list</c> gives per user group id.</summary>
    public ConcurrentDictionary<string, string[]> UserGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Channels whose next chat.postMessage calls are refused with <c>not_in_channel</c>, and
    /// how many of them.
    /// </summary>
    public ConcurrentDictionary<string, int> RefusedPosts { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<SlackCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public static async Task<FakeSlackServer> StartAsync(string botToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeSlackServer(app, botToken);
        ((IApplicationBuilder)app).Run(server.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Origin = new Uri(address + "/");
        return server;
    }

    /// <summary>
    /// From now on every Web API request waits, unanswered, until the returned hold is
    /// released: a slow Slack, so that work is still in flight when a test acts.
    /// </summary>
    public AnswerHold HoldAnswers()
    {
        var held = new AnswerHold();
        hold = held;
        return held;
    }

    /// <summary>A response_url on this server, shaped like Slack's hook URLs.</summary>
    public Uri ResponseUrl(string kind, string secret) =>
        new(Origin, $"hooks/{kind}/T1DC2JH3J/397700885554/{secret}");

    /// <summary>The first call, past or future, that <paramref name="match"/> accepts.</summary>
    public async Task<SlackCall> WaitForAsync(Func<SlackCall, bool> match, TimeSpan? timeout = null)
    {
        TaskCompletionSource<SlackCall> done;
        lock (gate)
        {
            var seen = calls.FirstOrDefault(match);
            if (seen is not null)
            {
                return seen;
            }

            done = new TaskCompletionSource<SlackCall>(
                TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, done));
        }

        return await done.Task.WaitAsync(timeout ?? BotTimeouts.Reply);
    }

    /// <summary>The first chat.postMessage to <paramref name="channel"/>.</summary>
    public Task<SlackCall> WaitForPostAsync(string channel) =>
        WaitForAsync(call => call.Method == "chat.postMessage" && call.Channel == channel);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..]
            : path.StartsWith("/hooks/", StringComparison.Ordinal) ? SlackCall.ResponseUrlMethod
            : path;
        var call = new SlackCall(method, path, context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType, body);
        if (hold is { } held && path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await held.WaitAsync(context.RequestAborted);
        }

        // Answered before it is recorded, so a test that saw the call knows the bot has its answer;
        // recorded even when the body is unreadable, so a test sees every request.
        try
        {
            var (status, answer) = Answer(call);
            call.Answer = answer;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
            await context.Response.CompleteAsync();
        }
        finally
        {
            Record(call);
        }
    }

    private (int Status, JsonObject Answer) Answer(SlackCall call)
    {
        if (call.Method == SlackCall.ResponseUrlMethod)
        {
            return (200, new JsonObject { ["ok"] = true });
        }

        // Slack answers auth problems with HTTP 200 and ok:false, as every other error.
        if (call.Authorization is null)
        {
            return (200, Error("not_authed"));
        }

        if (call.Authorization != "Bearer " + botToken)
        {
            return (200, Error("invalid_auth"));
        }

        if (call.Method == "chat.postMessage" && call.Channel is { } channel && Refuse(channel))
        {
            return (200, Error("not_in_channel"));
        }

        return call.Method switch
        {
            "chat.postMessage" => (200, SlackAnswers.PostMessage(call.Json, NextTs())),
            "chat.postEphemeral" => (200, SlackAnswers.PostEphemeral(NextTs())),
            "chat.update" => (200, SlackAnswers.Update(call.Json)),
            "users.info" => (200, SlackAnswers.UserInfo(call.FormField("user") ?? "")),
            "usergroups.users.list" => (200, Members(call.FormField("usergroup"))),
            _ => (404, Error("unknown_method")),
        };
    }

    private bool Refuse(string channel)
    {
        while (RefusedPosts.TryGetValue(channel, out var left) && left > 0)
        {
            if (RefusedPosts.TryUpdate(channel, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private JsonObject Members(string? userGroup) =>
        userGroup is not null && UserGroups.TryGetValue(userGroup, out var members)
            ? SlackAnswers.UserGroupMembers(members)
            : Error("no_such_subteam");

    private string NextTs() =>
        "1700000000." + Interlocked.Increment(ref nextTs).ToString("D6", CultureInfo.InvariantCulture);

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    private void Record(SlackCall call)
    {
        List<TaskCompletionSource<SlackCall>> matched;
        lock (gate)
        {
            calls.Add(call);
            matched = waiters.Where(waiter => waiter.Match(call)).Select(waiter => waiter.Done).ToList();
            waiters.RemoveAll(waiter => matched.Contains(waiter.Done));
        }

        matched.ForEach(done => done.TrySetResult(call));
    }
}

/// <summary>Web API answers held back until <see cref="Release"/>.</summary>
internal sealed class AnswerHold
{
    private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first held request arrives.</summary>
    public Task Arrived => arrived.Task;

    /// <summary>Lets every held request, and every later one, be answered.</summary>
    public void Release() => released.TrySetResult();

    internal Task WaitAsync(CancellationToken aborted)
    {
        arrived.TrySetResult();
        return released.Task.WaitAsync(aborted);
    }
}
