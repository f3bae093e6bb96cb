using ChatOpsBot.Teams.Auth;
using ChatOpsBot.Teams.Configuration;
using ChatOpsBot.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatOpsBot.Teams;

/// <summary>Registers the Teams front end.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>The named HttpClient that fetches the OpenID metadata and keys.</summary>
    public const string MetadataHttpClientName = "ChatOpsBot.Teams.OpenIdMetadata";

    /// <summary>
    /// Binds and validates <see cref="TeamsOptions"/> (section <c>Teams</c>, checked at start-up)
    /// and registers the cached signing-key source and <see cref="BotFrameworkTokenValidator"/>.
    /// The caller registers an <see cref="Protocol.ITeamsActivityHandler"/>.
    /// </summary>
    public static IServiceCollection AddTeamsFrontEnd(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IPostConfigureOptions<TeamsOptions>, TeamsSecretFileLoader>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());

        services.AddHttpClient(MetadataHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
            BotFrameworkMetadata.Create(
                sp.GetRequiredService<IOptions<TeamsOptions>>().Value.OpenIdMetadataUrl,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataHttpClientName)));
        services.TryAddSingleton<BotFrameworkTokenValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BotConnectorTokenProvider>();
        services.TryAddSingleton<BotConnectorClient>();
        services.AddHttpClient(BotConnectorClient.HttpClientName)
            .AddResilienceHandler("teams-bot-connector", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
                pipeline.AddRetry(BotConnectorResilience.RetryOptions(options.OutboundRetryBaseDelay));
            });
        return services;
    }
}
