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
        RequestStoreException store => "request store: " + store.Message,
        _ => ConfigurationFailures(problem) is { } failures
            ? "configuration: " + string.Join("; ", failures.Distinct(StringComparer.Ordinal))
            : null,
    };

    // Several option groups failing at once come as one aggregate, often repeating one cause
    // (options built from the Slack section all fail with it), hence the Distinct above. One
    // failure that is not about configuration keeps the whole stack.
    private static IEnumerable<string>? ConfigurationFailures(Exception problem) => problem switch
    {
        ServerConfigurationException configuration => [configuration.Message],
        OptionsValidationException options => options.Failures,
        AggregateException several => AllConfigurationFailures(several.InnerExceptions),
        _ => UnreadableSetting.Describe(problem) is { } line ? [line] : null,
    };

    private static List<string>? AllConfigurationFailures(IEnumerable<Exception> problems)
    {
        var all = new List<string>();
        foreach (var problem in problems)
        {
            if (ConfigurationFailures(problem) is not { } failures)
            {
                return null;
            }

            all.AddRange(failures);
        }

        return all;
    }
}
