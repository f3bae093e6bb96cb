using Microsoft.Playwright;

namespace ChatOpsBot.Playground.Tests.Support;

/// <summary>How long the browser tests wait for the bot's answers.</summary>
internal static class Waits
{
    /// <summary>Generous for a loaded two-core machine; a step that is ready does not wait.</summary>
    public static LocatorWaitForOptions Long { get; } = new() { Timeout = 60_000 };
}
