using ChatOpsBot.GitOps.GitHub;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.Slack.Approval;

namespace ChatOpsBot.Server;

/// <summary>
/// The RBAC repository and the approval flow, from the <c>GitHub</c>, <c>Approvals</c> and
/// <c>Verification</c> sections. Without a GitHub repository or credential (blank values count as
/// unset) the bot diagnoses only, and the "Request access" button says so. Every setting is
/// checked here, before the host starts, and a problem is one line naming the setting.
/// </summary>
internal static class ApprovalSettings
{
    private static readonly string[] GitHubIdentityKeys =
        ["Owner", "Repository", "Token", "AppId", "PrivateKeyPem", "InstallationId"];

    /// <summary>Checks the three sections and registers the approval flow and the repository.</summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configuration">The configuration holding the sections.</param>
    /// <exception cref="ServerConfigurationException">A setting is unusable.</exception>
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSlackApprovals(configuration);

        var verification = configuration
                               .GetSection(VerificationOptions.SectionName)
                               .Get<VerificationOptions>()
                           ?? new VerificationOptions();
        if (verification.Problem() is { } verificationProblem)
        {
            throw new ServerConfigurationException(verificationProblem);
        }

        var approvals = configuration
                            .GetSection(ApprovalOptions.SectionName)
                            .Get<ApprovalOptions>()
                        ?? new ApprovalOptions();
        if (approvals.ModeProblem() is { } modeProblem)
        {
            throw new ServerConfigurationException(modeProblem);
        }

        var github = configuration.GetSection("GitHub");
        if (!IsConfigured(github))
        {
            return;
        }

        var options = github.Get<GitHubRbacOptions>() ?? new GitHubRbacOptions();
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ServerConfigurationException("GitHub: " + string.Join(" ", problems));
        }

        if (approvals.Problem() is { } approvalProblem)
        {
            throw new ServerConfigurationException(approvalProblem);
        }

        services.AddSingleton<IRbacRepository>(provider => new GitHubRbacRepository(
            options,
            provider.GetService<ILogger<GitHubRbacRepository>>(),
            provider.GetService<TimeProvider>()));
    }

    /// <summary>
    /// True when the repository or a credential is named. The other GitHub settings have
    /// defaults (appsettings.json lists them all), and blank values mean "not set".
    /// </summary>
    private static bool IsConfigured(IConfiguration github) =>
        GitHubIdentityKeys.Any(key => !string.IsNullOrWhiteSpace(github[key]));
}
