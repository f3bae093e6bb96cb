using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Tests.Slack;

/// <summary>The bot refuses to start without a signing secret and says so without the token.</summary>
public sealed class StartupTests
{
    public static TheoryData<string?, string> BadSettings => new()
    {
        { null, RunningBot.BotToken },
        { "   ", RunningBot.BotToken },

        // A token with a space fails too; its value must still appear nowhere.
        { null, "xoxb-e2e-pasted with-a-space-4815162342" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Missing_signing_secret_fails_start_up_naming_the_setting_and_never_the_token(
        string? signingSecret, string botToken)
    {
        await using var slack = await FakeSlackServer.StartAsync(botToken);
        var settings = RunningBot.Settings(slack);
        settings["Slack:SigningSecret"] = signingSecret;
        settings["Slack:BotToken"] = botToken;
        var logs = new CapturedLogs();
        await using var app = RunningBot.Build(settings, logs);

        var validated = Assert.Throws<OptionsValidationException>(
            () => app.Services.GetRequiredService<IStartupValidator>().Validate());
        var started = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        foreach (var refusal in new[] { validated, started })
        {
            var everything = string.Join("\n", refusal.Failures) + "\n" + refusal;
            Assert.Contains("Slack:SigningSecret", refusal.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(botToken, everything, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(logs.Lines, line => line.Contains(botToken, StringComparison.Ordinal));
        Assert.Empty(slack.Calls);
    }

    [Fact]
    public async Task Bot_with_every_setting_starts_and_reports_ready()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        await using var bot = await RunningBot.StartAsync(slack);

        using var ready = await bot.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        ready.EnsureSuccessStatusCode();
        Assert.Contains("\"seed\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
