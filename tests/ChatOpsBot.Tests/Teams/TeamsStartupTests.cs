using System.Net;
using ChatOpsBot.Server;
using ChatOpsBot.Teams.Tests.Support;
using ChatOpsBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Tests.Teams;

/// <summary>Teams mode is chosen by <c>Teams:AppId</c>, checked at start-up, and serves Teams only.</summary>
public sealed class TeamsStartupTests : IAsyncLifetime, IDisposable
{
    private FakeBotConnector _connector = null!;
    private FakeOpenIdServer _openId = null!;
    private readonly TestSigningKey _key = new("startup-key", "msteams");

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _openId = await FakeOpenIdServer.StartAsync(_key);
    }

    public async Task DisposeAsync()
    {
        await _openId.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public void Dispose() => _key.Dispose();

    [Theory]
    [InlineData("Slack:BotToken", "xoxb-also-set")]
    [InlineData("Slack:SigningSecret", "also-set")]
    [InlineData("Playground:Enabled", "true")]
    public void Slack_or_the_playground_beside_teams_is_refused_naming_both(string key, string value)
    {
        var settings = TeamsBot.Settings(_connector, _openId);
        settings[key] = value;

        var problem = Assert.Throws<ServerConfigurationException>(
            () => RunningBot.Build(settings, new CapturedLogs()));

        Assert.Contains("Teams:AppId", problem.Message, StringComparison.Ordinal);
        Assert.Contains(key, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approver_that_is_not_an_object_id_stops_start_up_naming_the_setting()
    {
        var settings = TeamsBot.Settings(_connector, _openId);
        settings["Teams:Approvers:0"] = "alex@example.com";

        var problem = Assert.Throws<ServerConfigurationException>(
            () => RunningBot.Build(settings, new CapturedLogs()));

        Assert.Contains("Teams:Approvers:0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_app_id_fails_validation_naming_the_setting()
    {
        var settings = TeamsBot.Settings(_connector, _openId);
        settings["Teams:AppId"] = "not-a-guid";
        await using var app = RunningBot.Build(settings, new CapturedLogs());

        var refusal = Assert.Throws<OptionsValidationException>(
            () => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Teams:AppId", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_teams_mode_the_slack_and_playground_endpoints_are_not_served()
    {
        await using var bot = await TeamsBot.StartAsync(_connector);

        using var slack = await bot.Client.PostAsync(
            new Uri("/slack/events", UriKind.Relative), new StringContent("{}"));
        using var page = await bot.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var ready = await bot.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var teams = await bot.Client.PostAsync(
            new Uri("/api/messages", UriKind.Relative), new StringContent("{}"));

        Assert.NotEqual(HttpStatusCode.OK, slack.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        ready.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, teams.StatusCode);
    }
}
