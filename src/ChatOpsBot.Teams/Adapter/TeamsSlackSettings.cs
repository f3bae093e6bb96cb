using ChatOpsBot.Teams.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>
/// Turns the Teams settings into the Slack-shaped ones the shared flow reads: the approvers'
/// conversation becomes <c>Approvals:Channel</c>, approvers' Entra object ids become
/// <c>Approvals:Approvers</c>, the tenant <c>Approvals:TeamId</c>, and
/// <c>Teams:UserMappings</c> <c>Slack:UserMappings</c>. The Slack client's own settings get
/// inert values (no HTTP endpoints, a closed local address): in Teams mode nothing is sent to Slack.
/// </summary>
public static class TeamsSlackSettings
{
    private static readonly (string SlackShaped, string Teams)[] Replaced =
    [
        ("Approvals:Channel", "Teams:ApprovalsConversationId"),
        ("Approvals:Approvers", "Teams:Approvers (Entra object ids)"),
        ("Approvals:ApproverUserGroup", "Teams:Approvers (Teams has no user groups here)"),
        ("Slack:UserMappings", "Teams:UserMappings"),
    ];

    /// <summary>The settings to add, and one line per problem (naming the setting).</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The values to add to the configuration, and the problems found.</returns>
    public static (Dictionary<string, string?> Values, List<string> Problems) Translate(
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Slack:EnableHttpEndpoints"] = "false",
            ["Slack:BotToken"] = "xoxb-teams-mode-unused",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Slack:AppToken"] = null,
        };
        var problems = new List<string>();
        var teams = configuration.GetSection(TeamsAdapterOptions.SectionName);

        // These are written from the Teams settings; set by hand they would mix with them.
        foreach (var (slackShaped, teamsSetting) in Replaced)
        {
            var given = configuration.GetSection(slackShaped);
            if (!string.IsNullOrWhiteSpace(given.Value) || given.GetChildren().Any())
            {
                problems.Add($"{slackShaped} is not used with Teams; set {teamsSetting} instead.");
            }
        }

        var serviceUrl = teams["ServiceUrl"];
        if (!string.IsNullOrWhiteSpace(serviceUrl)
            && !TeamsOptionsValidator.IsAcceptableMetadataUrl(serviceUrl))
        {
            problems.Add("Teams:ServiceUrl must be an absolute https URL "
                         + "(plain http is allowed only for a loopback address).");
        }

        var conversation = teams["ApprovalsConversationId"];
        if (!string.IsNullOrWhiteSpace(conversation))
        {
            if (string.IsNullOrWhiteSpace(serviceUrl))
            {
                problems.Add("Teams:ServiceUrl is required with Teams:ApprovalsConversationId "
                             + "(the service URL of the approvers' tenant).");
            }

            if (conversation.Length > 1000 || conversation.Any(char.IsWhiteSpace))
            {
                problems.Add("Teams:ApprovalsConversationId must be a conversation id such as "
                             + "19:…@thread.tacv2.");
            }
            else
            {
                values["Approvals:Channel"] =
                    TeamsIds.Alias('C', TeamsIdMap.BaseConversationId(conversation));
            }
        }

        TranslateApprovers(teams.GetSection("Approvers"), values, problems);
        TranslateMappings(teams.GetSection("UserMappings"), values, problems);
        if (Guid.TryParse(teams["TenantId"], out var tenant)
            && string.IsNullOrWhiteSpace(configuration["Approvals:TeamId"]))
        {
            values["Approvals:TeamId"] = TeamsIds.TeamId(tenant);
        }

        return (values, problems);
    }

    private static void TranslateApprovers(
        IConfigurationSection approvers, Dictionary<string, string?> values, List<string> problems)
    {
        foreach (var approver in approvers.GetChildren())
        {
            if (Guid.TryParse(approver.Value, out var objectId))
            {
                values[$"Approvals:Approvers:{approver.Key}"] = TeamsIds.UserId(objectId);
            }
            else
            {
                problems.Add($"Teams:Approvers:{approver.Key} must be an Entra object id (a GUID).");
            }
        }
    }

    private static void TranslateMappings(
        IConfigurationSection mappings, Dictionary<string, string?> values, List<string> problems)
    {
        foreach (var mapping in mappings.GetChildren())
        {
            var where = $"Slack:UserMappings:{mapping.Key}";
            if (!Guid.TryParse(mapping["AadObjectId"], out var objectId))
            {
                problems.Add(
                    $"Teams:UserMappings:{mapping.Key}:AadObjectId must be an Entra object id (a GUID).");
                continue;
            }

            values[$"{where}:SlackUserId"] = TeamsIds.UserId(objectId);
            values[$"{where}:RoleArn"] = mapping["RoleArn"];
            values[$"{where}:KubernetesUser"] = mapping["KubernetesUser"];
            foreach (var group in mapping.GetSection("KubernetesGroups").GetChildren())
            {
                values[$"{where}:KubernetesGroups:{group.Key}"] = group.Value;
            }
        }
    }
}
