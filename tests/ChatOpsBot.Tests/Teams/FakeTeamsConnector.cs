using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Tests.Teams;

/// <summary>One call the bot made to the Bot Connector.</summary>
/// <param name="Method">POST (new message or reply) or PUT (update).</param>
/// <param name="ConversationId">The conversation id from the path, unescaped.</param>
/// <param name="ActivityId">The activity id from the path (reply target or updated message), or null.</param>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="Body">The activity sent.</param>
/// <param name="Id">The id the fake gave the new activity (for a POST).</param>
internal sealed record ConnectorCall(
    string Method,
    string ConversationId,
    string? ActivityId,
    string? Authorization,
    JsonObject Body,
    string Id)
{
    /// <summary>The whole activity as JSON text, to search for what it shows.</summary>
    public string Json => Body.ToJsonString();

    /// <summary>The Adaptive Card the activity carries, or null.</summary>
    public JsonObject? Card =>
        (Body["attachments"] as JsonArray)?.OfType<JsonObject>()
        .FirstOrDefault(a => (string?)a["contentType"] == CardType)?["content"] as JsonObject;

    private const string CardType = "application/vnd.microsoft.card.adaptive";
}

/// <summary>
/// The Entra token endpoint and the Bot Connector's conversation API on 127.0.0.1, speaking the
/// wire format: <c>POST /token</c> (client credentials),
/// <c>POST …/v3/conversations/{id}/activities[/{id}]</c> answering <c>{"id"}</c>, and
/// <c>PUT …/activities/{id}</c>.
/// </summary>
internal sealed class FakeTeamsConnector : IAsyncDisposable
{
    // Generous for a loaded two-core machine (a whole approval runs behind one wait), still finite.
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _ids;

    private FakeTeamsConnector(WebApplication app) => _app = app;

    public string BaseAddress { get; private set; } = "";

    public string ServiceUrl => BaseAddress + "/amer/";

    public string TokenEndpoint => BaseAddress + "/token";

    public ConcurrentQueue<Dictionary<string, string>> TokenForms { get; } = new();

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public static async Task<FakeTeamsConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTeamsConnector(app);

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            fake.TokenForms.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            return Results.Json(
                new { token_type = "Bearer", expires_in = 3600, access_token = "connector-token" });
        });
        app.MapMethods("/amer/v3/conversations/{**rest}", ["POST", "PUT"], (Delegate)fake.HandleAsync);

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

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        // The raw path keeps the escaped ids exactly as the bot sent them.
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var rest = raw["/amer/v3/conversations/".Length..].Split('/');
        if (rest.Length is < 2 or > 3 || rest[1] != "activities")
        {
            return Results.NotFound();
        }

        var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        var activityId = rest.Length == 3 ? Uri.UnescapeDataString(rest[2]) : null;
        var id = context.Request.Method == "PUT"
            ? activityId!
            : "17000000000" + Interlocked.Increment(ref _ids)
                .ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        _calls.Enqueue(new ConnectorCall(
            context.Request.Method, Uri.UnescapeDataString(rest[0]), activityId,
            context.Request.Headers.Authorization.ToString(), body, id));
        _signal.Release();
        return Results.Json(new { id });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
