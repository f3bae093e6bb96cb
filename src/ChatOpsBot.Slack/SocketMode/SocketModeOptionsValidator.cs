using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.SocketMode;

/// <summary>Rejects Socket Mode settings that cannot work, without echoing the token.</summary>
internal sealed class SocketModeOptionsValidator : IValidateOptions<SocketModeOptions>
{
    // Messages name the keys as the bot's configuration spells them.
    private const string Section = "Slack:SocketMode";

    public ValidateOptionsResult Validate(string? name, SocketModeOptions options)
    {
        var failures = new List<string>();
        var token = options.AppToken ?? "";

        // An empty token means "Socket Mode off"; a bot token here is a mistake worth stopping for.
        if (token.Length > 0 && !options.IsEnabled)
        {
            failures.Add("Slack:AppToken must be an app-level token starting with 'xapp-'.");
        }

        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add("Slack:AppToken must not contain whitespace or control characters.");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true, Scheme: "https" or "http" })
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL.");
        }

        foreach (var (value, setting) in new[]
        {
            (options.ReconnectBaseDelay, nameof(options.ReconnectBaseDelay)),
            (options.ReconnectMaxDelay, nameof(options.ReconnectMaxDelay)),
            (options.ConnectTimeout, nameof(options.ConnectTimeout)),
            (options.HelloTimeout, nameof(options.HelloTimeout)),
            (options.AckDeadline, nameof(options.AckDeadline)),
            (options.KeepAliveInterval, nameof(options.KeepAliveInterval)),
            (options.KeepAliveTimeout, nameof(options.KeepAliveTimeout)),
            (options.CloseTimeout, nameof(options.CloseTimeout)),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{Section}:{setting} must be positive.");
            }
        }

        if (options.MaxMessageBytes < 4096)
        {
            failures.Add($"{Section}:MaxMessageBytes must be at least 4096.");
        }

        if (options.MaxConcurrentEnvelopes is < 1 or > 1024)
        {
            failures.Add($"{Section}:MaxConcurrentEnvelopes must be between 1 and 1024.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
