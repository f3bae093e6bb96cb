using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.WebApi;

/// <summary>Rejects Web API settings that cannot work, with a message naming the setting.</summary>
internal sealed class SlackWebApiOptionsValidator : IValidateOptions<SlackWebApiOptions>
{
    // Messages name the keys as the bot's configuration spells them.
    private const string Section = "Slack:WebApi";

    public ValidateOptionsResult Validate(string? name, SlackWebApiOptions options)
    {
        var failures = new List<string>();

        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri
            || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && options.BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is required.");
        }
        else if (options.BotToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // Said without echoing the token: it is a secret even when malformed.
            failures.Add("Slack:BotToken must not contain whitespace or control characters.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{Section}:MaxRetryAttempts must be between 0 and 10.");
        }

        AddIfNotPositive(failures, options.RetryBaseDelay, nameof(options.RetryBaseDelay));
        AddIfNotPositive(failures, options.RetryMaxDelay, nameof(options.RetryMaxDelay));
        AddIfTooShort(failures, options.AttemptTimeout, nameof(options.AttemptTimeout));
        AddIfTooShort(failures, options.TotalTimeout, nameof(options.TotalTimeout));

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{Section}:MaxRetryAfter must not be negative.");
        }

        if (options.MaxResponseBytes < 1024)
        {
            failures.Add($"{Section}:MaxResponseBytes must be at least 1024.");
        }

        if (options.ResponseUrlResponseType is not ("ephemeral" or "in_channel"))
        {
            failures.Add($"{Section}:ResponseUrlResponseType must be 'ephemeral' or 'in_channel'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Polly refuses timeouts under 10 ms, so say so here rather than at the first call.
    private static void AddIfTooShort(List<string> failures, TimeSpan value, string setting)
    {
        if (value < TimeSpan.FromMilliseconds(10))
        {
            failures.Add($"{Section}:{setting} must be at least 10 ms.");
        }
    }

    private static void AddIfNotPositive(List<string> failures, TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{setting} must be positive.");
        }
    }
}
