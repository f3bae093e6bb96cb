using ChatOpsBot.Slack.Protocol;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>How the host registers the client, and the settings it refuses.</summary>
public sealed class SlackWebApiRegistrationTests
{
    [Fact]
    public async Task BindsFromAConfigurationSectionAndCallsTheConfiguredBaseUrl()
    {
        await using var server = await FakeSlackWebApiServer.StartAsync();
        server.EnqueueJson("/api/users.info", """{"ok":true,"user":{"id":"U5","name":"e"}}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:WebApi:BaseUrl"] = server.BaseUrl.ToString(),
            ["Slack:WebApi:BotToken"] = "xoxb-from-config",
            ["Slack:WebApi:MaxRetryAttempts"] = "1",
            ["Slack:WebApi:AttemptTimeout"] = "00:00:03",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSlackWebApi(configuration.GetSection("Slack:WebApi"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SlackWebApiOptions>>().Value;
        var user = await provider.GetRequiredService<ISlackWebApi>().GetUserAsync("U5", default);

        Assert.Equal(TimeSpan.FromSeconds(3), options.AttemptTimeout);
        Assert.Equal(1, options.MaxRetryAttempts);
        Assert.Equal("U5", user.Id);
        Assert.Equal("Bearer xoxb-from-config", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public void ClientIsTheSlackWebApiClient()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSlackWebApi(o => o.BotToken = "xoxb-x");
        using var provider = services.BuildServiceProvider();

        Assert.IsType<SlackWebApiClient>(provider.GetRequiredService<ISlackWebApi>());
    }

    [Theory]
    [InlineData("", "BotToken is required")]
    [InlineData("xoxb-a b", "whitespace")]
    public void BadTokenIsRefusedWithoutEchoingIt(string token, string expected)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSlackWebApi(o => o.BotToken = token);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<ISlackWebApi>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NonHttpBaseUrlAndBadBudgetsAreRefused()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSlackWebApi(o =>
        {
            o.BotToken = "xoxb-x";
            o.BaseUrl = new Uri("ftp://slack.example/api/");
            o.MaxRetryAttempts = -1;
            o.AttemptTimeout = TimeSpan.Zero;
            o.ResponseUrlResponseType = "public";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<ISlackWebApi>());

        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetryAttempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("ResponseUrlResponseType", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZeroRetriesMeansOneAttempt()
    {
        await using var harness = await SlackWebApiHarness.StartAsync(o => o.MaxRetryAttempts = 0);
        harness.Server.SetDefaultJson("/api/users.info", """{"ok":false,"error":"internal_error"}""");

        await Assert.ThrowsAsync<SlackApiException>(() => harness.Client.GetUserAsync("U1", default));

        Assert.Single(harness.Server.Requests);
    }
}
