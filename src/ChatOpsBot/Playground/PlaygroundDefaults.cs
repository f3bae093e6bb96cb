using ChatOpsBot.Server;
using Microsoft.Extensions.Configuration.Json;

namespace ChatOpsBot.Playground;

/// <summary>
/// The settings the playground fills in when they are missing: the bundled example cluster, a
/// store of its own, the playground's approvers, quick verification, the offline Slack stand-in
/// and a loopback address. A setting given anywhere else always wins, except in the top-level
/// appsettings.json, whose production defaults the playground's own replace.
/// </summary>
internal static class PlaygroundDefaults
{
    /// <summary>The example cluster snapshot, relative to the repository root.</summary>
    public static readonly string ExampleCluster = Path.Combine("examples", "seed-exec-forbidden", "cluster");

    /// <summary>The settings file of the content root that holds every setting's default.</summary>
    public const string DefaultsFile = "appsettings.json";

    /// <summary>Where the playground listens unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The start of every refusal: why the playground was chosen at all.</summary>
    private const string NoSlack =
        "no Slack settings are given, so the bot runs the local playground, which listens on 127.0.0.1 only, ";

    /// <summary>How many folders up from the start folders the example cluster is looked for.</summary>
    private const int SearchDepth = 6;

    /// <summary>Adds the missing settings to the builder's configuration.</summary>
    /// <exception cref="ServerConfigurationException">
    /// The address is not loopback, or no cluster is found.
    /// </exception>
    public static void Apply(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        if (!configuration.GetSection("Clusters").GetChildren().Any())
        {
            defaults["Clusters:0:Name"] = "playground";
            defaults["Clusters:0:Snapshot"] = FindExampleCluster(builder.Environment.ContentRootPath);
        }

        AddIfMissing(configuration, defaults, "Storage:SqlitePath",
            Path.Combine("data", "playground", "k8s-access.db"));
        AddIfMissing(configuration, defaults, "Approvals:Channel", PlaygroundIds.ApproversChannel);
        if (!configuration.GetSection("Approvals:Approvers").GetChildren().Any()
            && string.IsNullOrWhiteSpace(configuration["Approvals:ApproverUserGroup"]))
        {
            defaults["Approvals:Approvers:0"] = PlaygroundIds.Admin;
        }

        AddIfMissing(configuration, defaults, "Verification:Interval", "00:00:02");
        AddIfMissing(configuration, defaults, "Verification:MaxInterval", "00:00:10");
        AddIfMissing(configuration, defaults, "Verification:Deadline", "00:02:00");

        // The Slack stand-in answers in process: no HTTP endpoints, no signing secret, and a
        // token that only satisfies validation (the real Web API client is replaced and the
        // base URL points at a closed local port, so nothing could ever reach Slack).
        defaults["Slack:EnableHttpEndpoints"] = "false";
        defaults["Slack:BotToken"] = "xoxb-playground-offline";
        defaults["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/";
        AddIfMissing(configuration, defaults, "Slack:BotUserId", PlaygroundIds.Bot);

        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            EnsureLoopback(urls);
        }
        else if (!string.IsNullOrWhiteSpace(configuration["http_ports"])
                 || !string.IsNullOrWhiteSpace(configuration["https_ports"]))
        {
            // Ports alone (a container image's ASPNETCORE_HTTP_PORTS) mean every interface.
            throw new ServerConfigurationException(
                NoSlack + "but HTTP_PORTS / HTTPS_PORTS would listen on every interface: set the Slack "
                + "settings (Slack__SigningSecret, Slack__BotToken), or --urls http://127.0.0.1:PORT");
        }
        else
        {
            defaults["urls"] = DefaultUrl;
        }

        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            throw new ServerConfigurationException(
                NoSlack + "but Kestrel:Endpoints is set: set the Slack settings, or remove Kestrel:Endpoints");
        }

        configuration.AddInMemoryCollection(defaults);
    }

    /// <summary>Refuses any address that is not 127.0.0.1, ::1 or localhost.</summary>
    /// <exception cref="ServerConfigurationException">One of the addresses is not loopback.</exception>
    public static void EnsureLoopback(string urls)
    {
        const StringSplitOptions Parts = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (var url in urls.Split(';', Parts))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || !PlaygroundLoopback.IsLoopbackHost(uri.Host))
            {
                throw new ServerConfigurationException(
                    NoSlack + $"but urls holds '{Shorten(url)}': set the Slack settings (Slack__SigningSecret, "
                    + "Slack__BotToken), or a loopback address such as http://127.0.0.1:5080");
            }
        }
    }

    // The top-level appsettings.json lists every setting with its production default; those
    // defaults are what the playground replaces, so that file does not count as "set" here.
    private static void AddIfMissing(
        ConfigurationManager configuration, Dictionary<string, string?> defaults, string key, string value)
    {
        var setElsewhere = ((IConfigurationRoot)configuration).Providers
            .Where(provider => !IsDefaultsFile(provider))
            .Any(provider => provider.TryGet(key, out var given) && !string.IsNullOrWhiteSpace(given));
        if (!setElsewhere)
        {
            defaults[key] = value;
        }
    }

    private static bool IsDefaultsFile(IConfigurationProvider provider) =>
        provider is JsonConfigurationProvider { Source.Path: DefaultsFile };

    private static string FindExampleCluster(string contentRoot)
    {
        string[] starts = [contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts.Distinct(StringComparer.Ordinal))
        {
            var folder = new DirectoryInfo(start);
            for (var depth = 0; folder is not null && depth <= SearchDepth; depth++, folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, ExampleCluster);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ServerConfigurationException(
            $"the playground's example cluster ({ExampleCluster}) was not found near {contentRoot}: "
            + "run from the repository, or set Clusters:0:Name and Clusters:0:Snapshot");
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
