using ChatOpsBot.Teams;
using ChatOpsBot.Teams.Adapter;
using ChatOpsBot.Teams.Http;

namespace ChatOpsBot.Server;

/// <summary>
/// The Microsoft Teams front end: chosen when <c>Teams:AppId</c> is set. The shared
/// (Slack-shaped) flow runs unchanged behind the Teams adapter; one process serves either
/// Slack or Teams, never both.
/// </summary>
internal static class TeamsMode
{
    // Settings only a Teams bot has; any of them without an app id is a mistyped app id.
    private static readonly string[] TeamsOnlyKeys =
    [
        "Teams:AppPassword", "Teams:AppPasswordFile", "Teams:TenantId", "Teams:ServiceUrl",
        "Teams:ApprovalsConversationId", "Teams:CommandWord",
    ];

    /// <summary>True when <c>Teams:AppId</c> is set.</summary>
    /// <exception cref="ServerConfigurationException">
    /// Other Teams settings are set but the app id is not.
    /// </exception>
    public static bool IsRequested(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Teams:AppId"]))
        {
            return true;
        }

        var orphan = TeamsOnlyKeys.FirstOrDefault(key => !string.IsNullOrWhiteSpace(configuration[key]))
                     ?? (configuration.GetSection("Teams:Approvers").GetChildren().Any()
                         ? "Teams:Approvers"
                         : null);
        return orphan is null
            ? false
            : throw new ServerConfigurationException(
                $"{orphan} is set but Teams:AppId is not: set the bot's Microsoft App ID to run in Teams");
    }

    /// <summary>Checks the combination and writes the Slack-shaped settings the flow reads.</summary>
    /// <exception cref="ServerConfigurationException">
    /// Slack is configured too, or a Teams setting is unusable.
    /// </exception>
    public static void ApplyDefaults(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var slack = SlackSecretSettings.FirstSet(configuration);
        if (slack is not null)
        {
            throw new ServerConfigurationException(
                $"Teams:AppId and {slack} are both set: one bot process serves Slack or Teams, not both; "
                + "run two deployments, one per chat platform");
        }

        if (bool.TryParse(configuration["Playground:Enabled"], out var playground) && playground)
        {
            throw new ServerConfigurationException(
                "Playground:Enabled is true and Teams:AppId is set: the playground stands in for Slack, "
                + "so unset one of them");
        }

        var (values, problems) = TeamsSlackSettings.Translate(configuration);
        if (problems.Count > 0)
        {
            throw new ServerConfigurationException(string.Join(" ", problems));
        }

        configuration.AddInMemoryCollection(values);
    }

    /// <summary>The Teams endpoint's services and the adapter; after the flow and the store.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTeamsFrontEnd(configuration);
        services.AddTeamsAdapter(configuration);
    }

    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static void Map(WebApplication app) => app.MapTeamsEndpoints();
}
