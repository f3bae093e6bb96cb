using ChatOpsBot.Core.Chat;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Teams.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>Registers the adapter between Teams and the shared (Slack-shaped) flow.</summary>
public static class TeamsAdapterServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TeamsAdapterOptions"/> (section <c>Teams</c>), registers the id map
    /// (over the registered <see cref="IChatAliasStore"/>, or an in-memory one), makes
    /// <see cref="TeamsSlackApi"/> the flow's <see cref="ISlackWebApi"/> (replacing the Slack
    /// client) and <see cref="TeamsInbound"/> the <see cref="ITeamsActivityHandler"/>. Call after
    /// the Slack flow and the store are registered.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The configuration holding the <c>Teams</c> section.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTeamsAdapter(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsAdapterOptions>()
            .Bind(configuration.GetSection(TeamsAdapterOptions.SectionName));
        services.TryAddSingleton<IChatAliasStore>(_ => new InMemoryChatAliasStore());
        services.TryAddSingleton<TeamsIdMap>();
        services.TryAddSingleton<TeamsResponseUrls>();
        services.TryAddSingleton<TeamsSlackApi>();
        services.RemoveAll<ISlackWebApi>();
        services.AddSingleton<ISlackWebApi>(provider => provider.GetRequiredService<TeamsSlackApi>());
        services.TryAddSingleton<TeamsInbound>();
        services.RemoveAll<ITeamsActivityHandler>();
        services.AddSingleton<ITeamsActivityHandler>(provider => provider.GetRequiredService<TeamsInbound>());
        return services;
    }
}
