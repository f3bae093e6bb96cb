using ChatOpsBot.Slack.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Slack.Work;

/// <summary>
/// Runs queued Slack work: <see cref="SlackOptions.MaxConcurrentWork"/> items at a time, each
/// in its own DI scope and with <see cref="SlackOptions.WorkTimeout"/>. A failing item is
/// logged and never stops the others. When the server stops, the queue is closed to new work
/// and everything already accepted, queued or running, is finished within the shutdown timeout.
/// </summary>
public sealed partial class SlackBackgroundWorker : DrainingBackgroundService
{
    private readonly SlackWorkBacklog _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<SlackOptions> _options;
    private readonly ILogger<SlackBackgroundWorker> _logger;

    /// <summary>Creates the worker.</summary>
    public SlackBackgroundWorker(
        SlackWorkBacklog queue, IServiceScopeFactory scopes, IOptions<SlackOptions> options,
        ILogger<SlackBackgroundWorker> logger)
    {
        _queue = queue;
        _scopes = scopes;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var readers = Enumerable.Range(0, _options.Value.MaxConcurrentWork)
            .Select(_ => Task.Run(() => ReadLoopAsync(stoppingToken), CancellationToken.None));
        return Task.WhenAll(readers);
    }

    private async Task ReadLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(item, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Out of shutdown time: what is still queued is dropped; Slack users can ask again.
        }
    }

    /// <inheritdoc />
    protected override void OnStopRequested()
    {
        _queue.Close();
        LogDraining(_queue.Count);
    }

    /// <inheritdoc />
    protected override void OnDrainTimedOut() => LogDrainTimedOut(_queue.Count);

    private async Task RunAsync(SlackWorkItem item, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.Value.WorkTimeout);
        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await item.RunAsync(scope.ServiceProvider, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogCancelledByShutdown(item.Name);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogTimedOut(item.Name, _options.Value.WorkTimeout);
        }
#pragma warning disable CA1031 // One failing item must not stop the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex, item.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Stopping: no new Slack work is taken; finishing the running work and {Queued} queued")]
    private partial void LogDraining(int queued);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Shutdown timeout reached: cancelling the running Slack work and dropping {Queued} queued")]
    private partial void LogDrainTimedOut(int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack work {WorkName} cancelled by shutdown")]
    private partial void LogCancelledByShutdown(string workName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack work {WorkName} timed out after {Timeout}")]
    private partial void LogTimedOut(string workName, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack work {WorkName} failed")]
    private partial void LogFailed(Exception exception, string workName);
}
