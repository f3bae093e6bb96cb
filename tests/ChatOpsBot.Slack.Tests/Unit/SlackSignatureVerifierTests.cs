using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Slack.Http;
using ChatOpsBot.Slack.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class SlackSignatureVerifierTests
{
    private const string Hex = "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Hex63 = "2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly JsonDocument Vectors = Fixture.Json("signing/signature-vectors.json");

    private static byte[] Body(JsonElement vector) =>
        Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString() ?? "");

    private static SlackSignatureVerifier At(long unixSeconds) =>
        new(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Slacks_published_example_verifies()
    {
        var v = Vectors.RootElement.GetProperty("official")[0];
        var verifier = At(v.GetProperty("nowForValidation").GetInt64());

        var result = verifier.Verify(
            v.GetProperty("signingSecret").GetString(), Body(v),
            v.GetProperty("timestamp").GetString(), v.GetProperty("expectedSignature").GetString());

        Assert.Equal(SlackSignatureResult.Valid, result);
        Assert.Equal(v.GetProperty("expectedSignature").GetString(), SlackSignatureVerifier.Sign(
            v.GetProperty("signingSecret").GetString()!, v.GetProperty("timestamp").GetString()!,
            Encoding.UTF8.GetBytes(v.GetProperty("body").GetString()!)));
    }

    [Fact]
    public void The_locally_derived_vectors_verify()
    {
        var vectors = Vectors.RootElement.GetProperty("derivedComputedLocally").GetProperty("vectors");
        foreach (var v in vectors.EnumerateArray())
        {
            var timestamp = v.GetProperty("timestamp").GetString()!;
            var result = At(long.Parse(timestamp, CultureInfo.InvariantCulture)).Verify(
                v.GetProperty("signingSecret").GetString(), Body(v), timestamp,
                v.GetProperty("expectedSignature").GetString());
            Assert.Equal(SlackSignatureResult.Valid, result);
        }
    }

    [Fact]
    public void The_sdk_negative_cases_are_refused_for_the_right_reason()
    {
        var expected = new Dictionary<string, SlackSignatureResult>
        {
            ["body-tampered"] = SlackSignatureResult.Mismatch,
            ["stale-timestamp"] = SlackSignatureResult.StaleTimestamp,
            ["missing-body-or-headers"] = SlackSignatureResult.MissingHeaders,
            ["invalid-signature-string"] = SlackSignatureResult.MalformedSignature,
        };
        foreach (var v in Vectors.RootElement.GetProperty("negativeFromSdkTests").EnumerateArray())
        {
            var id = v.GetProperty("id").GetString()!;
            var now = v.TryGetProperty("nowForValidation", out var n) && n.ValueKind == JsonValueKind.Number
                ? n.GetInt64()
                : DateTimeOffset.UtcNow.ToUnixTimeSeconds();

            var result = At(now).Verify(v.GetProperty("signingSecret").GetString(), Body(v),
                v.GetProperty("timestamp").GetString(), v.GetProperty("presentedSignature").GetString());

            Assert.True(expected[id] == result, $"{id}: {result}");
        }
    }

    [Theory]
    [InlineData(0, SlackSignatureResult.Valid)]
    [InlineData(300, SlackSignatureResult.Valid)]
    [InlineData(-300, SlackSignatureResult.Valid)]
    [InlineData(301, SlackSignatureResult.StaleTimestamp)]
    [InlineData(-301, SlackSignatureResult.StaleTimestamp)]
    public void The_replay_window_is_five_minutes_either_way(int clockOffset, SlackSignatureResult expected)
    {
        const long Ts = 1_700_000_000;
        var body = "{\"type\":\"event_callback\"}"u8.ToArray();
        var signature = SlackSignatureVerifier.Sign("s3cret", "1700000000", body);

        Assert.Equal(expected, At(Ts + clockOffset).Verify("s3cret", body, "1700000000", signature));
    }

    [Theory]
    [InlineData("", "v0=00", SlackSignatureResult.MissingHeaders)]
    [InlineData("1700000000", "", SlackSignatureResult.MissingHeaders)]
    [InlineData("17e8", "v0=00", SlackSignatureResult.MalformedTimestamp)]
    [InlineData("-1700000000", "v0=00", SlackSignatureResult.MalformedTimestamp)]
    [InlineData(" 1700000000", "v0=00", SlackSignatureResult.MalformedTimestamp)]
    [InlineData("99999999999999999999", "v0=00", SlackSignatureResult.MalformedTimestamp)]
    [InlineData("1700000000", "v1=abcdef", SlackSignatureResult.UnknownVersion)]
    [InlineData("1700000000", Hex, SlackSignatureResult.UnknownVersion)]
    [InlineData("1700000000", "v0=a2114d57", SlackSignatureResult.MalformedSignature)]
    [InlineData("1700000000", "v0=g" + Hex63, SlackSignatureResult.MalformedSignature)]
    [InlineData("1700000000", "v0=" + Hex + "00", SlackSignatureResult.MalformedSignature)]
    [InlineData("1700000000", "v0=" + Hex, SlackSignatureResult.Mismatch)]
    public void Garbled_headers_are_refused(string timestamp, string signature, SlackSignatureResult expected)
    {
        Assert.Equal(expected, At(1_700_000_000).Verify("secret", "body"u8, timestamp, signature));
    }

    [Fact]
    public void Without_a_secret_nothing_verifies()
    {
        var signature = SlackSignatureVerifier.Sign("x", "1700000000", "b"u8);

        var verifier = At(1_700_000_000);

        var none = verifier.Verify(null, "b"u8, "1700000000", signature);
        var empty = verifier.Verify("", "b"u8, "1700000000", signature);

        Assert.Equal(SlackSignatureResult.NoSigningSecret, none);
        Assert.Equal(SlackSignatureResult.NoSigningSecret, empty);
    }

    [Fact]
    public void Every_byte_of_the_body_and_the_timestamp_is_covered()
    {
        var body = Encoding.UTF8.GetBytes("token=x&text=h%C3%A9llo+world");
        var signature = SlackSignatureVerifier.Sign("secret", "1700000000", body);
        var verifier = At(1_700_000_000);

        Assert.Equal(SlackSignatureResult.Valid, verifier.Verify("secret", body, "1700000000", signature));
        for (var i = 0; i < body.Length; i++)
        {
            var changed = body.ToArray();
            changed[i] ^= 0x01;
            var result = verifier.Verify("secret", changed, "1700000000", signature);
            Assert.Equal(SlackSignatureResult.Mismatch, result);
        }

        Assert.Equal(SlackSignatureResult.Mismatch, verifier.Verify("secret", body, "1700000001", signature));
        Assert.Equal(SlackSignatureResult.Mismatch, verifier.Verify("Secret", body, "1700000000", signature));
    }

    [Fact]
    public void Upper_case_hex_is_the_same_digest()
    {
        var signature = SlackSignatureVerifier.Sign("secret", "1700000000", "b"u8);

        var upper = "v0=" + signature[3..].ToUpperInvariant();

        var result = At(1_700_000_000).Verify("secret", "b"u8, "1700000000", upper);

        Assert.Equal(SlackSignatureResult.Valid, result);
    }
}
