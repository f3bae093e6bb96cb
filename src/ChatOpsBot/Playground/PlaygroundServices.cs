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

        // Nothing yet: without an IRbacRepository, "Request access" says that no RBAC
        // repository is configured and changes nothing.
    }
}
