using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace ChatOpsBot.Telemetry;

/// <summary>
/// How the console logs look unless a setting says otherwise: JSON lines (one object per entry,
/// UTC timestamps, scopes with the trace and span ids) for log collectors, wherever the bot
/// runs; in the local playground, readable single lines for the person at the terminal.
/// </summary>
internal static class LogFormatDefaults
{
    /// <summary>The setting that picks the console formatter.</summary>
    public const string FormatterKey = "Logging:Console:FormatterName";

    /// <summary>The defaults, below every other configuration source.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Server = new Dictionary<string, string?>
    {
        [FormatterKey] = "json",
        ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ",

        // ASP.NET Core's own per-request lines carry the full URL with its query string; the
        // bot writes its own request line instead (RequestLogMiddleware).
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>The playground's readable format.</summary>
    private static readonly Dictionary<string, string?> Readable = new()
    {
        [FormatterKey] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:IncludeScopes"] = "false",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss ",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "false",
    };

    /// <summary>
    /// Puts the JSON defaults below every source; in the playground, switches to the readable
    /// format unless the formatter was chosen outside the settings files (environment, command
    /// line, or a test's in-memory settings).
    /// </summary>
    public static void Apply(ConfigurationManager configuration, bool playground)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new MemoryConfigurationSource { InitialData = Server };
        configuration.Sources.Insert(0, defaults);

        if (playground && !ChosenExplicitly(configuration))
        {
            configuration.AddInMemoryCollection(Readable);
        }
    }

    // appsettings*.json carry the shipped default; anything else is a person's choice. The
    // first provider is the defaults inserted above.
    private static bool ChosenExplicitly(IConfigurationRoot configuration) =>
        configuration.Providers.Skip(1).Any(provider =>
            provider is EnvironmentVariablesConfigurationProvider or CommandLineConfigurationProvider
                or MemoryConfigurationProvider
            && provider.TryGet(FormatterKey, out var value)
            && !string.IsNullOrWhiteSpace(value));
}
