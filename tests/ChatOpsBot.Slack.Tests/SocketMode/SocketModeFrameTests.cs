using System.Text;
using System.Text.Json;
using ChatOpsBot.Slack.SocketMode;

namespace ChatOpsBot.Slack.Tests.SocketMode;

/// <summary>Reading Socket Mode frames and slash-command payloads.</summary>
public sealed class SocketModeFrameTests
{
    [Fact]
    public void HelloCarriesConnectionInfo()
    {
        var frame = Parse(SocketModeFixtures.Read("hello.json"))!;

        Assert.Equal("hello", frame.Type);
        Assert.Null(frame.EnvelopeId);
        Assert.Equal(2, frame.NumConnections);
        Assert.Equal(18060, frame.ApproximateConnectionSeconds);
    }

    [Fact]
    public void DisconnectCarriesItsReason()
    {
        var frame = Parse(SocketModeFixtures.Read("disconnect-too_many_websockets.json"))!;

        Assert.Equal(("disconnect", "too_many_websockets"), (frame.Type, frame.Reason));
    }

    [Theory]
    [InlineData("envelope-slash_commands.json", "slash_commands", true)]
    [InlineData("envelope-events_api-app_mention.json", "events_api", false)]
    [InlineData("envelope-events_api-message.json", "events_api", false)]
    [InlineData("envelope-interactive-shortcut.json", "interactive", false)]
    [InlineData("envelope-interactive-block_actions-static_select-large.json", "interactive", false)]
    public void EnvelopesCarryIdTypeAndPayload(string fixture, string type, bool acceptsPayload)
    {
        var frame = Parse(SocketModeFixtures.Read(fixture))!;

        Assert.Equal(type, frame.Type);
        Assert.Equal(SocketModeFixtures.EnvelopeId(fixture), frame.EnvelopeId);
        Assert.Equal(acceptsPayload, frame.AcceptsResponsePayload);
        Assert.Equal(JsonValueKind.Object, frame.Payload!.Value.ValueKind);
    }

    [Fact]
    public void PayloadOutlivesTheReceiveBuffer()
    {
        var bytes = Encoding.UTF8.GetBytes(SocketModeFixtures.Read("envelope-events_api-message.json"));
        var frame = SocketModeFrame.TryParse(bytes)!;

        Array.Clear(bytes);

        Assert.Equal("Ev111", frame.Payload!.Value.GetProperty("event_id").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("\"hello\"")]
    [InlineData("[{\"type\":\"hello\"}]")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":5}")]
    [InlineData("{\"envelope_id\":\"x\",\"type\":\"events_api\"")]
    public void NonFramesAreRejected(string text)
    {
        Assert.Null(Parse(text));
    }

    [Fact]
    public void DeeplyNestedJsonIsRejectedNotThrown()
    {
        var text = "{\"type\":\"events_api\",\"payload\":" + new string(
            '[', 10_000) + new string(']', 10_000) + "}";

        Assert.Null(Parse(text));
    }

    [Fact]
    public void SlashCommandPayloadMapsToTheSharedRecord()
    {
        var payload = Parse(SocketModeFixtures.Read("envelope-slash_commands.json"))!.Payload!.Value;

        var command = SocketModeSlashCommand.TryRead(payload)!;

        Assert.Equal("/hello-socket-mode", command.Command);
        Assert.Equal("", command.Text);
        Assert.Equal(
            ("T111", "C111", "U111", "testxyz"),
            (command.TeamId, command.ChannelId, command.UserId, command.UserName));
        Assert.Equal(new Uri("https://hooks.slack.com/commands/T111/111/xxx"), command.ResponseUrl);
        Assert.Equal(("111.222.xxx", "A111"), (command.TriggerId, command.ApiAppId));
    }

    [Theory]
    [InlineData("""{"user_id":"U1"}""")]
    [InlineData("""{"command":"/k8s-access"}""")]
    [InlineData("""{"command":"","user_id":"U1"}""")]
    [InlineData("""{"command":7,"user_id":"U1"}""")]
    public void SlashCommandWithoutCommandOrUserIsRefused(string json)
    {
        Assert.Null(SocketModeSlashCommand.TryRead(JsonSerializer.Deserialize<JsonElement>(json)));
    }

    [Fact]
    public void SlashCommandWithBadResponseUrlKeepsTheRest()
    {
        var payload = JsonSerializer.Deserialize<JsonElement>(
            """{"command":"/k8s-access","user_id":"U1","text":"exec into pod","response_url":"not a url"}""");

        var command = SocketModeSlashCommand.TryRead(payload)!;

        Assert.Null(command.ResponseUrl);
        Assert.Equal("exec into pod", command.Text);
    }

    [Fact]
    public void RecentEnvelopeIdsForgetTheOldest()
    {
        var seen = new RecentEnvelopeIds(2);

        Assert.True(seen.TryAdd("a"));
        Assert.False(seen.TryAdd("a"));
        Assert.True(seen.TryAdd("b"));
        Assert.True(seen.TryAdd("c"));
        Assert.True(seen.TryAdd("a"));
        Assert.False(seen.TryAdd("c"));
    }

    private static SocketModeFrame? Parse(
        string text) => SocketModeFrame.TryParse(Encoding.UTF8.GetBytes(text));
}
