using System.Net;
using System.Text;
using ChatOpsBot.Slack.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Tests.Integration;

/// <summary>Refused requests: wrong signature, replays, broken bodies. None may cause a reply.</summary>
public sealed class RequestSecurityTests : IAsyncLifetime
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private const string Marker = "SECRET-BODY-MARKER-7f3a";
    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Paths =>
        new() { "/slack/events", "/slack/commands", "/slack/interactions" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_wrong_signature_is_refused_with_401_and_logged_without_the_body(string path)
    {
        var body = SlackPayloads.Message("Ev9001", Marker + " " + SlackPayloads.PastedError);

        using var response = await _host.SendAsync(
            SlackRequests.Signed(path, body, "application/json", secret: "not-the-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await AssertNothingHappenedAsync();
        Assert.Contains(_host.Logs.Entries,
            e => e.Level == LogLevel.Warning && e.Text.Contains("Mismatch", Ord));
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Text.Contains(Marker, Ord));
    }

    [Theory]
    // The exact 300 s boundary is tested with a fake clock; over real HTTP the clock ticks.
    [InlineData(-320)]
    [InlineData(320)]
    [InlineData(-3600)]
    public async Task A_timestamp_more_than_five_minutes_away_is_refused(int offsetSeconds)
    {
        var body = SlackPayloads.Message("Ev9002", SlackPayloads.PastedError);

        using var response = await _host.SendAsync(SlackRequests.Signed(
            "/slack/events", body, "application/json", DateTimeOffset.UtcNow.AddSeconds(offsetSeconds)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task Slacks_own_documented_request_is_refused_today_as_a_replay()
    {
        // The docs vector is correctly signed, but from 2018.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(Fixture.Text("slash-commands/webhook-collect.form-urlencoded.txt"),
                Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", "1531420618");
        request.Headers.Add(
            "X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

        using var response = await _host.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_host.Logs.Entries, e => e.Text.Contains("StaleTimestamp", Ord));
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("now", null)]
    [InlineData("yesterday", "v0=abc")]
    [InlineData("now", "v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("now", "v0=zz")]
    public async Task Missing_or_garbled_headers_are_refused(string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events")
        {
            Content = new StringContent(
                SlackPayloads.Message("Ev9003", SlackPayloads.PastedError), Encoding.UTF8, "application/json"),
        };
        if (timestamp is not null)
        {
            request.Headers.Add("X-Slack-Request-Timestamp",
                timestamp == "now" ? SlackRequests.Timestamp(DateTimeOffset.UtcNow) : timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add("X-Slack-Signature", signature);
        }

        using var response = await _host.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task A_truncated_but_signed_event_body_is_a_400()
    {
        var body = SlackPayloads.Message("Ev9004", SlackPayloads.PastedError);

        using var response = await _host.SendAsync(
            SlackRequests.Signed("/slack/events", body[..(body.Length / 2)], "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"no_type\":true}")]
    public async Task A_signed_event_body_that_is_not_a_slack_object_is_a_400(string body)
    {
        using var response = await _host.SendAsync(
            SlackRequests.Signed("/slack/events", body, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task A_truncated_slash_command_form_is_a_400()
    {
        var form = SlackRequests.Form(SlackRequests.CommandFields("hello"));

        using var response = await _host.SendAsync(SlackRequests.Signed(
            "/slack/commands", form[..form.IndexOf("&user_id", Ord)],
            "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22")]
    [InlineData("payload=not%20json")]
    [InlineData("nopayload=1")]
    [InlineData("payload=%5B%5D")]
    public async Task A_non_json_or_missing_payload_is_a_400(string body)
    {
        using var response = await _host.SendAsync(
            SlackRequests.Signed("/slack/interactions", body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task Invalid_utf8_in_a_signed_form_is_a_400()
    {
        var bytes = new byte[] { (byte)'t', (byte)'e', (byte)'x', (byte)'t', (byte)'=', 0xC3, 0x28 };
        var timestamp = SlackRequests.Timestamp(DateTimeOffset.UtcNow);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        var signature = Http.SlackSignatureVerifier.Sign(SlackRequests.SigningSecret, timestamp, bytes);
        request.Headers.Add("X-Slack-Signature", signature);

        using var response = await _host.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_with_413_before_anything_else()
    {
        var huge = SlackPayloads.Message("Ev9005", new string('x', 1024 * 1024 + 10));

        using var response = await _host.SendAsync(
            SlackRequests.Signed("/slack/events", huge, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_refused_with_413_too()
    {
        var huge = Encoding.UTF8.GetBytes(new string('x', 1024 * 1024 + 10));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events")
        {
            Content = new StreamContent(new MemoryStream(huge)),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Only_post_is_mapped()
    {
        using var response = await _host.Client.GetAsync(new Uri("/slack/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task AssertNothingHappenedAsync()
    {
        await _host.DrainAsync();
        Assert.Empty(_host.Replies);
        Assert.Equal(0, _host.EngineCallsBesidesSentinels);
    }
}
