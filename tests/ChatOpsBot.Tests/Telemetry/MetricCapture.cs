using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatOpsBot.Core.Telemetry;

namespace ChatOpsBot.Tests.Telemetry;

/// <summary>
/// Listens to the product's meter and keeps every measurement of the named instruments, with
/// its tags. The meter is process-wide, so tests using it run in <see cref="MetricsGroup"/>,
/// alone. (Shared with the Slack, GitOps and Storage tests as a linked file.)
/// </summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Recorded> _recorded = new();

    public MetricCapture(params string[] instruments)
    {
        var names = instruments.ToHashSet(StringComparer.Ordinal);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BotTelemetry.Name && names.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            Keep(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of <paramref name="instrument"/> so far.</summary>
    public IReadOnlyList<Recorded> Of(string instrument) =>
        _recorded.Where(item => item.Instrument == instrument).ToList();

    /// <summary>
    /// The measurements of <paramref name="instrument"/> whose tags include all given ones.
    /// </summary>
    public IReadOnlyList<Recorded> Of(string instrument, params (string Key, string Value)[] tags) =>
        Of(instrument)
            .Where(item => tags.All(tag =>
                item.Tags.TryGetValue(tag.Key, out var value) && value == tag.Value))
            .ToList();

    /// <summary>
    /// Waits (bounded) for a measurement of <paramref name="instrument"/> with the given tags:
    /// some are recorded just after the answer that the test waited for went out.
    /// </summary>
    public async Task<Recorded> WaitForAsync(string instrument, params (string Key, string Value)[] tags)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (Of(instrument, tags) is [var first, ..])
            {
                return first;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {instrument} measurement in time");
            await Task.Delay(20);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        _recorded.Enqueue(new Recorded(instrument.Name, value, copy));
    }

    /// <summary>One measurement.</summary>
    internal sealed record Recorded(
        string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
}

/// <summary>Tests that listen to the process-wide meter: they run one at a time, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsGroup
{
    public const string Name = "Product metrics";
}
