using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer created, so a test can wait until
/// the code under test has scheduled its wait before moving the clock.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Done)> _waiters = [];

    public TimerWatchingTimeProvider()
        : base(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(
        TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        return timer;
    }

    /// <summary>Completes once a timer due after exactly <paramref name="dueTime"/> exists.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_dueTimes.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, done));
            return done.Task.WaitAsync(timeout);
        }
    }
}
