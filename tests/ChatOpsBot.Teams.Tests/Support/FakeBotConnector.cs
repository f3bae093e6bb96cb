using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Teams.Tests.Support;

/// <summary>
/// An Entra-style token endpoint (<c>POST /token</c>, client credentials) and the Bot Connector's
/// conversation API on 127.0.0.1, speaking the wire format:
/// <c>POST …/v3/conversations/{id}/activities[/{id}]</c> answering <c>{"id"}</c>, and
/// <c>PUT …/activities/{id}</c>. Queued failures are answered before normal responses.
/// Shared with the end-to-end bot tests rather than copied.
/// </summary>
internal sealed class FakeBotConnector : IAsyncDisposable
{
    private const string Conversations = "/amer/v3/conversations/";

    // Generous for a loaded two-core machine (a whole approval runs behind one wait), still finite.
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _tokensIssued;
    private int _posts;

    private FakeBotConnector(WebApplication app) => _app = app;

    public string BaseAddress { get; private set; } = "";

    /// <summary>The service URL activities name; the conversation API lives under it.</summary>
    public string ServiceUrl => BaseAddress + "/amer/";

    public string TokenEndpoint => BaseAddress + "/token";

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public ConcurrentQueue<Dictionary<string, string>> TokenForms { get; } = new();

    /// <summary>Every activity call answered normally, in arrival order.</summary>
    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    /// <summary>Every POST (new message or reply): raw path, Authorization header and body.</summary>
    public IReadOnlyCollection<(string Path, string? Authorization, JsonObject Body)> Activities => Sent("POST");

    /// <summary>Every PUT (activity update): raw path, Authorization header and body.</summary>
    public IReadOnlyCollection<(string Path, string? Authorization, JsonObject Body)> Updates => Sent("PUT");

    /// <summary>Status codes (with optional Retry-After seconds) for the next activity calls.</summary>
    public ConcurrentQueue<(int Status, int? RetryAfter)> Failures { get; } = new();

    /// <summary>Starts the fake on a free port.</summary>
    /// <param name="fixedToken">The access token to issue every time; null issues token-1, token-2, ….</param>
    public static async Task<FakeBotConnector> StartAsync(string? fixedToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotConnector(app);

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            fake.TokenForms.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var n = Interlocked.Increment(ref fake._tokensIssued);
            var token = fixedToken ?? $"token-{n}";
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = token });
        });
        app.MapMethods(Conversations + "{**rest}", ["POST", "PUT"], (Delegate)fake.HandleAsync);

        await app.StartAsync();
        fake.BaseAddress = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    /// <summary>Waits for a call that matches; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            if (_calls.FirstOrDefault(match) is { } call)
            {
                return call;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    "No matching Bot Connector call; calls so far:\n"
                    + string.Join("\n", _calls.Select(c => $"{c.Method} {c.ConversationId} {c.ActivityId}: "
                        + c.Json[..Math.Min(300, c.Json.Length)])));
            }

            var poll = TimeSpan.FromMilliseconds(200);
            await _signal.WaitAsync(left < poll ? left : poll);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private List<(string Path, string? Authorization, JsonObject Body)> Sent(string method) =>
        [.. _calls.Where(c => c.Method == method).Select(c => (c.Path, c.Authorization, c.Body))];

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        // The raw path keeps the escaped ids exactly as the bot sent them.
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var rest = raw[Conversations.Length..].Split('/');
        var method = context.Request.Method;
        var shapeFits = method == "PUT" ? rest.Length == 3 : rest.Length is 2 or 3;
        if (!shapeFits || rest[1] != "activities")
        {
            return Results.NotFound();
        }

        if (Failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Results.StatusCode(failure.Status);
        }

        var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        var activityId = rest.Length == 3 ? Uri.UnescapeDataString(rest[2]) : null;
        var id = method == "PUT" ? activityId! : "reply-" + Interlocked.Increment(ref _posts);
        _calls.Enqueue(new ConnectorCall(
            method, raw, Uri.UnescapeDataString(rest[0]), activityId,
            context.Request.Headers.Authorization.ToString(), body, id));
        _signal.Release();
        return Results.Json(new { id });
    }
}
