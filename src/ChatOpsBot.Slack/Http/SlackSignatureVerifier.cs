using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOpsBot.Slack.Http;

/// <summary>
/// Checks Slack's request signature: <c>v0=</c> plus the hex HMAC-SHA256, keyed with the
/// signing secret, of <c>v0:{timestamp}:{raw body}</c>. The comparison is constant-time and
/// a timestamp more than five minutes from now, in either direction, is refused as a replay.
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>How far the request timestamp may be from the local clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The request header holding the signature.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>The request header holding the Unix-seconds timestamp.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    private const string VersionPrefix = "v0=";
    private const int DigestBytes = 32;

    // Unix seconds fit in 11 digits for millennia; longer values are garbage, not time.
    private const int MaxTimestampDigits = 12;

    private readonly TimeProvider _time;

    /// <summary>Creates a verifier that reads the current time from <paramref name="time"/>.</summary>
    public SlackSignatureVerifier(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Checks one request: its raw body bytes and its two signature headers.</summary>
    public SlackSignatureResult Verify(
        string? signingSecret, ReadOnlySpan<byte> body, string? timestamp, string? signature)
    {
        if (string.IsNullOrEmpty(signingSecret))
        {
            return SlackSignatureResult.NoSigningSecret;
        }

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackSignatureResult.MissingHeaders;
        }

        if (timestamp.Length > MaxTimestampDigits
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackSignatureResult.MalformedTimestamp;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)MaxClockSkew.TotalSeconds)
        {
            return SlackSignatureResult.StaleTimestamp;
        }

        if (!signature.StartsWith(VersionPrefix, StringComparison.Ordinal))
        {
            return SlackSignatureResult.UnknownVersion;
        }

        Span<byte> presented = stackalloc byte[DigestBytes];
        var hex = signature.AsSpan(VersionPrefix.Length);
        if (hex.Length != DigestBytes * 2
            || Convert.FromHexString(hex, presented, out _, out var written) != OperationStatus.Done
            || written != DigestBytes)
        {
            return SlackSignatureResult.MalformedSignature;
        }

        Span<byte> expected = stackalloc byte[DigestBytes];
        ComputeDigest(signingSecret, timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented)
            ? SlackSignatureResult.Valid
            : SlackSignatureResult.Mismatch;
    }

    /// <summary>
    /// Computes the <c>v0=…</c> signature Slack would send. Used to sign test requests and by
    /// tools that replay Slack payloads locally.
    /// </summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        ArgumentNullException.ThrowIfNull(timestamp);
        Span<byte> digest = stackalloc byte[DigestBytes];
        ComputeDigest(signingSecret, timestamp, body, digest);
        return VersionPrefix + Convert.ToHexStringLower(digest);
    }

    private static void ComputeDigest(
        string signingSecret, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        // The secret is used as its UTF-8 text, not hex-decoded, as Slack's SDKs do.
        var key = Encoding.UTF8.GetBytes(signingSecret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.ASCII.GetBytes("v0:" + timestamp + ":"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
