namespace ChatOpsBot.Core.Chat;

/// <summary>
/// A short id standing for a chat platform's long one (a Teams conversation or activity id),
/// so the Slack-shaped flow can carry it.
/// </summary>
/// <param name="Kind">What the alias names, such as <c>conversation</c> or <c>activity</c>.</param>
/// <param name="Alias">The short id the flow carries.</param>
/// <param name="Key">The platform's own id it stands for; unique within the kind.</param>
/// <param name="Detail">What the front end keeps with it (a display name, a service URL), or null.</param>
public sealed record ChatAlias(string Kind, string Alias, string Key, string? Detail);

/// <summary>Bounds on aliases, checked the same way by every store before it changes anything.</summary>
public static class ChatAliasLimits
{
    /// <summary>The longest kind.</summary>
    public const int MaxKindLength = 32;

    /// <summary>The longest alias (Slack's ids are at most 64 characters).</summary>
    public const int MaxAliasLength = 64;

    /// <summary>The longest key.</summary>
    public const int MaxKeyLength = 2000;

    /// <summary>The longest detail.</summary>
    public const int MaxDetailLength = 4000;

    /// <summary>Throws unless every part is present (the detail may be null) and within bounds.</summary>
    /// <param name="kind">The alias kind.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="key">The key, or null when only the alias is being looked up.</param>
    /// <param name="detail">The detail, or null.</param>
    public static void Check(string kind, string alias, string? key, string? detail)
    {
        Check(kind, MaxKindLength, nameof(kind));
        Check(alias, MaxAliasLength, nameof(alias));
        if (key is not null)
        {
            Check(key, MaxKeyLength, nameof(key));
        }

        if (detail is not null && detail.Length > MaxDetailLength)
        {
            throw new ArgumentException($"At most {MaxDetailLength} characters.", nameof(detail));
        }
    }

    /// <summary>True when a look-up of <paramref name="alias"/> can name anything at all.</summary>
    /// <param name="kind">The alias kind.</param>
    /// <param name="alias">The alias looked up.</param>
    /// <returns>Whether both are non-blank and within bounds.</returns>
    public static bool CanExist(string? kind, string? alias) =>
        !string.IsNullOrWhiteSpace(kind) && kind.Length <= MaxKindLength
        && !string.IsNullOrWhiteSpace(alias) && alias.Length <= MaxAliasLength;

    private static void Check(string value, int max, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > max)
        {
            throw new ArgumentException($"At most {max} characters.", name);
        }
    }
}
