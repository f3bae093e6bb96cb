namespace ChatOpsBot.Tests.Slack;

/// <summary>Bounds on every wait, generous for a loaded machine and still finite.</summary>
internal static class BotTimeouts
{
    /// <summary>The longest a test waits for the bot to call the fake Slack.</summary>
    public static readonly TimeSpan Reply = TimeSpan.FromSeconds(30);

    /// <summary>The longest a test waits for the bot's HTTP answer.</summary>
    public static readonly TimeSpan Request = TimeSpan.FromSeconds(30);
}
