using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.GitOps.Tests.GitHub;

/// <summary>One request the fake received.</summary>
internal sealed record FakeRequest(string Method, string Path, string Query, string Body,
    string? Authorization);

/// <summary>
/// An in-process GitHub REST API (GitHub Enterprise style, under <c>/api/v3/</c>) on Kestrel at
/// 127.0.0.1: real state for refs, blobs, commits, contents and pull requests, GitHub's status
/// codes and bodies for its refusals, and faults a test can queue.
/// </summary>
internal sealed partial class FakeGitHub : IAsyncDisposable
{
    public const string Owner = "platform";
    public const string Repo = "rbac";

    private readonly WebApplication _app;
    private readonly List<FakeRequest> _requests = [];
    private readonly List<Fault> _faults = [];
    private int _nextId = 500;

    private FakeGitHub(WebApplication app, Uri apiBase)
    {
        _app = app;
        ApiBase = apiBase;
        Json = new FakeGitHubJson(Owner, Repo, apiBase.AbsoluteUri);
    }

    public FakeGitState State { get; } = new();

    /// <summary>http://127.0.0.1:port/api/v3/</summary>
    public Uri ApiBase { get; }

    /// <summary>The token requests must carry.</summary>
    public string Token { get; set; } = "ghp_test_token";

    /// <summary>When set, the App JWT must verify with this key before an installation token is
    /// given.</summary>
    public RSA? AppKey { get; set; }

    /// <summary>Installation tokens handed out.</summary>
    public int InstallationTokensIssued { get; private set; }

    /// <summary>Requests no route answered.</summary>
    public List<string> Unmatched { get; } = [];

    private FakeGitHubJson Json { get; }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeGitHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeGitHub? fake = null;
        app.Run(context => fake!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        fake = new FakeGitHub(app, new Uri($"{address.TrimEnd('/')}/api/v3/"));
        return fake;
    }

    /// <summary>The next matching requests get this answer instead of the real one.</summary>
    public void FailNext(string method, string pathContains, int status, JsonNode body,
        IDictionary<string, string>? headers = null, int times = 1)
    {
        lock (_faults)
        {
            _faults.Add(new Fault(method, pathContains, times) { Status = status, Body = body,
                Headers = headers });
        }
    }

    /// <summary>
    /// The next matching request is carried out, but its answer is lost: the client gets this
    /// status instead (a gateway error after the work was done).
    /// </summary>
    public void LoseNextAnswer(string method, string pathContains, int status = 502)
    {
        lock (_faults)
        {
            _faults.Add(new Fault(method, pathContains, 1) { Status = status, AfterWork = true });
        }
    }

    /// <summary>Runs an action on the state just before the next matching request is handled.</summary>
    public void BeforeNext(string method, string pathContains, Action<FakeGitState> action)
    {
        lock (_faults)
        {
            _faults.Add(new Fault(method, pathContains, 1) { Before = action });
        }
    }

    public IEnumerable<FakeRequest> RequestsTo(string method, string pathContains) =>
        Requests.Where(request => request.Method == method && request.Path.Contains(pathContains,
            StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        AppKey?.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(question < 0 ? raw : raw[..question]);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var method = context.Request.Method;
        var authorization = context.Request.Headers.Authorization.ToString();
        lock (_requests)
        {
            _requests.Add(new FakeRequest(method, path, context.Request.QueryString.Value ?? "",
                body, authorization));
        }

        var fault = TakeFault(method, path);
        fault?.Before?.Invoke(State);
        var (status, json, headers) = fault?.Body is not null
            ? (fault.Status, fault.Body.DeepClone(), fault.Headers)
            : Route(method, path, context.Request.Query, body, authorization);
        if (fault?.AfterWork == true)
        {
            (status, json, headers) = (fault.Status, FakeGitHubJson.Error("Server Error"), null);
        }

        context.Response.StatusCode = status;
        context.Response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        context.Response.Headers["X-RateLimit-Limit"] = "5000";
        context.Response.Headers["X-RateLimit-Remaining"] = "4999";
        context.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddHours(1)
            .ToUnixTimeSeconds()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (json is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json.ToJsonString());
        }
    }

    private Fault? TakeFault(string method, string path)
    {
        lock (_faults)
        {
            var fault = _faults.FirstOrDefault(candidate => candidate.Method == method
                && path.Contains(candidate.PathContains, StringComparison.Ordinal));
            if (fault is not null && --fault.Remaining == 0)
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }

    private int NextId() => Interlocked.Increment(ref _nextId);

    private sealed class Fault(string method, string pathContains, int times)
    {
        public string Method { get; } = method;
        public string PathContains { get; } = pathContains;
        public int Remaining { get; set; } = times;
        public int Status { get; init; }
        public JsonNode? Body { get; init; }
        public IDictionary<string, string>? Headers { get; init; }
        public Action<FakeGitState>? Before { get; init; }
        public bool AfterWork { get; init; }
    }
}
