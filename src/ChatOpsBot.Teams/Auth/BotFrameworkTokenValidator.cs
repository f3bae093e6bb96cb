using System.Collections;
using System.Text.Json;
using ChatOpsBot.Teams.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatOpsBot.Teams.Auth;

/// <summary>
/// Validates the <c>Authorization: Bearer</c> JWT that the Bot Connector sends with every
/// activity: signature against the keys of the OpenID metadata, issuer, audience (the app id),
/// lifetime with five minutes of skew, then the binding to the activity's <c>serviceUrl</c> and
/// channel. There is deliberately no switch that turns any of this off.
/// </summary>
public sealed partial class BotFrameworkTokenValidator
{
    /// <summary>The issuer of tokens minted by the Bot Connector service.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The claim holding the service URL the token was minted for.</summary>
    public const string ServiceUrlClaimType = "serviceurl";

    private const string EndorsementsProperty = "endorsements";

    // A Bot Connector token is around 1–2 KB; far larger input is not worth parsing.
    private const int MaxTokenLength = 16 * 1024;

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly IConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly ILogger<BotFrameworkTokenValidator> _logger;
    private readonly string _appId;
    private readonly string[] _issuers;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Creates a validator for the configured app id and tenant.</summary>
    public BotFrameworkTokenValidator(
        IOptions<TeamsOptions> options,
        IConfigurationManager<OpenIdConnectConfiguration> metadata,
        ILogger<BotFrameworkTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _appId = settings.AppId ?? throw new ArgumentException("Teams:AppId is not set.", nameof(options));
        _issuers = AcceptedIssuers(settings.TenantId);
    }

    /// <summary>The issuers accepted for the given (optional) single-tenant id.</summary>
    public static string[] AcceptedIssuers(string? tenantId) =>
        string.IsNullOrWhiteSpace(tenantId)
            ? [BotFrameworkIssuer]
            :
            [
                BotFrameworkIssuer,
                $"https://sts.windows.net/{tenantId}/",
                $"https://login.microsoftonline.com/{tenantId}/v2.0",
            ];

    /// <summary>
    /// Checks the header's token and binds it to the activity's <paramref name="serviceUrl"/>
    /// and <paramref name="channelId"/>.
    /// </summary>
    public async Task<BotFrameworkTokenResult> ValidateAsync(
        string? authorizationHeader, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        var token = await ValidateTokenAsync(authorizationHeader, cancellationToken).ConfigureAwait(false);
        return token.CheckActivity(serviceUrl, channelId);
    }

    /// <summary>
    /// Checks the header's token alone (scheme, form, signature, issuer, audience, lifetime),
    /// so that a request can be refused before its body is parsed. Call
    /// <see cref="BotFrameworkTokenResult.CheckActivity"/> on the result afterwards.
    /// </summary>
    public async Task<BotFrameworkTokenResult> ValidateTokenAsync(
        string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return BotFrameworkTokenResult.Refused(TokenRefusal.MissingHeader);
        }

        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return BotFrameworkTokenResult.Refused(TokenRefusal.NotBearer);
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        if (token.Length == 0 || token.Length > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return BotFrameworkTokenResult.Refused(TokenRefusal.Malformed);
        }

        var result = await ValidateAgainstMetadataAsync(token, cancellationToken).ConfigureAwait(false);
        if (result.Refusal == TokenRefusal.BadSignature)
        {
            // The keys may have rotated since they were cached: ask for fresh ones and retry once.
            _metadata.RequestRefresh();
            result = await ValidateAgainstMetadataAsync(token, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<BotFrameworkTokenResult> ValidateAgainstMetadataAsync(
        string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            LogMetadataUnavailable(_logger, ex.GetType().Name);
            return BotFrameworkTokenResult.Refused(TokenRefusal.MetadataUnavailable);
        }

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = _issuers,
            ValidateAudience = true,
            ValidAudience = _appId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AllowedAlgorithms,
        };

        var outcome = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!outcome.IsValid)
        {
            return BotFrameworkTokenResult.Refused(Classify(outcome.Exception));
        }

        var jwt = (JsonWebToken)outcome.SecurityToken;
        jwt.TryGetPayloadValue<string>(ServiceUrlClaimType, out var serviceUrl);
        return new BotFrameworkTokenResult
        {
            Identity = outcome.ClaimsIdentity,
            ServiceUrlClaim = serviceUrl,
            Endorsements = FindEndorsements(configuration, jwt.SigningKey?.KeyId ?? jwt.Kid),
        };
    }

    private static TokenRefusal Classify(Exception? error) => error switch
    {
        SecurityTokenExpiredException or SecurityTokenNoExpirationException => TokenRefusal.Expired,
        SecurityTokenNotYetValidException => TokenRefusal.NotYetValid,
        SecurityTokenInvalidAudienceException => TokenRefusal.WrongAudience,
        SecurityTokenInvalidIssuerException => TokenRefusal.WrongIssuer,
        SecurityTokenInvalidAlgorithmException => TokenRefusal.AlgorithmNotAllowed,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            => TokenRefusal.BadSignature,
        SecurityTokenMalformedException or ArgumentException => TokenRefusal.Malformed,
        _ => TokenRefusal.Invalid,
    };

    /// <summary>
    /// The <c>endorsements</c> of the JWK with <paramref name="keyId"/>: a Bot Framework
    /// extension that the OpenID model keeps only as additional data.
    /// </summary>
    private static List<string>? FindEndorsements(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(
            k => keyId is not null && string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue(EndorsementsProperty, out var raw) || raw is null)
        {
            return null;
        }

        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array
                => array.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetString()!)
                    .ToList(),
            string single => [single],
            IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? "").ToList(),
            _ => [],
        };
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bot Framework OpenID metadata could not be fetched ({ErrorType}); refusing tokens")]
    private static partial void LogMetadataUnavailable(ILogger logger, string errorType);
}
