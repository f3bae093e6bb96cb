using ChatOpsBot.Slack.Work;

namespace ChatOpsBot.Slack.Tests.Unit;

/// <summary>
/// The stop contract shared by the Slack worker, the merge watcher and the verification
/// service: a stop first ends the taking of new work, waits for the work under way, and
/// cancels it only when the host's shutdown timeout runs out.
/// </summary>
public sealed class DrainingBackgroundServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stop_ends_new_rounds_at_once_and_lets_the_round_under_way_finish()
    {
        using var service = new RoundsService();
        await service.StartAsync(CancellationToken.None);
        await service.RoundStarted.Task.WaitAsync(Patience);

        var stopping = service.StopAsync(CancellationToken.None);
        await service.StopSeen.Task.WaitAsync(Patience);

        Assert.False(stopping.IsCompleted, "the stop did not wait for the round under way");
        service.Release.TrySetResult();
        await stopping.WaitAsync(Patience);
        Assert.Equal(1, service.RoundsFinished);
        Assert.Equal(0, service.RoundsCancelled);
        Assert.Equal(1, service.RoundsStarted);
        Assert.False(service.TimedOut);
    }

    [Fact]
    public async Task Work_still_running_when_the_shutdown_timeout_passes_is_cancelled()
    {
        using var service = new RoundsService();
        await service.StartAsync(CancellationToken.None);
        await service.RoundStarted.Task.WaitAsync(Patience);
        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await service.StopAsync(shutdownTimeout.Token).WaitAsync(Patience);
        await service.ExecuteTask!.WaitAsync(Patience);

        Assert.True(service.TimedOut);
        Assert.Equal(1, service.RoundsCancelled);
        Assert.Equal(0, service.RoundsFinished);
    }

    /// <summary>Rounds of work that each wait for <see cref="Release"/>, as a slow cluster would.</summary>
    private sealed class RoundsService : DrainingBackgroundService
    {
        public TaskCompletionSource RoundStarted { get; } = Signal();

        public TaskCompletionSource StopSeen { get; } = Signal();

        public TaskCompletionSource Release { get; } = Signal();

        public int RoundsStarted { get; private set; }

        public int RoundsFinished { get; private set; }

        public int RoundsCancelled { get; private set; }

        public bool TimedOut { get; private set; }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!StopRequested.IsCancellationRequested)
            {
                RoundsStarted++;
                RoundStarted.TrySetResult();
                try
                {
                    await Release.Task.WaitAsync(stoppingToken);
                    RoundsFinished++;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    RoundsCancelled++;
                    return;
                }
            }
        }

        protected override void OnStopRequested() => StopSeen.TrySetResult();

        protected override void OnDrainTimedOut() => TimedOut = true;

        private static TaskCompletionSource Signal() =>
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
