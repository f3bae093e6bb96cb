using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>A request the fake API server received.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string? Authorization,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string? QueryValue(string key) => Query.TryGetValue(key, out var value) ? value : null;
}

/// <summary>What the fake answers: a status, a JSON body and extra headers.</summary>
internal sealed record FakeResponse(
    int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Json(string body, int status = 200) => new(status, body);
}

/// <summary>Answers one request; <c>aborted</c> fires when the client gives up.</summary>
internal delegate Task<FakeResponse> FakeHandler(RecordedRequest request, CancellationToken aborted);

/// <summary>
/// An in-process HTTP server on 127.0.0.1 that answers like the Kubernetes API server for the
/// routes a test registers, and with the API server's 404 Status body for anything else.
/// It records every request, so tests can check what the real client sent.
/// </summary>
internal sealed class FakeKubeApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, FakeHandler> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private FakeKubeApi(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<FakeKubeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeKubeApi(app);
        ((IApplicationBuilder)app).Run(fake.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUri = new Uri(address);
        return fake;
    }

    public void On(string method, string path, FakeHandler handler) => routes[$"{method} {path}"] = handler;

    public void OnJson(string method, string path, string body, int status = 200) =>
        On(method, path, (_, _) => Task.FromResult(FakeResponse.Json(body, status)));

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        Requests.Where(request => request.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Query.ToDictionary(
                pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
            context.Request.Headers.Authorization.FirstOrDefault(),
            body,
            DateTimeOffset.UtcNow);
        requests.Enqueue(request);

        FakeResponse response;
        try
        {
            response = routes.TryGetValue($"{request.Method} {request.Path}", out var handler)
                ? await handler(request, context.RequestAborted)
                : FakeResponse.Json(KubeStatus.NotFoundPath(), 404);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }
}
