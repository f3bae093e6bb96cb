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

namespace ChatOpsBot.Teams.Tests.Support;

/// <summary>
/// An Entra-style token endpoint (<c>POST /token</c>) and a Bot Connector conversations endpoint
/// on 127.0.0.1. Queued failures are answered before normal responses.
/// </summary>
internal sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokensIssued;

    private FakeBotConnector(WebApplication app) => _app = app;

    public string BaseAddress { get; private set; } = "";

    public string TokenEndpoint => BaseAddress + "/token";

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public ConcurrentQueue<Dictionary<string, string>> TokenForms { get; } = new();

    public ConcurrentQueue<(string Path, string? Authorization, JsonObject Body)> Activities { get; } = new();

    /// <summary>Every PUT (activity update) received: raw path, Authorization header and body.</summary>
    public ConcurrentQueue<(string Path, string? Authorization, JsonObject Body)> Updates { get; } = new();

    /// <summary>Status codes (with optional Retry-After seconds) for the next activity posts.</summary>
    public ConcurrentQueue<(int Status, int? RetryAfter)> Failures { get; } = new();

    public static async Task<FakeBotConnector> StartAsync()
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
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"token-{n}" });
        });
        app.MapPost("/amer/v3/conversations/{conversation}/activities/{**rest}", async (HttpContext context) =>
        {
            if (fake.Failures.TryDequeue(out var failure))
            {
                if (failure.RetryAfter is { } seconds)
                {
                    context.Response.Headers.RetryAfter =
                        seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Results.StatusCode(failure.Status);
            }

            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            fake.Activities.Enqueue((target, context.Request.Headers.Authorization.ToString(), body));
            return Results.Json(new { id = "reply-" + fake.Activities.Count });
        });

        const string Activity = "/amer/v3/conversations/{conversation}/activities/{activity}";
        app.MapPut(Activity, async (HttpContext context) =>
        {
            if (fake.Failures.TryDequeue(out var failure))
            {
                return Results.StatusCode(failure.Status);
            }

            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            fake.Updates.Enqueue((target, context.Request.Headers.Authorization.ToString(), body));
            return Results.Json(new { id = context.Request.RouteValues["activity"] });
        });

        await app.StartAsync();
        fake.BaseAddress = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
