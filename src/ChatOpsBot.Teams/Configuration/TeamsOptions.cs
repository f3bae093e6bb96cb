namespace ChatOpsBot.Teams.Configuration;

/// <summary>Settings of the Teams front end (configuration section <c>Teams</c>).</summary>
public sealed class TeamsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Teams";

    /// <summary>The Bot Framework's published OpenID metadata (signing keys of the Bot Connector).</summary>
    public const string DefaultOpenIdMetadataUrl =
        "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Microsoft App ID of the bot: the audience every inbound token must carry.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of the app registration (used for outbound calls).</summary>
    public string? AppPassword { get; set; }

    /// <summary>A file holding <see cref="AppPassword"/> (a mounted secret); set one or the other.</summary>
    public string? AppPasswordFile { get; set; }

    /// <summary>
    /// The Entra tenant id of a single-tenant bot. When set, tokens issued by that tenant are
    /// accepted besides those of the Bot Framework.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>Where the signing keys come from; tests point this at a local server.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>The largest activity accepted on <c>POST /api/messages</c>, in bytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The OAuth token endpoint for outbound calls. Empty means the Entra endpoint of
    /// <see cref="TenantId"/> (or of <c>botframework.com</c> for legacy multi-tenant bots).
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>The scope requested for outbound calls to the Bot Connector.</summary>
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The first retry delay of outbound calls (doubled with jitter; Retry-After wins).</summary>
    public TimeSpan OutboundRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The token endpoint actually used, after applying the default.</summary>
    public string EffectiveTokenEndpoint =>
        !string.IsNullOrWhiteSpace(TokenEndpoint)
            ? TokenEndpoint
            : "https://login.microsoftonline.com/"
              + (string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)
              + "/oauth2/v2.0/token";

    /// <summary>Problems met while reading the <c>*File</c> settings, reported by the validator.</summary>
    internal List<string> SecretFileErrors { get; } = [];
}
