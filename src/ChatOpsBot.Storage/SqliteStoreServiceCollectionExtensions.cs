using ChatOpsBot.Core.Chat;
using ChatOpsBot.Core.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteRequestStore"/> (settings from the <c>Storage</c> section,
    /// validated at start-up) as the one <see cref="IDiagnosisStore"/>,
    /// <see cref="IAccessRequestStore"/>, <see cref="IStoreHealth"/> and
    /// <see cref="IChatAliasStore"/>, replacing any store
    /// registered before (the Slack front end's in-memory default included, whichever is
    /// registered first). The file is opened and migrated when the host starts, and the
    /// health check <see cref="RequestStoreHealthCheck.Name"/> is added for readiness.
    /// </summary>
    public static IServiceCollection AddSqliteRequestStore(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(SqliteRequestStore)))
        {
            return services;
        }

        services.AddOptions<SqliteStoreOptions>()
            .Bind(configuration.GetSection(SqliteStoreOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(provider => new SqliteRequestStore(
            provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<SqliteRequestStore>>()));
        services.RemoveAll<IDiagnosisStore>();
        services.RemoveAll<IAccessRequestStore>();
        services.RemoveAll<IStoreHealth>();
        services.RemoveAll<IChatAliasStore>();
        services.AddSingleton<IDiagnosisStore>(Store);
        services.AddSingleton<IAccessRequestStore>(Store);
        services.AddSingleton<IStoreHealth>(Store);
        services.AddSingleton<IChatAliasStore>(Store);

        services.AddHostedService<RequestStoreOpener>();
        services.AddHealthChecks()
            .AddCheck<RequestStoreHealthCheck>(RequestStoreHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    private static SqliteRequestStore Store(IServiceProvider provider) =>
        provider.GetRequiredService<SqliteRequestStore>();
}
