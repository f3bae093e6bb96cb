using Microsoft.Extensions.Options;

namespace ChatOpsBot.Server;

/// <summary>Reads the <c>Server</c> section and registers what it governs.</summary>
internal static class ServerSettings
{
    /// <summary>Checks the section, sets the host's stop timeout and adds the readiness check.</summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configuration">The configuration holding the section.</param>
    /// <exception cref="ServerConfigurationException">A setting is unusable.</exception>
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>()
                      ?? new ServerOptions();
        if (options.Problem() is { } problem)
        {
            throw new ServerConfigurationException(problem);
        }

        services.AddSingleton(Options.Create(options));
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        services.AddSingleton<ClusterReadiness>();
    }
}
