using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Configuration;

/// <summary>
/// Checks <see cref="SlackOptions"/> at start-up. Each problem is one line that names the
/// setting and never shows a secret's value.
/// </summary>
public sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.SecretFileErrors);
        ValidateSecrets(options, errors);
        ValidateApiBaseUrl(options.ApiBaseUrl, errors);
        ValidateCommandName(options.CommandName, errors);
        ValidateTuning(options, errors);

        if (options.BotUserId is { Length: > 0 } botUser && !UserIdPattern().IsMatch(botUser))
        {
            errors.Add("Slack:BotUserId must be a Slack user id such as U0123ABCD.");
        }

        for (var i = 0; i < options.UserMappings.Count; i++)
        {
            ValidateMapping(i, options.UserMappings[i], errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSecrets(SlackOptions options, List<string> errors)
    {
        if (options.EnableHttpEndpoints && string.IsNullOrWhiteSpace(options.SigningSecret)
            && string.IsNullOrWhiteSpace(options.SigningSecretFile))
        {
            errors.Add("Slack:SigningSecret is required while Slack:EnableHttpEndpoints is true "
                       + "(set Slack__SigningSecret or Slack:SigningSecretFile).");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken) && string.IsNullOrWhiteSpace(options.BotTokenFile))
        {
            errors.Add("Slack:BotToken is required (set Slack__BotToken or Slack:BotTokenFile).");
        }
        else if (options.BotToken is { } bot && bot.Any(char.IsWhiteSpace))
        {
            errors.Add("Slack:BotToken contains white space; check how it was pasted.");
        }

        if (options.AppToken is { Length: > 0 } app && !app.StartsWith("xapp-", StringComparison.Ordinal))
        {
            errors.Add("Slack:AppToken must be an app-level token (it starts with xapp-).");
        }
    }

    private static void ValidateApiBaseUrl(string? value, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            errors.Add("Slack:ApiBaseUrl must be an absolute http(s) URL without query or credentials, "
                       + "such as https://slack.com/api/.");
        }
    }

    private static void ValidateCommandName(string? value, List<string> errors)
    {
        if (value is null || !CommandPattern().IsMatch(value))
        {
            errors.Add("Slack:CommandName must be a slash command such as /k8s-access "
                       + "(a slash, then up to 31 lower-case letters, digits, - or _).");
        }
    }

    private static void ValidateTuning(SlackOptions options, List<string> errors)
    {
        if (options.MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            errors.Add("Slack:MaxRequestBodyBytes must be between 1024 and 16777216.");
        }

        if (options.QueueCapacity is < 1 or > 100_000)
        {
            errors.Add("Slack:QueueCapacity must be between 1 and 100000.");
        }

        if (options.MaxConcurrentWork is < 1 or > 64)
        {
            errors.Add("Slack:MaxConcurrentWork must be between 1 and 64.");
        }

        if (options.WorkTimeout <= TimeSpan.Zero)
        {
            errors.Add("Slack:WorkTimeout must be positive.");
        }

        if (options.DeduplicationWindow < TimeSpan.FromMinutes(10))
        {
            errors.Add("Slack:DeduplicationWindow must be at least 10 minutes (Slack retries for 5).");
        }

        if (options.StoredDiagnosisLifetime <= TimeSpan.Zero)
        {
            errors.Add("Slack:StoredDiagnosisLifetime must be positive.");
        }

        if (options.StoredDiagnosisCapacity is < 1 or > 1_000_000)
        {
            errors.Add("Slack:StoredDiagnosisCapacity must be between 1 and 1000000.");
        }

        if (options.UserGroupCacheDuration < TimeSpan.Zero)
        {
            errors.Add("Slack:UserGroupCacheDuration must not be negative.");
        }
    }

    private static void ValidateMapping(int index, SlackUserMapping? mapping, List<string> errors)
    {
        var where = $"Slack:UserMappings:{index}";
        if (mapping is null)
        {
            errors.Add($"{where} is empty.");
            return;
        }

        var hasUser = !string.IsNullOrWhiteSpace(mapping.SlackUserId);
        var hasGroup = !string.IsNullOrWhiteSpace(mapping.SlackUserGroupId);
        if (hasUser == hasGroup)
        {
            errors.Add($"{where} must set exactly one of SlackUserId or SlackUserGroupId.");
        }
        else if (hasUser && !UserIdPattern().IsMatch(mapping.SlackUserId!))
        {
            errors.Add($"{where}:SlackUserId must be a Slack user id such as U0123ABCD.");
        }
        else if (hasGroup && !UserGroupIdPattern().IsMatch(mapping.SlackUserGroupId!))
        {
            errors.Add($"{where}:SlackUserGroupId must be a Slack user-group id such as S0123ABCD.");
        }

        if (string.IsNullOrWhiteSpace(mapping.RoleArn) && string.IsNullOrWhiteSpace(mapping.KubernetesUser)
            && mapping.KubernetesGroups.Count == 0)
        {
            errors.Add($"{where} must set RoleArn, KubernetesUser or KubernetesGroups.");
        }

        if (!string.IsNullOrWhiteSpace(mapping.RoleArn) && !IamArn.IsValid(mapping.RoleArn))
        {
            errors.Add($"{where}:RoleArn must be an IAM role or user ARN "
                       + "such as arn:aws:iam::111122223333:role/developer.");
        }

        if (mapping.KubernetesUser is { } user && (user.Length > 512 || user.Any(char.IsControl)))
        {
            errors.Add($"{where}:KubernetesUser is not a valid Kubernetes username.");
        }

        if (mapping.KubernetesGroups.Any(g => string.IsNullOrWhiteSpace(g) || g.Length > 512
                                              || g.Any(char.IsControl)))
        {
            errors.Add($"{where}:KubernetesGroups holds an empty or invalid group name.");
        }
    }

    [GeneratedRegex("^[UW][A-Z0-9]{2,30}$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex("^S[A-Z0-9]{2,30}$")]
    private static partial Regex UserGroupIdPattern();

    [GeneratedRegex("^/[a-z0-9_-]{1,31}$")]
    private static partial Regex CommandPattern();
}
