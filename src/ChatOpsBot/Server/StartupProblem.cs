using ChatOpsBot.Storage;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Server;

/// <summary>
/// The one line the server prints, before exiting with code 2, for a problem an operator fixes
/// in the configuration or the store; null for anything else (a bug, which keeps its stack).
/// </summary>
internal static class StartupProblem
{
    /// <summary>The line for <paramref name="problem"/>, without the <c>serve:</c> prefix, or null.</summary>
    /// <param name="problem">What stopped the server from building or starting.</param>
    /// <returns>For example "configuration: Slack:WorkTimeout cannot be read as a duration".</returns>
    public static string? Describe(Exception problem) => problem switch
    {
        ServerConfigurationException configuration => "configuration: " + configuration.Message,
        RequestStoreException store => "request store: " + store.Message,
        OptionsValidationException options => "configuration: " + string.Join("; ", options.Failures),
        AggregateException several => DescribeAll(several.InnerExceptions),
        _ => UnreadableSetting.Describe(problem) is { } line ? "configuration: " + line : null,
    };

    // Several option groups failing at once come as one aggregate, often repeating one cause
    // (options built from the Slack section fail with it): one line naming each failure once,
    // unless one is not a configuration problem (then the stack stays).
    private static string? DescribeAll(IReadOnlyCollection<Exception> problems)
    {
        const string Prefix = "configuration: ";
        var lines = problems.Select(Describe).ToList();
        if (lines.Count == 0 || lines.Any(line => line is null))
        {
            return null;
        }

        var failures = lines
            .SelectMany(line => line!.StartsWith(Prefix, StringComparison.Ordinal)
                ? line[Prefix.Length..].Split("; ")
                : [line])
            .Distinct(StringComparer.Ordinal);
        return Prefix + string.Join("; ", failures);
    }
}
