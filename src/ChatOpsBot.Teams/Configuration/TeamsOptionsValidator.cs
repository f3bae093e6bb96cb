using Microsoft.Extensions.Options;

namespace ChatOpsBot.Teams.Configuration;

/// <summary>
/// Checks <see cref="TeamsOptions"/> at start-up. Each problem is one line naming the setting;
/// a secret's value is never shown.
/// </summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.SecretFileErrors);

        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            errors.Add("Teams:AppId is required (the Microsoft App ID of the bot registration).");
        }
        else if (!Guid.TryParse(options.AppId, out _))
        {
            errors.Add("Teams:AppId must be a GUID (the Microsoft App ID of the bot registration).");
        }

        if (options.TenantId is { Length: > 0 } tenant && !Guid.TryParse(tenant, out _))
        {
            errors.Add("Teams:TenantId must be the tenant's GUID, not its domain name.");
        }

        if (string.IsNullOrEmpty(options.AppPassword) && options.SecretFileErrors.Count == 0)
        {
            errors.Add("Teams:AppPassword or Teams:AppPasswordFile is required (the bot registration's "
                       + "client secret): without it no reply can be sent.");
        }
        else if (options.AppPassword is { } password && password.Any(char.IsWhiteSpace))
        {
            errors.Add("Teams:AppPassword contains white space; check how it was pasted.");
        }

        if (!IsAcceptableMetadataUrl(options.OpenIdMetadataUrl))
        {
            errors.Add("Teams:OpenIdMetadataUrl must be an absolute https URL "
                       + "(plain http is allowed only for a loopback address).");
        }

        if (!IsAcceptableMetadataUrl(options.EffectiveTokenEndpoint))
        {
            errors.Add("Teams:TokenEndpoint must be an absolute https URL "
                       + "(plain http is allowed only for a loopback address).");
        }

        if (options.OutboundRetryBaseDelay <= TimeSpan.Zero
            || options.OutboundRetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add("Teams:OutboundRetryBaseDelay must be more than zero and at most one minute.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            errors.Add("Teams:MaxRequestBodyBytes must be between 1024 and 16777216.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>True for https URLs, and for http only on a loopback host (local tests).</summary>
    internal static bool IsAcceptableMetadataUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
