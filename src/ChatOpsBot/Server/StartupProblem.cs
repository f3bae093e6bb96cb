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
        _ => UnreadableSetting.Describe(problem) is { } line ? "configuration: " + line : null,
    };
}
