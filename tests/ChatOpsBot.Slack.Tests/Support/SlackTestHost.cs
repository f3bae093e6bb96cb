using System.Net;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Slack.Http;
using ChatOpsBot.Slack.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Tests.Support;

/// <summary>
/// The real ASP.NET Core pipeline on Kestrel at 127.0.0.1 (a free port), wired with
/// AddSlackFrontEnd and MapSlackEndpoints, a fake engine and a recording Slack Web API.
/// One background worker keeps work in arrival order, so a "sentinel" message answered
/// proves that everything sent before it has been dealt with.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string SentinelChannel = "CSENTINEL";
    private int _sentinels;

    private SlackTestHost(
        WebApplication app, HttpClient client, FakeSlackWebApi slack, FakeDiagnosisService engine,
        CapturingLoggerProvider logs)
    {
        App = app;
        Client = client;
        Slack = slack;
        Engine = engine;
        Logs = logs;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeSlackWebApi Slack { get; }

    public FakeDiagnosisService Engine { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<SlackTestHost> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackRequests.SigningSecret,
            ["Slack:BotToken"] = "xoxb-test-token-not-real",
            ["Slack:MaxConcurrentWork"] = "1",
        };
        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);

        var slack = new FakeSlackWebApi();
        var engine = new FakeDiagnosisService();
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSlackFrontEnd(builder.Configuration);
        builder.Services.AddSingleton<ISlackWebApi>(slack);
        builder.Services.AddSingleton<IDiagnosisService>(engine);

        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var address = addresses.Addresses.Single();
        return new SlackTestHost(app, new HttpClient { BaseAddress = new Uri(address) }, slack, engine, logs);
    }

    /// <summary>
    /// Sends a pasted error to the sentinel channel and waits for its reply: with one worker
    /// in FIFO order, everything queued earlier is finished by then.
    /// </summary>
    public async Task DrainAsync()
    {
        var n = Interlocked.Increment(ref _sentinels);
        var before = Slack.Calls.Count;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var sentinel = SlackPayloads.Message(
            $"EvSENTINEL{n}", SlackPayloads.PastedError, SentinelChannel, $"1700000999.{n:D6}");
        for (var retry = 0; ; retry++)
        {
            // A full queue answers 503 until the worker takes the next job; Slack would retry too.
            using var response = await SendAsync(SlackRequests.Event(sentinel, retry == 0 ? null : retry));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                response.EnsureSuccessStatusCode();
                break;
            }

            await Task.Delay(20);
        }

        await Slack.WaitForCallsAsync(before + 1);
        while (!Slack.Calls.Any(c => c.Channel == SentinelChannel && c.ThreadTs == $"1700000999.{n:D6}"))
        {
            await Slack.WaitForCallsAsync(Slack.Calls.Count + 1, deadline - DateTime.UtcNow);
        }
    }

    /// <summary>Sends a request to the running host.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    /// <summary>Calls other than the sentinels'.</summary>
    public IReadOnlyList<SlackCall> Replies => Slack.Calls.Where(c => c.Channel != SentinelChannel).ToList();

    /// <summary>Engine requests other than the sentinels'.</summary>
    public int EngineCallsBesidesSentinels => Engine.Requests.Count - _sentinels;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
