namespace ChatOpsBot.Tests.Slack;

/// <summary>
/// Tests that measure the bot's response time run alone, so a busy neighbour test cannot
/// stretch the clock.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedTests
{
    public const string Name = "Timed";
}
