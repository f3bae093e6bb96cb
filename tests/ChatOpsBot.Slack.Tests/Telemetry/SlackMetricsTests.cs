using ChatOpsBot.Core.Telemetry;
using ChatOpsBot.Slack.Tests.Support;
using ChatOpsBot.Tests.Telemetry;

namespace ChatOpsBot.Slack.Tests.Telemetry;

/// <summary>
/// What the Slack front end records in the product's meter and activity source: one count and
/// one duration per diagnosis (tagged with the cause and how it was asked), the endpoints'
/// acknowledgement latency, and a span per diagnosis.
/// </summary>
[Collection(MetricsGroup.Name)]
public sealed class SlackMetricsTests : IAsyncLifetime
{
    private const string Diagnoses = "k8s_access_bot.diagnoses";
    private const string Duration = "k8s_access_bot.diagnosis.duration";
    private const string Ack = "k8s_access_bot.chat.ack.duration";

    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pasted_error_counts_one_diagnosis_by_cause_and_origin_with_its_duration_and_span()
    {
        using var metrics = new MetricCapture(Diagnoses, Duration, Ack);
        using var spans = new SpanCapture();

        using var response = await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message(
                "EvMETRIC01", SlackPayloads.PastedError, "C0METRIC1", "1700000002.000100")));
        response.EnsureSuccessStatusCode();
        await _host.Slack.WaitForCallsAsync(1);

        var counted = Assert.Single(metrics.Of(Diagnoses));
        Assert.Equal(1, counted.Value);
        Assert.Equal("MissingBinding", counted.Tags[BotTelemetry.CauseTag]);
        Assert.Equal("message", counted.Tags[BotTelemetry.OriginTag]);
        var timed = Assert.Single(metrics.Of(Duration, ("cause", "MissingBinding"), ("origin", "message")));
        Assert.InRange(timed.Value, 0, 30);
        var ack = await metrics.WaitForAsync(Ack, ("endpoint", "events"));
        Assert.Single(metrics.Of(Ack, ("endpoint", "events")));
        Assert.InRange(ack.Value, 0, 30);

        var span = Assert.Single(spans.Named("diagnosis"));
        Assert.Equal("MissingBinding", span.GetTagItem("cause"));
        Assert.Equal("message", span.GetTagItem("origin"));
        Assert.NotNull(span.GetTagItem("diagnosis.id"));
    }

    [Fact]
    public async Task Slash_command_is_counted_with_its_own_origin()
    {
        using var metrics = new MetricCapture(Diagnoses, Ack);

        using var response = await _host.SendAsync(
            SlackRequests.Command(SlackRequests.CommandFields("hello")));
        response.EnsureSuccessStatusCode();
        await _host.Slack.WaitForCallsAsync(1);

        var counted = Assert.Single(metrics.Of(Diagnoses));
        Assert.Equal("slash-command", counted.Tags[BotTelemetry.OriginTag]);
        await metrics.WaitForAsync(Ack, ("endpoint", "commands"));
        Assert.Single(metrics.Of(Ack, ("endpoint", "commands")));
    }

    [Fact]
    public async Task Text_without_an_access_error_counts_no_diagnosis()
    {
        using var metrics = new MetricCapture(Diagnoses);
        // Passes the prefilter, but the engine finds nothing to explain in it.
        var chatter = SlackPayloads.PastedError + " (seen yesterday, solved)";
        _host.Engine.Answer = request =>
            request.Text == chatter ? null : Reports.ForRequest(request);

        using var response = await _host.SendAsync(SlackRequests.Event(
            SlackPayloads.Message("EvMETRIC02", chatter, "C0METRIC2", "1700000003.000100")));
        response.EnsureSuccessStatusCode();
        await _host.DrainAsync();

        // Only the drain's own diagnosis was counted.
        Assert.Single(metrics.Of(Diagnoses));
        Assert.Contains(_host.Engine.Requests, request => request.Text == chatter);
    }
}
