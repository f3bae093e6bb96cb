using System.Collections.Concurrent;
using System.Diagnostics;
using ChatOpsBot.Core.Telemetry;

namespace ChatOpsBot.Tests.Telemetry;

/// <summary>
/// Keeps the product's finished spans. The activity source is process-wide, so tests using it
/// run in <see cref="MetricsGroup"/>. (Shared with the Slack tests as a linked file.)
/// </summary>
internal sealed class SpanCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public SpanCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The finished spans called <paramref name="name"/>, in the order they ended.</summary>
    public List<Activity> Named(string name) =>
        _spans.Where(span => span.OperationName == name).ToList();

    /// <summary>
    /// Waits (bounded) until a span called <paramref name="name"/> matching
    /// <paramref name="match"/> has ended: a span may end just after the reply it sent arrived.
    /// </summary>
    public async Task<Activity> WaitForAsync(
        string name, Func<Activity, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = Named(name).FirstOrDefault(span => match?.Invoke(span) ?? true);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no span {name} ended in time");
            await Task.Delay(20);
        }
    }

    public void Dispose() => _listener.Dispose();
}
