using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Slack;
using ChatOpsBot.Slack.Http;
using ChatOpsBot.Slack.SocketMode;
using ChatOpsBot.Slack.WebApi;
using ChatOpsBot.Storage;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Playground;
using ChatOpsBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Server;

/// <summary>The <c>serve</c> verb: the bot's web server.</summary>
internal static class BotServer
{
    /// <summary>
    /// Builds the server from the configuration (appsettings.json, environment, arguments).
    /// </summary>
    /// <param name="args">The command-line arguments after the verb.</param>
    /// <param name="customize">Changes the builder before the settings are read (tests use it).</param>
    /// <returns>The built, not yet started, application.</returns>
    /// <exception cref="ServerConfigurationException">The cluster settings are unusable.</exception>
    public static WebApplication Build(
        string[] args,
        Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        customize?.Invoke(builder);
        UnreadableSetting.CheckLogLevels(builder.Configuration);

        // Teams when its app id is set; with no Slack settings at all, the local playground
        // instead of a start-up failure.
        var teams = TeamsMode.IsRequested(builder.Configuration);
        var playground = !teams && PlaygroundMode.IsRequested(builder.Configuration);
        if (teams)
        {
            TeamsMode.ApplyDefaults(builder);
        }
        else if (playground)
        {
            PlaygroundMode.ApplyDefaults(builder);
        }

        builder.AddBotTelemetry(playground);

        var clusters = ReadClusters(builder.Configuration);
        builder.Services.AddSingleton<IClusterSourceProvider>(services =>
            new ConfiguredClusters(clusters, services.GetRequiredService<ILoggerFactory>()));

        ServerSettings.Register(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<IDiagnosisService, DiagnosisService>();
        builder.Services.AddSlackBot(builder.Configuration);
        if (!teams)
        {
            // Teams answers through its own connector, so only Slack and the playground need the
            // Slack Web API settings to be right before starting.
            builder.Services.AddOptions<SlackWebApiOptions>().ValidateOnStart();
        }

        builder.Services.AddSqliteRequestStore(builder.Configuration);
        ApprovalSettings.Register(builder.Services, builder.Configuration);
        if (teams)
        {
            TeamsMode.AddServices(builder.Services, builder.Configuration);
        }
        else if (playground)
        {
            PlaygroundMode.AddServices(builder.Services, builder.Configuration);
        }

        var app = builder.Build();
        app.MapBotTelemetry();

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", Ready);
        app.MapSlackEndpoints();
        if (teams)
        {
            TeamsMode.Map(app);
        }
        else if (playground)
        {
            PlaygroundMode.Map(app);
        }

        return app;
    }

    /// <summary>
    /// Runs the server until it is stopped; a configuration problem is one line and exit code 2.
    /// </summary>
    /// <param name="args">The command-line arguments after the verb.</param>
    /// <returns>The process exit code: 0 after a clean stop, 2 for a configuration problem.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await using var app = Build(args);

            // Validate before the host starts, so a bad setting is one line, not a logged stack trace.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception problem) when (StartupProblem.Describe(problem) is { } line)
        {
            await Console.Error.WriteLineAsync($"serve: {line}").ConfigureAwait(false);
            return 2;
        }
    }

    // Ready means: every option validated at start-up (or the server would not be up), the
    // request store answers, Socket Mode is connected when it is on, and every cluster answers.
    private static async Task<IResult> Ready(
        IClusterSourceProvider clusters,
        IStoreHealth store,
        SocketModeClient socketMode,
        IOptions<SocketModeOptions> socketOptions,
        ClusterReadiness clusterReadiness,
        CancellationToken cancellationToken)
    {
        if (!await store.CanReachAsync(cancellationToken).ConfigureAwait(false))
        {
            return NotReady("the request store cannot be reached", clusters);
        }

        if (socketOptions.Value.IsEnabled && !socketMode.IsConnected)
        {
            return NotReady("Socket Mode is not connected yet", clusters);
        }

        if (await clusterReadiness.ProblemAsync(cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return NotReady(problem, clusters);
        }

        return Results.Json(new { ready = true, clusters = clusters.Names });
    }

    private static IResult NotReady(string reason, IClusterSourceProvider clusters) =>
        Results.Json(
            new { ready = false, reason, clusters = clusters.Names },
            statusCode: StatusCodes.Status503ServiceUnavailable);

    private static List<ClusterSettings> ReadClusters(ConfigurationManager configuration)
    {
        // One element at a time: binding the list would silently drop an element with a value
        // that cannot be read, and then say no cluster is configured.
        var clusters = configuration.GetSection("Clusters").GetChildren()
            .Select(child => child.Get<ClusterSettings>() ?? new ClusterSettings())
            .ToList();
        if (clusters.Count == 0)
        {
            throw new ServerConfigurationException(
                "no cluster is configured: set Clusters:0:Name and one of Snapshot, "
                + "Kubeconfig or InCluster");
        }

        var problem = clusters
            .Select((cluster, index) => cluster.Problem(index))
            .FirstOrDefault(text => text is not null);
        if (problem is not null)
        {
            throw new ServerConfigurationException(problem);
        }

        var duplicate = clusters
            .GroupBy(cluster => cluster.Name, StringComparer.Ordinal)
            .FirstOrDefault(group => group.Count() > 1);
        return duplicate is null
            ? clusters
            : throw new ServerConfigurationException($"two clusters are called {duplicate.Key}");
    }
}

/// <summary>
/// A setting the server cannot start with; its message is one line naming the setting.
/// </summary>
internal sealed class ServerConfigurationException(string message) : Exception(message);
