using System.Buffers.Text;
using System.Security.Cryptography;

namespace ChatOpsBot.Core.Requests;

/// <summary>Opaque, unguessable diagnosis ids: 128 random bits, base64url (22 characters).</summary>
public static class DiagnosisIds
{
    /// <summary>The length of every id.</summary>
    public const int Length = 22;

    /// <summary>A new id.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>True when <paramref name="value"/> has the shape of an id (no lookup).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
