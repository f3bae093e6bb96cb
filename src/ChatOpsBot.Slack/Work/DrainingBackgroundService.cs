using Microsoft.Extensions.Hosting;

namespace ChatOpsBot.Slack.Work;

/// <summary>
/// A background service that stops gracefully: when the host stops it first takes no new work
/// (<see cref="StopRequested"/> is cancelled and <see cref="OnStopRequested"/> runs), then waits
/// for the work already taken to finish. Only when the host's shutdown timeout
/// (<c>Server:ShutdownTimeout</c>) runs out is the <c>stoppingToken</c> given to
/// <see cref="BackgroundService.ExecuteAsync"/> cancelled, which cancels what is still running.
/// </summary>
public abstract class DrainingBackgroundService : BackgroundService
{
    private readonly CancellationTokenSource _stopRequested = new();

    /// <summary>Cancelled as soon as the host begins to stop: start nothing new after it.</summary>
    protected CancellationToken StopRequested => _stopRequested.Token;

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopRequested.IsCancellationRequested)
        {
            await _stopRequested.CancelAsync().ConfigureAwait(false);
            OnStopRequested();
        }

        if (ExecuteTask is { IsCompleted: false } running)
        {
            // Failures are the base class's to report; out of time, what is left is cancelled below.
            await running.WaitAsync(cancellationToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!running.IsCompleted)
            {
                OnDrainTimedOut();
            }
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stopRequested.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs once when the stop begins, before the wait for the running work.</summary>
    protected virtual void OnStopRequested()
    {
    }

    /// <summary>Runs when the shutdown timeout passed with work still running (cancelled next).</summary>
    protected virtual void OnDrainTimedOut()
    {
    }
}
