using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>Registers the Socket Mode client as a hosted service.</summary>
public static class SocketModeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SocketModeClient"/> (also as a singleton, for readiness checks). It
    /// runs only when the configured app token is an <c>xapp-</c> token. The host must also
    /// register an <see cref="Protocol.ISlackInboundHandler"/>.
    /// </summary>
    public static IServiceCollection AddSlackSocketMode(
        this IServiceCollection services, Action<SocketModeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SocketModeOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="SocketModeClient"/> with settings bound from <paramref name="section"/>
    /// (keys named as the <see cref="SocketModeOptions"/> properties, such as <c>AppToken</c>).
    /// </summary>
    public static IServiceCollection AddSlackSocketMode(
        this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);

        services.AddOptions<SocketModeOptions>().Bind(section);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        // Checked with the other settings before the host starts, not when the client first runs.
        services.AddOptions<SocketModeOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SocketModeOptions>, SocketModeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // No factory logging: it would write the request URL, and timeouts are set per call.
        services
            .AddHttpClient(
                SocketModeClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.TryAddSingleton<SocketModeClient>();
        services.AddHostedService(provider => provider.GetRequiredService<SocketModeClient>());
        return services;
    }
}
