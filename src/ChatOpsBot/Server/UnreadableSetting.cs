using System.Text.RegularExpressions;

namespace ChatOpsBot.Server;

/// <summary>
/// Turns the configuration binder's "failed to convert" error (a value such as <c>maybe</c> for
/// a true/false setting) into one line naming the setting and what it takes. The value itself is
/// not repeated: it may be a mistyped secret.
/// </summary>
internal static partial class UnreadableSetting
{
    /// <summary>The line for a conversion failure anywhere in the chain, or null for anything else.</summary>
    /// <param name="problem">The exception that stopped the server.</param>
    /// <returns>A line such as "Slack:WorkTimeout cannot be read as a duration (hh:mm:ss)".</returns>
    public static string? Describe(Exception problem)
    {
        for (var current = problem; current is not null; current = current.InnerException)
        {
            if (current is not InvalidOperationException)
            {
                continue;
            }

            var match = ConversionFailure().Match(current.Message);
            if (match.Success)
            {
                return $"{match.Groups["key"].Value} cannot be read as {Kind(match.Groups["type"].Value)}";
            }
        }

        return null;
    }

    /// <summary>
    /// Checks every <c>…:LogLevel:…</c> value before the first logger is made: the logging
    /// library's own error names the value but not the setting, and comes with a stack trace.
    /// </summary>
    /// <param name="configuration">The server's configuration.</param>
    /// <exception cref="ServerConfigurationException">A log level is not one.</exception>
    public static void CheckLogLevels(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (key, value) in configuration.GetSection("Logging").AsEnumerable())
        {
            var isLevel = key.Contains(":LogLevel:", StringComparison.OrdinalIgnoreCase);
            if (isLevel && !string.IsNullOrWhiteSpace(value)
                && !Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
            {
                throw new ServerConfigurationException(
                    $"{key} cannot be read as {Kind(typeof(LogLevel).FullName!)}");
            }
        }
    }

    private static string Kind(string typeName) => typeName switch
    {
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration (hh:mm:ss)",
        "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
        "System.Double" or "System.Decimal" or "System.Single" => "a number",
        "System.Uri" => "an absolute URL",
        "System.Guid" => "a GUID",
        _ when typeName.EndsWith(".LogLevel", StringComparison.Ordinal) =>
            "a log level (Trace, Debug, Information, Warning, Error, Critical or None)",
        _ => "a " + typeName[(typeName.LastIndexOf('.') + 1)..].TrimEnd('\'', '?'),
    };

    [GeneratedRegex(@"at '(?<key>[^'\r\n]{1,300})' to type '(?<type>[^'\r\n]{1,300})'",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ConversionFailure();
}
