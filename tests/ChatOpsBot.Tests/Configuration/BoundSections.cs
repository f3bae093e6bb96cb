using ChatOpsBot.Server;
using ChatOpsBot.GitOps.GitHub;
using ChatOpsBot.Slack.Approval;
using ChatOpsBot.Slack.Configuration;
using ChatOpsBot.Slack.SocketMode;
using ChatOpsBot.Slack.WebApi;
using ChatOpsBot.Storage;
using ChatOpsBot.Teams.Adapter;
using ChatOpsBot.Teams.Configuration;
using ChatOpsBot.Telemetry;

namespace ChatOpsBot.Tests.Configuration;

/// <summary>A configuration section and the options type bound from it.</summary>
/// <param name="Section">The section's key, such as <c>Slack:WebApi</c>.</param>
/// <param name="Type">The type bound from it (a list type for a section that is an array).</param>
/// <param name="NotFromThisSection">
/// Properties the server fills from another setting, so they have no key of their own here.
/// </param>
internal sealed record BoundSection(string Section, Type Type, params string[] NotFromThisSection);

/// <summary>
/// Every options class the server binds from configuration, with its section. A new section (or a
/// new options class) goes here, with its keys in appsettings.json and rows in the README.
/// </summary>
internal static class BoundSections
{
    public static readonly IReadOnlyList<BoundSection> All =
    [
        new("Clusters", typeof(List<ClusterSettings>)),
        new("Slack", typeof(SlackOptions)),

        // The token and the Web API address come from Slack:BotToken, Slack:AppToken and Slack:ApiBaseUrl.
        new("Slack:WebApi", typeof(SlackWebApiOptions), nameof(SlackWebApiOptions.BotToken),
            nameof(SlackWebApiOptions.BaseUrl)),
        new("Slack:SocketMode", typeof(SocketModeOptions), nameof(SocketModeOptions.AppToken),
            nameof(SocketModeOptions.ApiBaseUrl)),
        new("Storage", typeof(SqliteStoreOptions)),
        new("Approvals", typeof(ApprovalOptions)),
        new("Verification", typeof(VerificationOptions)),
        new("GitHub", typeof(GitHubRbacOptions)),
        new("Teams", typeof(TeamsOptions)),
        new("Teams", typeof(TeamsAdapterOptions)),
        new("Server", typeof(ServerOptions)),
        new("Telemetry", typeof(TelemetryOptions)),
    ];
}
