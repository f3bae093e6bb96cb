using ChatOpsBot.GitOps.Repository;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.GitOps.Local;

/// <summary>Registers the local Git RBAC repository (the playground's stand-in for GitHub).</summary>
public static class LocalGitServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="LocalGitRbacRepository"/> as itself and as <see cref="IRbacRepository"/>.
    /// The options are checked now, so a bad setting fails at start-up.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not usable (the message lists why).</exception>
    public static IServiceCollection AddLocalGitRbacRepository(this IServiceCollection services,
        LocalGitRbacOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        services.AddSingleton(provider => new LocalGitRbacRepository(options,
            provider.GetService<ILogger<LocalGitRbacRepository>>()));
        services.AddSingleton<IRbacRepository>(provider =>
            provider.GetRequiredService<LocalGitRbacRepository>());
        return services;
    }

    /// <summary>Registers the repository with options set by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddLocalGitRbacRepository(this IServiceCollection services,
        Action<LocalGitRbacOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new LocalGitRbacOptions();
        configure(options);
        return services.AddLocalGitRbacRepository(options);
    }
}
