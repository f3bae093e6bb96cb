using ChatOpsBot.Core.Cluster;
using ChatOpsBot.GitOps.Local;
using ChatOpsBot.GitOps.Repository;

namespace ChatOpsBot.Playground;

/// <summary>
/// The extension point for what the playground adds beyond the Slack stand-in: the host
/// registers here, in playground mode only, the RBAC repository the "Request access" and
/// "Approve" buttons use (a local Git repository, say) and anything that goes with it.
/// Services registered earlier (a test's own <c>IRbacRepository</c>, for one) are kept: the
/// registrations here should use TryAdd so they do not replace them.
/// </summary>
internal static class PlaygroundServices
{
    /// <summary>Adds the playground's own services; called after every other registration.</summary>
    public static void Configure(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // A repository registered already (a test's, or GitHub's) is kept as it is.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IRbacRepository)))
        {
            return;
        }

        // The example's RBAC file sits beside its cluster: it seeds the local repository.
        var snapshot = configuration["Clusters:0:Snapshot"];
        var seed = string.IsNullOrWhiteSpace(snapshot)
            ? null
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(snapshot))!, "rbac-repo");
        if (seed is null || !Directory.Exists(seed))
        {
            return;
        }

        var configuredStore = configuration["Storage:SqlitePath"];
        var store = string.IsNullOrWhiteSpace(configuredStore)
            ? Path.Combine("data", "playground", "k8s-access.db")
            : configuredStore;
        var data = Path.GetDirectoryName(Path.GetFullPath(store))!;
        services.AddLocalGitRbacRepository(options =>
        {
            options.RepositoryPath = Path.Combine(data, "rbac-repo");
            options.SeedFrom = seed;
        });

        // After a merge the example cluster holds what the repository declares, as a sync would.
        var clusters = services.Last(descriptor => descriptor.ServiceType == typeof(IClusterSourceProvider));
        services.Remove(clusters);
        services.AddSingleton<IClusterSourceProvider>(provider => new GitOpsSyncedClusters(
            (IClusterSourceProvider)clusters.ImplementationFactory!(provider),
            provider.GetRequiredService<LocalGitRbacRepository>()));
    }
}
