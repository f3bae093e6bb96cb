namespace ChatOpsBot.Server;

/// <summary>
/// The settings that make the bot a Slack bot: any of them set (not blank) means Slack is
/// configured, which decides between Slack, Teams and the playground.
/// </summary>
internal static class SlackSecretSettings
{
    /// <summary>The secret settings and their file forms.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "Slack:SigningSecret", "Slack:SigningSecretFile", "Slack:BotToken", "Slack:BotTokenFile",
        "Slack:AppToken", "Slack:AppTokenFile",
    ];

    /// <summary>The first Slack secret setting that is set, or null when none is.</summary>
    /// <param name="configuration">The server's configuration.</param>
    /// <returns>The key, such as <c>Slack:BotToken</c>, or null.</returns>
    public static string? FirstSet(IConfiguration configuration) =>
        Keys.FirstOrDefault(key => !string.IsNullOrWhiteSpace(configuration[key]));
}
