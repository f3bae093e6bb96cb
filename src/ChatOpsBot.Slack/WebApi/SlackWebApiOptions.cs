namespace ChatOpsBot.Slack.WebApi;

/// <summary>
/// Settings of the Slack Web API client: where Slack lives, the bot token and the retry budget.
/// Bound from configuration (for example the section <c>Slack:WebApi</c>).
/// </summary>
public sealed class SlackWebApiOptions
{
    /// <summary>Slack's production Web API root.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://slack.com/api/");

    /// <summary>
    /// The Web API root; method names are appended to it. Point it at a fake for tests or at
    /// a proxy; it must be an absolute http(s) URL.
    /// </summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The bot token (<c>xoxb-…</c>) sent as a Bearer credential. Never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>How many times a failed call is retried (0 disables retries).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first back-off delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off delay between two attempts (Retry-After aside).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits out. A longer one is not retried: the
    /// caller gets Slack's <c>ratelimited</c> error at once instead of a hung request.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time one HTTP attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time a whole call may take, retries and waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest response body the client reads, in bytes.</summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Hosts, besides Slack's own (<c>hooks.slack.com</c>, <c>hooks.slack-gov.com</c>) and the
    /// host of <see cref="BaseUrl"/>, that a <c>response_url</c> may point at (over https).
    /// </summary>
    public IList<string> ExtraResponseUrlHosts { get; } = [];

    /// <summary>
    /// The <c>response_type</c> of <c>response_url</c> posts that do not replace the original
    /// message: <c>ephemeral</c> (only the invoker sees it) or <c>in_channel</c>.
    /// </summary>
    public string ResponseUrlResponseType { get; set; } = "ephemeral";
}
