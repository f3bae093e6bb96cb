using System.Net;
using ChatOpsBot.Slack.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>Retries, their limits, and the failures that must never be retried.</summary>
public sealed class SlackWebApiResilienceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly SlackMessage Message = new("hello");

    [Fact]
    public async Task RateLimited429WaitsExactlyRetryAfterThenSucceeds()
    {
        var time = new TimerWatchingTimeProvider();
        await using var harness = await SlackWebApiHarness.StartAsync(time: time);
        var limited = WebApiFixtures.RateLimited();
        harness.Server.EnqueueJson("/api/chat.postMessage", limited.Body, limited.Status, retryAfter: "7");
        harness.Server.EnqueueJson("/api/chat.postMessage", WebApiFixtures.Read("chat.postMessage.ok.json"));

        var call = harness.Client.PostMessageAsync("C1", Message, null, default);

        // The client schedules a wait of exactly the server's Retry-After (no jitter added).
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(7), Wait);
        var retry = await harness.Logs.WaitForAsync(l => l.EventId.Id == 1100, Wait);
        Assert.Equal(TimeSpan.FromSeconds(7), retry.State.Single(s => s.Key == "Delay").Value);

        // Nothing moves until the fake clock passes the wait.
        time.Advance(TimeSpan.FromSeconds(6.9));
        Assert.Single(harness.Server.Requests);
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));

        var posted = await call.WaitAsync(Wait);
        Assert.Equal("1503435956.000247", posted.Ts);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task RateLimitedFixtureRetryAfterIsHonoured()
    {
        var time = new TimerWatchingTimeProvider();
        await using var harness = await SlackWebApiHarness.StartAsync(time: time);
        var limited = WebApiFixtures.RateLimited();
        var retryAfter = TimeSpan.FromSeconds(int.Parse(limited.RetryAfter, null));
        harness.Server.EnqueueJson("/api/users.info", limited.Body, limited.Status, limited.RetryAfter);
        harness.Server.EnqueueJson("/api/users.info", """{"ok":true,"user":{"id":"U1","name":"a"}}""");

        var call = harness.Client.GetUserAsync("U1", default);
        await time.WaitForTimerAsync(retryAfter, Wait);
        time.Advance(retryAfter);

        Assert.Equal("U1", (await call.WaitAsync(Wait)).Id);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task RetryAfterAsHttpDateIsMeasuredAgainstTheClock()
    {
        var time = new TimerWatchingTimeProvider();
        await using var harness = await SlackWebApiHarness.StartAsync(time: time);
        var at = time.GetUtcNow().AddSeconds(
            4).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        harness.Server.EnqueueJson("/api/users.info", """{"ok":false,"error":"ratelimited"}""", 429, at);
        harness.Server.EnqueueJson("/api/users.info", """{"ok":true,"user":{"id":"U1","name":"a"}}""");

        var call = harness.Client.GetUserAsync("U1", default);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(4), Wait);
        time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal("U1", (await call.WaitAsync(Wait)).Id);
    }

    [Fact]
    public async Task RetryAfterLongerThanTheBudgetIsNotWaitedOut()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(
            o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        harness.Server.EnqueueJson(
            "/api/chat.postMessage", """{"ok":false,"error":"ratelimited"}""", 429, "120");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.PostMessageAsync("C1", Message, null, default));

        Assert.Equal("ratelimited", error.Error);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task ServerError500ThenSuccess()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.Enqueue("/api/chat.postMessage", ctx =>
        {
            ctx.Response.StatusCode = 500;
            return ctx.Response.WriteAsync("<html>oops</html>");
        });
        harness.Server.EnqueueJson("/api/chat.postMessage", WebApiFixtures.Read("chat.postMessage.ok.json"));

        var posted = await harness.Client.PostMessageAsync("C1", Message, null, default);

        Assert.Equal("1503435956.000247", posted.Ts);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task TransientStatusesAreRetried(int status)
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.Enqueue("/api/chat.update", ctx =>
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        harness.Server.EnqueueJson("/api/chat.update", WebApiFixtures.Read("chat.update.ok.json"));

        await harness.Client.UpdateMessageAsync(new SlackMessageRef("C1", "1.2"), Message, default);

        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task PersistentServerErrorStopsAfterMaxAttempts()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(o => o.MaxRetryAttempts = 2);
        harness.Server.SetDefault("/api/users.info", ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => harness.Client.GetUserAsync("U1", default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_authed")]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("too_many_attachments")]
    [InlineData("cant_update_message")]
    [InlineData("plan_upgrade_required")]
    public async Task FinalSlackErrorsAreSurfacedAndNotRetried(string code)
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.SetDefaultJson("/api/chat.postMessage", $$"""{"ok":false,"error":"{{code}}"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.PostMessageAsync("C1", Message, null, default));

        Assert.Equal(code, error.Error);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task FixtureErrorsAreSurfacedWithTheirCodes()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson(
            "/api/chat.update", WebApiFixtures.Read("chat.update.error-cant_update_message.json"));
        harness.Server.EnqueueJson(
            "/api/chat.postMessage", WebApiFixtures.Read("chat.postMessage.error-too_many_attachments.json"));

        var update = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.UpdateMessageAsync(new SlackMessageRef("C1", "1.2"), Message, default));
        var post = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.PostMessageAsync("C1", Message, null, default));

        Assert.Equal(("chat.update", "cant_update_message"), (update.Method, update.Error));
        Assert.Equal(("chat.postMessage", "too_many_attachments"), (post.Method, post.Error));
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task MissingScopeCarriesNeededAndProvidedScopes()
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/usergroups.users.list",
            """
            {"ok":false,"error":"missing_scope","needed":"usergroups:read","provided":"chat:write,commands"}
            """);

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.GetUserGroupMembersAsync("S1", default));

        Assert.Equal("missing_scope", error.Error);
        Assert.Equal("usergroups:read", error.Data["needed"]);
        Assert.Equal("chat:write,commands", error.Data["provided"]);
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData("ratelimited")]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    [InlineData("service_unavailable")]
    public async Task TransientSlackErrorsInA200AreRetried(string code)
    {
        await using var harness = await SlackWebApiHarness.StartAsync();
        harness.Server.EnqueueJson("/api/chat.postMessage", $$"""{"ok":false,"error":"{{code}}"}""");
        harness.Server.EnqueueJson("/api/chat.postMessage", WebApiFixtures.Read("chat.postMessage.ok.json"));

        await harness.Client.PostMessageAsync("C1", Message, null, default);

        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task PersistentTransientSlackErrorSurfacesItsCodeAfterRetries()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(o => o.MaxRetryAttempts = 1);
        harness.Server.SetDefaultJson("/api/users.info", """{"ok":false,"error":"internal_error"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => harness.Client.GetUserAsync("U1", default));

        Assert.Equal("internal_error", error.Error);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task TimeoutThenSuccessForAnIdempotentMethod()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(
            o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        harness.Server.Enqueue("/api/users.info", StallUntilAbortedAsync);

        // Every later attempt is answered: on a loaded machine the retry may itself pass 300 ms.
        harness.Server.SetDefaultJson("/api/users.info", """{"ok":true,"user":{"id":"U7","name":"n"}}""");

        var user = await harness.Client.GetUserAsync("U7", default).WaitAsync(Wait);

        Assert.Equal("U7", user.Id);
        Assert.InRange(harness.Server.Requests.Count, 2, 4);
    }

    [Fact]
    public async Task TimedOutPostIsNotRepeatedSoItCannotPostTwice()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(
            o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        harness.Server.Enqueue("/api/chat.postMessage", StallUntilAbortedAsync);
        harness.Server.EnqueueJson("/api/chat.postMessage", WebApiFixtures.Read("chat.postMessage.ok.json"));

        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(
            () => harness.Client.PostMessageAsync("C1", Message, null, default).WaitAsync(Wait));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task TotalTimeoutBoundsAllAttempts()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetryAttempts = 10;
        });
        harness.Server.SetDefault("/api/users.info", StallUntilAbortedAsync);

        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(
            () => harness.Client.GetUserAsync("U1", default).WaitAsync(Wait));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
        Assert.InRange(harness.Server.Requests.Count, 1, 3);
    }

    [Fact]
    public async Task ConnectionRefusedIsRetriedEvenForPosts()
    {
        // A port that was just free: nothing listens, so the first connect fails at once.
        await using var harness = await SlackWebApiHarness.StartAsync(o =>
        {
            o.BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}/api/");
            o.MaxRetryAttempts = 2;
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => harness.Client.PostMessageAsync("C1", Message, null, default).WaitAsync(Wait));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(2, harness.Logs.Logs.Count(l => l.EventId.Id == 1100));
    }

    [Fact]
    public async Task CallerCancellationStopsRetrying()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(
            o => o.RetryBaseDelay = TimeSpan.FromSeconds(30));
        harness.Server.SetDefault("/api/users.info", ctx =>
        {
            ctx.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var cancel = new CancellationTokenSource();

        var call = harness.Client.GetUserAsync("U1", cancel.Token);
        await harness.Server.WaitForRequestsAsync(1, Wait);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Wait));
        Assert.Single(harness.Server.Requests);
    }

    private static async Task StallUntilAbortedAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up on this attempt, as the test intends.
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
