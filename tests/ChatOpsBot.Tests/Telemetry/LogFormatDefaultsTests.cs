using ChatOpsBot.Server;
using ChatOpsBot.Telemetry;
using ChatOpsBot.Tests.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Tests.Telemetry;

/// <summary>
/// Which console format the server picks: JSON lines unless a setting says otherwise; in the
/// playground, readable lines unless the format was chosen outside the settings files.
/// </summary>
public sealed class LogFormatDefaultsTests : IDisposable
{
    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "k8s-access-tests", $"logs-{Guid.NewGuid():N}");

    public LogFormatDefaultsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Server_without_settings_logs_json_lines_with_utc_times_and_scopes()
    {
        using var configuration = new ConfigurationManager();

        LogFormatDefaults.Apply(configuration, playground: false);

        Assert.Equal("json", configuration[LogFormatDefaults.FormatterKey]);
        Assert.Equal("true", configuration["Logging:Console:FormatterOptions:UseUtcTimestamp"]);
        Assert.Equal("true", configuration["Logging:Console:FormatterOptions:IncludeScopes"]);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    [Fact]
    public void Every_settings_source_wins_over_the_defaults()
    {
        using var configuration = new ConfigurationManager();
        configuration.AddJsonFile(SettingsFile("simple"));
        configuration.AddInMemoryCollection([new("Logging:LogLevel:Microsoft.AspNetCore", "Information")]);

        LogFormatDefaults.Apply(configuration, playground: false);

        Assert.Equal("simple", configuration[LogFormatDefaults.FormatterKey]);
        Assert.Equal("Information", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    [Fact]
    public void Playground_reads_as_lines_even_with_the_shipped_json_setting()
    {
        using var configuration = new ConfigurationManager();
        configuration.AddJsonFile(SettingsFile("json"));

        LogFormatDefaults.Apply(configuration, playground: true);

        Assert.Equal("simple", configuration[LogFormatDefaults.FormatterKey]);
        Assert.Equal("true", configuration["Logging:Console:FormatterOptions:SingleLine"]);
    }

    [Fact]
    public void Playground_keeps_a_format_chosen_in_the_environment()
    {
        var variable = $"K8SACCESS_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(variable + "Logging__Console__FormatterName", "json");
        try
        {
            using var configuration = new ConfigurationManager();
            configuration.AddJsonFile(SettingsFile("simple"));
            configuration.AddEnvironmentVariables(variable);

            LogFormatDefaults.Apply(configuration, playground: true);

            Assert.Equal("json", configuration[LogFormatDefaults.FormatterKey]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable + "Logging__Console__FormatterName", null);
        }
    }

    [Theory]
    [InlineData(true, "simple")]
    [InlineData(false, "json")]
    public void Server_picks_the_format_by_mode_over_the_shipped_settings_file(
        bool playground, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            // No Slack secret at all is what starts the playground.
            ["Playground:Enabled"] = null,
            ["Clusters:0:Name"] = "seed",
            ["Clusters:0:Snapshot"] = RunningBot.SeedSnapshot,
            ["Storage:SqlitePath"] = Path.Combine(_folder, "store.db"),
            ["Slack:SigningSecret"] = playground ? null : RunningBot.SigningSecret,
            ["Slack:BotToken"] = playground ? null : RunningBot.BotToken,
            ["Slack:SigningSecretFile"] = null,
            ["Slack:BotTokenFile"] = null,
            ["Slack:AppToken"] = null,
            ["Slack:AppTokenFile"] = null,
            ["urls"] = "http://127.0.0.1:0",
        };

        using var app = BotServer.Build([], builder =>
        {
            builder.Configuration.AddJsonFile(SettingsFile("json"));
            builder.Configuration.AddInMemoryCollection(settings);
        });

        var console = app.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;
        Assert.Equal(expected, console.FormatterName);
    }

    private string SettingsFile(string formatter)
    {
        var path = Path.Combine(_folder, $"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"Logging\":{\"Console\":{\"FormatterName\":\"" + formatter + "\"}}}");
        return path;
    }
}
