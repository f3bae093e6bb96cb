using ChatOpsBot.Teams.Http;
using ChatOpsBot.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Teams.Tests.Support;

/// <summary>
/// The real pipeline on Kestrel at 127.0.0.1 (AddTeamsFrontEnd + MapTeamsEndpoints), trusting
/// a local OpenID server that publishes <see cref="Key"/>, with a recording handler.
/// </summary>
internal sealed class TeamsTestHost : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private WebApplication _app = null!;
    private FakeOpenIdServer _openId = null!;

    public TestSigningKey Key { get; } = new("host-key", "msteams");

    public HttpClient Client { get; private set; } = null!;

    public RecordingActivityHandler Handler { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<TeamsTestHost> StartAsync(int? maxBodyBytes = null)
    {
        var host = new TeamsTestHost();
        host._openId = await FakeOpenIdServer.StartAsync(host.Key);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "test-password",
            ["Teams:OpenIdMetadataUrl"] = host._openId.MetadataUrl,
        };
        if (maxBodyBytes is { } max)
        {
            settings["Teams:MaxRequestBodyBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(host.Logs);
        builder.Services.AddTeamsFrontEnd(builder.Configuration);
        builder.Services.AddSingleton<ITeamsActivityHandler>(host.Handler);

        host._app = builder.Build();
        host._app.MapTeamsEndpoints();
        await host._app.StartAsync();
        var address = host._app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.Client = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    /// <summary>Posts raw JSON to /api/messages with the given Authorization value (if any).</summary>
    public Task<HttpResponseMessage> PostAsync(string json, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Client.SendAsync(request);
    }

    /// <summary>A valid Authorization header for an activity sent from <paramref name="serviceUrl"/>.</summary>
    public string BearerFor(string serviceUrl) => "Bearer " + Key.CreateToken(AppId, serviceUrl);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _openId.DisposeAsync();
        Key.Dispose();
    }
}
