using System.Security.Cryptography;
using System.Text;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>
/// Slack-shaped ids (upper-case letters and digits) for Teams' ids. Users and tenants are
/// encoded reversibly from their Entra GUID; conversations and activities get a stable alias
/// derived from a hash of their id, kept in the alias store for the way back.
/// </summary>
public static class TeamsIds
{
    /// <summary>The alias kind of conversations.</summary>
    public const string ConversationKind = "teams-conversation";

    /// <summary>The alias kind of activities (messages).</summary>
    public const string ActivityKind = "teams-activity";

    /// <summary>The alias kind of users (their display names).</summary>
    public const string UserKind = "teams-user";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The user id of an Entra object id: <c>U</c> and 26 base32 characters.</summary>
    /// <param name="objectId">The user's Entra object id.</param>
    /// <returns>The Slack-shaped user id.</returns>
    public static string UserId(Guid objectId) => "U" + GuidText(objectId);

    /// <summary>The Entra object id behind a user id made by <see cref="UserId"/>, or null.</summary>
    /// <param name="userId">A Slack-shaped user id.</param>
    /// <returns>The object id, or null when the id was not made from one.</returns>
    public static Guid? ObjectIdOf(string? userId)
    {
        if (userId is not { Length: 27 } || userId[0] != 'U' || ReadGuid(userId.AsSpan(1)) is not { } id)
        {
            return null;
        }

        // Only the one canonical spelling counts: the spare bits of the last character are zero.
        return string.Equals(UserId(id), userId, StringComparison.Ordinal) ? id : null;
    }

    /// <summary>The team id standing for an Entra tenant: <c>T</c> and 26 base32 characters.</summary>
    /// <param name="tenantId">The tenant's GUID.</param>
    /// <returns>The Slack-shaped team id.</returns>
    public static string TeamId(Guid tenantId) => "T" + GuidText(tenantId);

    /// <summary>
    /// A stable alias for <paramref name="key"/>: <paramref name="prefix"/> and 24 base32
    /// characters of its SHA-256 (120 bits, so two keys never meet in practice).
    /// </summary>
    /// <param name="prefix">The leading letter (<c>C</c>, <c>G</c>, <c>D</c>, <c>M</c>, …).</param>
    /// <param name="key">The id the alias stands for.</param>
    /// <returns>The alias.</returns>
    public static string Alias(char prefix, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return prefix + Encode(hash.AsSpan(0, 15));
    }

    private static string GuidText(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return Encode(bytes);
    }

    private static Guid? ReadGuid(ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[17];
        var written = Decode(text, bytes);
        return written >= 16 ? new Guid(bytes[..16], bigEndian: true) : null;
    }

    // RFC 4648 base32 without padding: only A-Z and 2-7, which Slack-shaped ids allow.
    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    private static int Decode(ReadOnlySpan<char> text, Span<byte> output)
    {
        int buffer = 0, bits = 0, written = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return -1;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                if (written == output.Length)
                {
                    return -1;
                }

                output[written++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return written;
    }
}
