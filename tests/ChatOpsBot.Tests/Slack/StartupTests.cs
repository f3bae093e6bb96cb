using ChatOpsBot.Server;
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

        // Several option groups read the Slack section, so the refusal may be an aggregate.
        var validated = Record.Exception(
            () => app.Services.GetRequiredService<IStartupValidator>().Validate());
        var started = await Record.ExceptionAsync(() => app.StartAsync());

        foreach (var refusal in new[] { validated, started })
        {
            Assert.NotNull(refusal);
            var line = StartupProblem.Describe(refusal);
            Assert.NotNull(line);
            Assert.Equal(1, CountOf("Slack:SigningSecret is required", line));
            Assert.DoesNotContain(botToken, refusal.ToString(), StringComparison.Ordinal);
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

    private static int CountOf(string part, string text) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
