using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Playground;

/// <summary>
/// The local playground: when the bot has no Slack settings at all it runs against an
/// in-memory Slack with a web page at <c>/</c>, on 127.0.0.1 only, instead of failing.
/// <c>Playground:Enabled</c> set to true or false forces the choice.
/// </summary>
internal static partial class PlaygroundMode
{
    /// <summary>True when <c>Playground:Enabled</c> says so, or, unset, when no Slack secret is set.</summary>
    public static bool IsRequested(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var enabled = configuration["Playground:Enabled"];
        if (!string.IsNullOrWhiteSpace(enabled))
        {
            return bool.TryParse(enabled, out var forced)
                ? forced
                : throw new ServerConfigurationException("Playground:Enabled must be true or false");
        }

        return SlackSecretSettings.FirstSet(configuration) is null;
    }

    /// <summary>Fills in the playground's settings where none are given.</summary>
    public static void ApplyDefaults(WebApplicationBuilder builder) => PlaygroundDefaults.Apply(builder);

    /// <summary>Replaces the Slack Web API with the in-memory one and adds the page's services.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlaygroundChat>();
        services.TryAddSingleton<PlaygroundResponseUrls>();
        services.RemoveAll<ISlackWebApi>();
        services.AddSingleton<PlaygroundSlackApi>();
        services.AddSingleton<ISlackWebApi>(provider => provider.GetRequiredService<PlaygroundSlackApi>());
        services.TryAddSingleton<PlaygroundInbound>();
        PlaygroundServices.Configure(services, configuration);
    }

    /// <summary>Maps the page and its API, and logs the address to open once the server is up.</summary>
    public static void Map(WebApplication app)
    {
        PlaygroundEndpoints.Map(app);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatOpsBot.Playground");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var server = app.Services.GetRequiredService<IServer>();
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                var url = address.Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal);
                LogOpen(logger, url + "/");
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Slack settings: running the local playground. Open {Url} in a browser.")]
    private static partial void LogOpen(ILogger logger, string url);
}
