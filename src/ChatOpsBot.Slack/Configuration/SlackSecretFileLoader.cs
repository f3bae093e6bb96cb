using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Configuration;

/// <summary>
/// Fills <c>SigningSecret</c>, <c>BotToken</c> and <c>AppToken</c> from their <c>*File</c>
/// settings (Kubernetes secret mounts). A file that cannot be read is not an exception here:
/// it is recorded and <see cref="SlackOptionsValidator"/> reports it, naming the setting.
/// </summary>
internal sealed class SlackSecretFileLoader : IPostConfigureOptions<SlackOptions>
{
    // A secret is a few dozen bytes; anything this large is the wrong file.
    private const long MaxSecretFileBytes = 64 * 1024;

    public void PostConfigure(string? name, SlackOptions options)
    {
        options.SecretFileErrors.Clear();
        options.SigningSecret = Load(
            "SigningSecret", options.SigningSecret, options.SigningSecretFile, options.SecretFileErrors);
        options.BotToken = Load("BotToken", options.BotToken, options.BotTokenFile, options.SecretFileErrors);
        options.AppToken = Load("AppToken", options.AppToken, options.AppTokenFile, options.SecretFileErrors);
    }

    private static string? Load(string setting, string? value, string? file, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return value;
        }

        if (!string.IsNullOrEmpty(value))
        {
            errors.Add($"Slack:{setting} and Slack:{setting}File are both set; set only one of them.");
            return value;
        }

        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                errors.Add($"Slack:{setting}File names a file that does not exist: {file}");
                return null;
            }

            if (info.Length > MaxSecretFileBytes)
            {
                errors.Add($"Slack:{setting}File is too large to be a secret ({info.Length} bytes): {file}");
                return null;
            }

            // Mounted secrets and `echo` often end with a newline that is not part of the secret.
            var secret = File.ReadAllText(file).Trim();
            if (secret.Length == 0)
            {
                errors.Add($"Slack:{setting}File names an empty file: {file}");
                return null;
            }

            return secret;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
                                   or NotSupportedException)
        {
            errors.Add($"Slack:{setting}File cannot be read ({ex.GetType().Name}): {file}");
            return null;
        }
    }
}
