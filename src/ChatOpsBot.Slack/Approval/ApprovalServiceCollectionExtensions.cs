using ChatOpsBot.Core.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Approval;

/// <summary>Registers the approval flow: decisions, the merge follower and verification.</summary>
public static class ApprovalServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ApprovalOptions"/> (section <c>Approvals</c>) and
    /// <see cref="VerificationOptions"/> (section <c>Verification</c>) and registers the decision
    /// job and the background services. The RBAC repository (<c>IRbacRepository</c>) and the
    /// durable <see cref="IAccessRequestStore"/> are the host's; without a repository the
    /// "Request access" button says none is configured and changes nothing.
    /// </summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configuration">The configuration the two sections are bound from.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddSlackApprovals(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services
            .AddOptions<ApprovalOptions>()
            .Bind(configuration.GetSection(ApprovalOptions.SectionName));
        services
            .AddOptions<VerificationOptions>()
            .Bind(configuration.GetSection(VerificationOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        // The in-memory diagnosis store is also a request store; a durable store registers both.
        services.TryAddSingleton<IAccessRequestStore>(provider =>
            provider.GetRequiredService<IDiagnosisStore>() as IAccessRequestStore
            ?? throw new InvalidOperationException("The diagnosis store keeps no access requests."));

        services.TryAddSingleton<RequesterThread>();
        services.TryAddTransient<ApproverPolicy>();
        services.TryAddTransient<DecisionJob>();

        services.TryAddSingleton<MergeWatcher>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<MergeWatcher>());

        services.TryAddSingleton<ApprovalMessageResender>();
        services.AddSingleton<IHostedService>(
            provider => provider.GetRequiredService<ApprovalMessageResender>());

        services.TryAddSingleton<VerificationService>();
        services.AddSingleton<IHostedService>(
            provider => provider.GetRequiredService<VerificationService>());

        return services;
    }
}
