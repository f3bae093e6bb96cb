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

    /// <summary>Problems met while reading the <c>*File</c> settings, reported by the validator.</summary>
    internal List<string> SecretFileErrors { get; } = [];
}
