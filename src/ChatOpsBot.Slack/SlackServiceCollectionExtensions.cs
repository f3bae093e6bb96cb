using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.Http;
using ChatOpsBot.Slack.Identity;
using ChatOpsBot.Slack.Inbound;
using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack;

/// <summary>Registers the Slack front end.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack front end's inbound side: <see cref="SlackOptions"/> (section
    /// <c>Slack</c>, validated at start-up), the signature verifier, the inbound handler, the
    /// background queue and worker, and the in-memory diagnosis store (unless another
    /// <see cref="IDiagnosisStore"/> is registered first). The host registers
    /// <see cref="ISlackWebApi"/> and the engine's <c>IDiagnosisService</c>.
    /// </summary>
    public static IServiceCollection AddSlackFrontEnd(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IPostConfigureOptions<SlackOptions>, SlackSecretFileLoader>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<SlackWorkBacklog>();
        services.TryAddSingleton<SlackEventDeduplicator>();
        services.TryAddSingleton<UserGroupMembershipCache>();
        services.TryAddSingleton<IDiagnosisStore>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new InMemoryDiagnosisStore(
                settings.StoredDiagnosisCapacity, settings.StoredDiagnosisLifetime,
                provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<SlackInboundHandler>();
        services.TryAddSingleton<ISlackInboundHandler>(sp => sp.GetRequiredService<SlackInboundHandler>());
        services.AddHostedService<SlackBackgroundWorker>();

        // The slow half runs in a scope per work item, so these may use scoped services.
        services.TryAddTransient<SlackIdentityMapper>();
        services.TryAddTransient<DiagnosisRunner>();
        services.TryAddTransient<CommandDiagnosisJob>();
        services.TryAddTransient<MessageDiagnosisJob>();
        services.TryAddTransient<IdentityChoiceJob>();
        services.TryAddTransient<AccessRequestJob>();
        return services;
    }
}
