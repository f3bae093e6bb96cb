using System.Net;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.Playground;
using ChatOpsBot.Server;
using ChatOpsBot.Slack.Approval;
using ChatOpsBot.Slack.SocketMode;
using ChatOpsBot.Slack.WebApi;
using ChatOpsBot.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Tests.Configuration;

/// <summary>
/// The server run from the repository top reads the top-level appsettings.json, whose empty
/// values must mean "not set": the playground still starts without Slack settings, and with
/// them the bot starts with the approval flow off, Socket Mode off and every default in place.
/// </summary>
public sealed class TopLevelSettingsTests
{
    private static readonly string[] ContentRoot = ["--contentRoot", TopLevelFiles.Folder];

    [Fact]
    public async Task Without_Slack_settings_the_playground_starts_and_its_defaults_replace_the_files()
    {
        var app = BotServer.Build([.. ContentRoot, "--urls", "http://127.0.0.1:0"], Quiet);
        await using (app)
        {
            Assert.Equal("", app.Configuration["Slack:SigningSecret"]);
            Assert.NotNull(app.Services.GetService<PlaygroundChat>());
            Assert.Equal(
                Path.Combine("data", "playground", "k8s-access.db"), app.Configuration["Storage:SqlitePath"]);
            var verification = app.Services.GetRequiredService<IOptions<VerificationOptions>>().Value;
            Assert.Equal(TimeSpan.FromSeconds(2), verification.Interval);
            Assert.Equal("playground", app.Configuration["Clusters:0:Name"]);
        }
    }

    [Fact]
    public async Task With_Slack_settings_the_bot_starts_with_blank_values_as_not_set()
    {
        await using var slack = await FakeSlackServer.StartAsync(RunningBot.BotToken);
        var settings = RunningBot.Settings(slack);

        // Empty values, as an empty environment variable gives them, mean "not set" too.
        settings["Clusters:0:Kubeconfig"] = "";
        settings["Clusters:0:Context"] = " ";
        settings["GitHub:Owner"] = "";
        settings["Slack:WebApi:MaxRetryAttempts"] = "1";
        settings["Slack:SocketMode:KeepAliveInterval"] = "00:00:42";
        var app = BotServer.Build(ContentRoot, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            Quiet(builder);
        });
        await using (app)
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = Address(app), Timeout = BotTimeouts.Request };

            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Null(app.Services.GetService<PlaygroundChat>());
            Assert.Null(app.Services.GetService<IRbacRepository>());
            Assert.False(app.Services.GetRequiredService<IOptions<SocketModeOptions>>().Value.IsEnabled);
            var webApi = app.Services.GetRequiredService<IOptions<SlackWebApiOptions>>().Value;
            Assert.Equal(1, webApi.MaxRetryAttempts);
            Assert.Equal(RunningBot.BotToken, webApi.BotToken);
            Assert.Equal(slack.ApiBaseUrl, webApi.BaseUrl);
            var socketMode = app.Services.GetRequiredService<IOptions<SocketModeOptions>>().Value;
            Assert.Equal(TimeSpan.FromSeconds(42), socketMode.KeepAliveInterval);
            var server = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
            Assert.Equal(TimeSpan.FromSeconds(25), server.ShutdownTimeout);
            await app.StopAsync();
        }
    }

    [Fact]
    public void A_GitHub_setting_with_a_value_turns_the_approval_flow_on_and_is_checked()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Clusters:0:Name"] = "seed",
            ["Clusters:0:Snapshot"] = RunningBot.SeedSnapshot,
            ["Slack:SigningSecret"] = RunningBot.SigningSecret,
            ["Slack:BotToken"] = RunningBot.BotToken,
            ["GitHub:Owner"] = "platform",
        };

        var refusal = Assert.Throws<ServerConfigurationException>(() =>
            BotServer.Build(ContentRoot, builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                Quiet(builder);
            }));

        Assert.StartsWith("GitHub: ", refusal.Message, StringComparison.Ordinal);
    }

    private static void Quiet(WebApplicationBuilder builder) => builder.Logging.ClearProviders();

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single());
}
