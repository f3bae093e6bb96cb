using ChatOpsBot.Teams.Adapter;
using Microsoft.Extensions.Configuration;

namespace ChatOpsBot.Teams.Tests.Adapter;

public sealed class TeamsSlackSettingsTests
{
    private const string Admin = "0a5e7a10-2222-4c2b-9a3e-00000000a001";
    private const string Tenant = "22222222-2222-2222-2222-222222222222";

    [Fact]
    public void Teams_settings_become_the_flows_approval_and_mapping_settings()
    {
        var (values, problems) = TeamsSlackSettings.Translate(Configuration(new()
        {
            ["Teams:ApprovalsConversationId"] = "19:approvers@thread.tacv2",
            ["Teams:ServiceUrl"] = "https://smba.trafficmanager.net/amer/",
            ["Teams:TenantId"] = Tenant,
            ["Teams:Approvers:0"] = Admin,
            ["Teams:UserMappings:0:AadObjectId"] = Admin,
            ["Teams:UserMappings:0:RoleArn"] = "arn:aws:iam::111122223333:role/developer",
            ["Teams:UserMappings:0:KubernetesGroups:0"] = "devs",
        }));

        Assert.Empty(problems);
        Assert.Equal(TeamsIds.Alias('C', "19:approvers@thread.tacv2"), values["Approvals:Channel"]);
        Assert.Equal(TeamsIds.UserId(Guid.Parse(Admin)), values["Approvals:Approvers:0"]);
        Assert.Equal(TeamsIds.TeamId(Guid.Parse(Tenant)), values["Approvals:TeamId"]);
        Assert.Equal(TeamsIds.UserId(Guid.Parse(Admin)), values["Slack:UserMappings:0:SlackUserId"]);
        Assert.Equal("arn:aws:iam::111122223333:role/developer", values["Slack:UserMappings:0:RoleArn"]);
        Assert.Equal("devs", values["Slack:UserMappings:0:KubernetesGroups:0"]);
        Assert.Equal("false", values["Slack:EnableHttpEndpoints"]);
    }

    [Fact]
    public void An_explicit_approvals_team_id_is_kept()
    {
        var (values, _) = TeamsSlackSettings.Translate(Configuration(new()
        {
            ["Teams:TenantId"] = Tenant,
            ["Approvals:TeamId"] = "T0OWN",
        }));

        Assert.False(values.ContainsKey("Approvals:TeamId"));
    }

    [Theory]
    [InlineData("Teams:Approvers:0", "alice@example.com", "Teams:Approvers:0 must be an Entra object id")]
    [InlineData("Teams:ServiceUrl", "http://smba.example/amer/", "Teams:ServiceUrl must be an absolute")]
    [InlineData("Teams:ApprovalsConversationId", "19:x@thread.tacv2", "Teams:ServiceUrl is required")]
    [InlineData("Teams:UserMappings:0:AadObjectId", "U0123", "Teams:UserMappings:0:AadObjectId must be")]
    public void Unusable_settings_are_named(string key, string value, string expected)
    {
        var (_, problems) = TeamsSlackSettings.Translate(Configuration(new() { [key] = value }));

        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Approvals:Channel", "C0123ABCD", "Teams:ApprovalsConversationId")]
    [InlineData("Approvals:Approvers:0", "U0123ABCD", "Teams:Approvers")]
    [InlineData("Approvals:ApproverUserGroup", "S0123ABCD", "Teams:Approvers")]
    [InlineData("Slack:UserMappings:0:SlackUserId", "U0123ABCD", "Teams:UserMappings")]
    public void Slack_shaped_settings_set_by_hand_are_refused_naming_the_teams_one(
        string key, string value, string expected)
    {
        var (_, problems) = TeamsSlackSettings.Translate(Configuration(new() { [key] = value }));

        var problem = Assert.Single(problems);
        Assert.StartsWith(key.Split(':')[0] + ":" + key.Split(':')[1], problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loopback_service_url_over_http_is_allowed_for_tests()
    {
        var (_, problems) = TeamsSlackSettings.Translate(Configuration(new()
        {
            ["Teams:ServiceUrl"] = "http://127.0.0.1:5555/amer/",
            ["Teams:ApprovalsConversationId"] = "19:x@thread.tacv2",
        }));

        Assert.Empty(problems);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
