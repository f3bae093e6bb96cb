using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>A request the fake Slack received.</summary>
public sealed record RecordedRequest(
    string Method, string Path, string? Authorization, string? ContentType, string Body);

/// <summary>
/// An in-process stand-in for slack.com/api (and for response_url hooks) on Kestrel at
/// 127.0.0.1 with a random port. Each path answers from a queue of scripted replies, then from
/// its default reply.
/// </summary>
public sealed class FakeSlackWebApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _scripts = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _defaults = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _countWaiters = [];

    private FakeSlackWebApiServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The root the client should use as its BaseUrl (ends in <c>/api/</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The server's origin.</summary>
    public Uri Origin { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<FakeSlackWebApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeSlackWebApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        server.Origin = new Uri(address + "/");
        server.BaseUrl = new Uri(server.Origin, "api/");
        return server;
    }

    /// <summary>Queues a scripted reply for the next request to <paramref name="path"/>.</summary>
    public void Enqueue(string path, Func<HttpContext, Task> reply) =>
        _scripts.GetOrAdd(path, _ => new ConcurrentQueue<Func<HttpContext, Task>>()).Enqueue(reply);

    /// <summary>Queues a JSON reply with the given status.</summary>
    public void EnqueueJson(string path, string json, int status = 200, string? retryAfter = null) =>
        Enqueue(path, ctx => WriteJsonAsync(ctx, json, status, retryAfter));

    /// <summary>Sets the reply used once the queue for <paramref name="path"/> is empty.</summary>
    public void SetDefault(string path, Func<HttpContext, Task> reply) => _defaults[path] = reply;

    public void SetDefaultJson(string path, string json, int status = 200) =>
        SetDefault(path, ctx => WriteJsonAsync(ctx, json, status, null));

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived.</summary>
    public Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _countWaiters.Add((count, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    public static async Task WriteJsonAsync(HttpContext context, string json, int status, string? retryAfter)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsync(json, Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        Record(new RecordedRequest(
            context.Request.Method, path, context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType, body));

        if (_scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted))
        {
            await scripted(context);
        }
        else if (_defaults.TryGetValue(path, out var fallback))
        {
            await fallback(context);
        }
        else
        {
            await WriteJsonAsync(context, """{"ok":false,"error":"unknown_method"}""", 404, null);
        }
    }

    private void Record(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            foreach (var waiter in _countWaiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                _countWaiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}
