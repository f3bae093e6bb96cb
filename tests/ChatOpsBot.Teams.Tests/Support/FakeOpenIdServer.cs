using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Teams.Tests.Support;

/// <summary>
/// Serves an OpenID configuration and its JWKS on 127.0.0.1, shaped like the Bot Framework's
/// (<c>/v1/.well-known/openidconfiguration</c> pointing at <c>/v1/.well-known/keys</c>).
/// </summary>
internal sealed class FakeOpenIdServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile TestSigningKey[] _keys;
    private int _keyRequests;

    private FakeOpenIdServer(WebApplication app, TestSigningKey[] keys)
    {
        _app = app;
        _keys = keys;
    }

    public string BaseAddress { get; private set; } = "";

    public string MetadataUrl => BaseAddress + "/v1/.well-known/openidconfiguration";

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public void PublishKeys(params TestSigningKey[] keys) => _keys = keys;

    public static async Task<FakeOpenIdServer> StartAsync(params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenIdServer(app, keys);

        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Text(
            new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = server.BaseAddress + "/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }.ToJsonString(), "application/json"));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref server._keyRequests);
            var keys = new JsonArray(server._keys.Select(k => (JsonNode?)k.ToJwk()).ToArray());
            return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
        });

        await app.StartAsync();
        server.BaseAddress = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
