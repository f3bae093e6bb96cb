using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Configuration;

/// <summary>
/// Fills <see cref="TeamsOptions.AppPassword"/> from <see cref="TeamsOptions.AppPasswordFile"/>.
/// A file that cannot be read is recorded, and <see cref="TeamsOptionsValidator"/> reports it.
/// </summary>
internal sealed class TeamsSecretFileLoader : IPostConfigureOptions<TeamsOptions>
{
    // A client secret is a few dozen bytes; anything this large is the wrong file.
    private const long MaxSecretFileBytes = 64 * 1024;

    public void PostConfigure(string? name, TeamsOptions options)
    {
        options.SecretFileErrors.Clear();
        var file = options.AppPasswordFile;
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        if (!string.IsNullOrEmpty(options.AppPassword))
        {
            options.SecretFileErrors.Add(
                "Teams:AppPassword and Teams:AppPasswordFile are both set; set only one of them.");
            return;
        }

        options.AppPassword = Read(file, options.SecretFileErrors);
    }

    private static string? Read(string file, List<string> errors)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                errors.Add($"Teams:AppPasswordFile names a file that does not exist: {file}");
                return null;
            }

            if (info.Length > MaxSecretFileBytes)
            {
                errors.Add($"Teams:AppPasswordFile is too large to be a secret ({info.Length} bytes): {file}");
                return null;
            }

            // Mounted secrets and `echo` often end with a newline that is not part of the secret.
            var secret = File.ReadAllText(file).Trim();
            if (secret.Length == 0)
            {
                errors.Add($"Teams:AppPasswordFile names an empty file: {file}");
                return null;
            }

            return secret;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add($"Teams:AppPasswordFile cannot be read ({ex.GetType().Name}): {file}");
            return null;
        }
    }
}
