using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Tests.Live;

/// <summary>A status and JSON body the fake answers with.</summary>
internal sealed record FakeAnswer(int Status, string Body);

/// <summary>A request the fake received (the reviews keep their specs).</summary>
internal sealed record FakeRequest(string Method, string Path, string Query, string? Authorization);

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1: GETs are answered from an example
/// cluster, SubjectAccessReviews by <see cref="Reviews"/>. Tests inject failures per path and
/// read back every request it received.
/// </summary>
internal sealed class FakeKubeApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ExampleClusterApi cluster;
    private readonly ConcurrentQueue<FakeRequest> requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> nextFailures = new();
    private readonly ConcurrentDictionary<string, FakeAnswer> lastingFailures = new();

    private FakeKubeApiServer(WebApplication app, ExampleCluster cluster)
    {
        this.app = app;
        this.cluster = new ExampleClusterApi(cluster);
    }

    public Uri BaseUri { get; private set; } = null!;

    public FakeAccessReviews Reviews { get; } = new();

    /// <summary>When true the server accepts requests and never answers them.</summary>
    public bool NeverAnswers { get; set; }

    public IReadOnlyList<FakeRequest> Requests => [.. requests];

    public static async Task<FakeKubeApiServer> StartAsync(ExampleCluster cluster)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeKubeApiServer(app, cluster);
        ((IApplicationBuilder)app).Run(server.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri(address);
        return server;
    }

    /// <summary>The next request to <paramref name="path"/> gets <paramref name="answer"/>.</summary>
    public void FailNext(string path, FakeAnswer answer) =>
        nextFailures.GetOrAdd(path, _ => new ConcurrentQueue<FakeAnswer>()).Enqueue(answer);

    /// <summary>Every request to <paramref name="path"/> gets <paramref name="answer"/>.</summary>
    public void AlwaysFail(string path, FakeAnswer answer) => lastingFailures[path] = answer;

    public IReadOnlyList<FakeRequest> RequestsTo(string path) =>
        [.. requests.Where(request => request.Path == path)];

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var path = http.Path.Value ?? "";
        using var reader = new StreamReader(http.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        requests.Enqueue(new FakeRequest(http.Method, path, http.QueryString.Value ?? "",
            http.Headers.Authorization.FirstOrDefault()));

        if (NeverAnswers)
        {
            // Held until the client gives up or the server stops, whichever comes first.
            using var held = CancellationTokenSource.CreateLinkedTokenSource(
                context.RequestAborted, app.Lifetime.ApplicationStopping);
            await Task.Delay(Timeout.Infinite, held.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        var answer = Answer(http.Method, path, body);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    private FakeAnswer Answer(string method, string path, string body)
    {
        if (nextFailures.TryGetValue(path, out var queued) && queued.TryDequeue(out var next))
        {
            return next;
        }

        if (lastingFailures.TryGetValue(path, out var lasting))
        {
            return lasting;
        }

        return (method, path) switch
        {
            ("POST", FakeAccessReviews.Path) => Reviews.Create(body),
            (_, FakeAccessReviews.Path) => ApiStatus.MethodNotAllowed(),
            ("GET", _) => cluster.Get(path),
            _ => ApiStatus.MethodNotAllowed(),
        };
    }
}
