namespace ChatOpsBot.Teams.Auth;

/// <summary>Why an inbound Bot Framework token was refused (or <see cref="None"/>).</summary>
public enum TokenRefusal
{
    /// <summary>The token was accepted.</summary>
    None,

    /// <summary>No Authorization header.</summary>
    MissingHeader,

    /// <summary>The Authorization header does not use the Bearer scheme.</summary>
    NotBearer,

    /// <summary>The token is not a well-formed JWT (or is implausibly large).</summary>
    Malformed,

    /// <summary>The OpenID metadata or its keys could not be fetched.</summary>
    MetadataUnavailable,

    /// <summary>No published key verifies the signature, or the token is unsigned.</summary>
    BadSignature,

    /// <summary>The signing algorithm is not one of RS256, RS384 or RS512.</summary>
    AlgorithmNotAllowed,

    /// <summary>The issuer is not the Bot Framework (or the configured tenant).</summary>
    WrongIssuer,

    /// <summary>The audience is not this bot's app id.</summary>
    WrongAudience,

    /// <summary>The token expired (beyond the allowed clock skew) or has no expiry.</summary>
    Expired,

    /// <summary>The token is not valid yet (beyond the allowed clock skew).</summary>
    NotYetValid,

    /// <summary>The token's <c>serviceurl</c> claim is missing or differs from the activity's.</summary>
    ServiceUrlMismatch,

    /// <summary>The signing key does not endorse the activity's channel.</summary>
    ChannelNotEndorsed,

    /// <summary>Any other validation failure.</summary>
    Invalid,
}
