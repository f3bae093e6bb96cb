using System.Security.Claims;

namespace ChatOpsBot.Teams.Auth;

/// <summary>
/// The outcome of checking an inbound token. A valid result carries what the activity check
/// still needs: the token's <c>serviceurl</c> claim and the signing key's endorsements.
/// </summary>
public sealed record BotFrameworkTokenResult
{
    /// <summary>Why the token was refused; <see cref="TokenRefusal.None"/> when valid.</summary>
    public TokenRefusal Refusal { get; init; }

    /// <summary>True when the token passed every check made so far.</summary>
    public bool IsValid => Refusal == TokenRefusal.None;

    /// <summary>The validated claims (null when refused).</summary>
    public ClaimsIdentity? Identity { get; init; }

    /// <summary>The token's <c>serviceurl</c> claim, if any.</summary>
    public string? ServiceUrlClaim { get; init; }

    /// <summary>The channels the signing key endorses; null when the key lists none.</summary>
    public IReadOnlyList<string>? Endorsements { get; init; }

    /// <summary>A refused result with the given reason.</summary>
    public static BotFrameworkTokenResult Refused(TokenRefusal refusal) => new() { Refusal = refusal };

    /// <summary>The only channel the bot serves.</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>
    /// Binds a valid token to the activity it came with: the <c>serviceurl</c> claim must equal
    /// the activity's <c>serviceUrl</c> exactly, and a key that lists endorsements must list the
    /// activity's <c>channelId</c>. Returns this result when it already failed.
    /// </summary>
    public BotFrameworkTokenResult CheckActivity(string? serviceUrl, string? channelId)
    {
        if (!IsValid)
        {
            return this;
        }

        // Only a service URL vouched for by the token may later receive our outbound token.
        if (string.IsNullOrEmpty(serviceUrl)
            || !string.Equals(ServiceUrlClaim, serviceUrl, StringComparison.Ordinal))
        {
            return Refused(TokenRefusal.ServiceUrlMismatch);
        }

        // Only Teams: the same keys sign Web Chat and Direct Line activities, whose clients write
        // much of the activity themselves (who is speaking included). A key must say it signs Teams.
        if (!string.Equals(channelId, TeamsChannelId, StringComparison.Ordinal)
            || Endorsements is not { } endorsed
            || !endorsed.Contains(TeamsChannelId, StringComparer.Ordinal))
        {
            return Refused(TokenRefusal.ChannelNotEndorsed);
        }

        return this;
    }
}
