using ChatOpsBot.Server;
using ChatOpsBot.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Tests.Configuration;

/// <summary>
/// A setting the server cannot use stops it with the one line <c>serve</c> prints (and exit code
/// 2), naming the setting: values that cannot be read at all, values out of range, and settings
/// of a front end that is not switched on.
/// </summary>
public sealed class StartupProblemTests
{
    [Theory]
    [InlineData(
        "Telemetry:Prometheus:Enabled", "maybe",
        "Telemetry:Prometheus:Enabled cannot be read as true or false")]
    [InlineData("Slack:WorkTimeout", "soon", "Slack:WorkTimeout cannot be read as a duration")]
    [InlineData(
        "Slack:MaxConcurrentWork", "abc",
        "Slack:MaxConcurrentWork cannot be read as a whole number")]
    [InlineData(
        "Slack:SocketMode:DebugReconnects", "maybe",
        "Slack:SocketMode:DebugReconnects cannot be read as")]
    [InlineData("Clusters:0:InCluster", "maybe", "Clusters:0:InCluster cannot be read as true or false")]
    [InlineData(
        "Logging:LogLevel:Default", "Loud",
        "Logging:LogLevel:Default cannot be read as a log level")]
    [InlineData("Playground:Enabled", "maybe", "Playground:Enabled must be true or false")]
    [InlineData("Approvals:WatchInterval", "00:00:00", "Approvals:WatchInterval must be positive")]
    [InlineData("Approvals:WatchInterval", "-00:00:01", "Approvals:WatchInterval must be positive")]
    [InlineData("Approvals:Mode", "whenever", "Approvals:Mode must be chat or git-review")]
    [InlineData(
        "Slack:WebApi:MaxRetryAttempts", "50",
        "Slack:WebApi:MaxRetryAttempts must be between 0 and 10")]
    [InlineData(
        "Slack:WebApi:AttemptTimeout", "00:00:00.001",
        "Slack:WebApi:AttemptTimeout must be at least 10 ms")]
    [InlineData(
        "Slack:SocketMode:ConnectTimeout", "00:00:00",
        "Slack:SocketMode:ConnectTimeout must be positive")]
    [InlineData(
        "Slack:SocketMode:MaxConcurrentEnvelopes", "0",
        "Slack:SocketMode:MaxConcurrentEnvelopes must be between 1 and 1024")]
    [InlineData(
        "Teams:TenantId", "22222222-2222-2222-2222-222222222222",
        "Teams:TenantId is set but Teams:AppId is not")]
    [InlineData(
        "Teams:ApprovalsConversationId", "19:abc@thread.tacv2",
        "Teams:ApprovalsConversationId is set but")]
    public async Task A_setting_that_cannot_be_used_stops_the_start_with_one_line_naming_it(
        string key, string value, string expected)
    {
        var line = await ProblemWithAsync((key, value));

        Assert.NotNull(line);
        Assert.StartsWith("configuration: " + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain(RunningBot.BotToken, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_unusable_settings_are_named_together_in_one_line()
    {
        var line = await ProblemWithAsync(
            ("Slack:WebApi:MaxRetryAttempts", "50"), ("Slack:SocketMode:CloseTimeout", "00:00:00"));

        Assert.NotNull(line);
        Assert.StartsWith("configuration: ", line, StringComparison.Ordinal);
        Assert.Contains("Slack:WebApi:MaxRetryAttempts", line, StringComparison.Ordinal);
        Assert.Contains("Slack:SocketMode:CloseTimeout", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public async Task GitHub_retry_settings_are_checked_with_the_repository()
    {
        var line = await ProblemWithAsync(
            ("GitHub:Owner", "platform"),
            ("GitHub:Repository", "rbac"),
            ("GitHub:Token", "ghp_not-used"),
            ("Approvals:Channel", "C0APPROVE1"),
            ("Approvals:Approvers:0", "U0ADMIN01"),
            ("GitHub:Retry:BaseDelay", "-00:00:01"));

        Assert.NotNull(line);
        Assert.Contains("Retry:BaseDelay must be positive", line, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_not-used", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usable_settings_start_with_no_problem()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);

        Assert.Null(await ProblemAsync(RunningBot.Settings(slack)));
    }

    // The problem with the working test settings changed as given.
    private static async Task<string?> ProblemWithAsync(params (string Key, string Value)[] changes)
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        var settings = RunningBot.Settings(slack);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return await ProblemAsync(settings);
    }

    // What RunAsync does, short of printing and exiting: build, validate, start, stop. A problem
    // found only when the host starts is marked: the host has logged it with a stack trace by then.
    private static async Task<string?> ProblemAsync(Dictionary<string, string?> settings)
    {
        var validated = false;
        try
        {
            var app = BotServer.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
            });
            await using (app)
            {
                app.Services.GetRequiredService<IStartupValidator>().Validate();
                validated = true;
                await app.StartAsync();
                await app.StopAsync();
            }

            return null;
        }
        catch (Exception problem) when (StartupProblem.Describe(problem) is { } line)
        {
            return validated ? "found only at start: " + line : line;
        }
    }
}
