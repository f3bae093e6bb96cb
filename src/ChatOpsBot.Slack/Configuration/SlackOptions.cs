using System.Text;

namespace ChatOpsBot.Slack.Configuration;

/// <summary>
/// Settings of the Slack front end, bound from the configuration section <c>Slack</c>
/// (environment variables such as <c>Slack__SigningSecret</c> work the usual ASP.NET way).
/// Each secret can instead be read from a file (<c>SigningSecretFile</c>, …), as Kubernetes
/// mounts secrets. <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class SlackOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Slack";

    /// <summary>The signing secret that checks every HTTP request from Slack.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>A file holding the signing secret (a mounted Kubernetes secret).</summary>
    public string? SigningSecretFile { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>A file holding the bot token.</summary>
    public string? BotTokenFile { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>) for Socket Mode; optional.</summary>
    public string? AppToken { get; set; }

    /// <summary>A file holding the app-level token.</summary>
    public string? AppTokenFile { get; set; }

    /// <summary>The Web API base URL; tests and proxies point it elsewhere.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>The slash command this app answers.</summary>
    public string CommandName { get; set; } = "/k8s-access";

    /// <summary>The bot's own user id, so its messages are never answered; optional.</summary>
    public string? BotUserId { get; set; }

    /// <summary>
    /// Whether the HTTP endpoints (<c>/slack/commands</c>, <c>/slack/events</c>,
    /// <c>/slack/interactions</c>) answer. Turn off for a Socket Mode only install, which then
    /// needs no signing secret.
    /// </summary>
    public bool EnableHttpEndpoints { get; set; } = true;

    /// <summary>Chat users (or user groups) mapped to their Kubernetes identity.</summary>
    public List<SlackUserMapping> UserMappings { get; set; } = [];

    /// <summary>Requests with a larger body are refused with 413 before anything else.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How many pieces of background work may wait; beyond that new work is refused.</summary>
    public int QueueCapacity { get; set; } = 200;

    /// <summary>How many pieces of background work run at once.</summary>
    public int MaxConcurrentWork { get; set; } = 4;

    /// <summary>How long one piece of background work may run before it is cancelled.</summary>
    public TimeSpan WorkTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an event id (and a message) is remembered to drop Slack's retries.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long user-group memberships are cached.</summary>
    public TimeSpan UserGroupCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a diagnosis stays available to its buttons (in-memory store).</summary>
    public TimeSpan StoredDiagnosisLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many diagnoses the in-memory store keeps; the oldest go first.</summary>
    public int StoredDiagnosisCapacity { get; set; } = 10_000;

    /// <summary>Problems met while reading the <c>*File</c> settings, reported by validation.</summary>
    internal List<string> SecretFileErrors { get; } = [];

    /// <summary>A description for logs: which settings are set, never a secret's value.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("SlackOptions { ");
        text.Append("SigningSecret = ").Append(Describe(SigningSecret));
        text.Append(", BotToken = ").Append(Describe(BotToken));
        text.Append(", AppToken = ").Append(Describe(AppToken));
        text.Append(", ApiBaseUrl = ").Append(ApiBaseUrl);
        text.Append(", CommandName = ").Append(CommandName);
        text.Append(", BotUserId = ").Append(BotUserId ?? "(none)");
        text.Append(", EnableHttpEndpoints = ").Append(EnableHttpEndpoints);
        text.Append(", UserMappings = ").Append(UserMappings.Count);
        text.Append(" }");
        return text.ToString();
    }

    private static string Describe(string? secret) =>
        string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";
}
