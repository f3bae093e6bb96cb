using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>One log line as the code under test wrote it.</summary>
public sealed record RecordedLog(
    string Category, LogLevel Level, EventId EventId, string Message,
    IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception);

/// <summary>Keeps every log line in memory so tests can wait for one or search them all.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _logs = new();
    private readonly object _gate = new();
    private readonly List<(
        Func<RecordedLog, bool> Match, TaskCompletionSource<RecordedLog> Done)> _waiters = [];

    public IReadOnlyCollection<RecordedLog> Logs => _logs.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Completes with the first line matching <paramref name="match"/>, past or future.</summary>
    public Task<RecordedLog> WaitForAsync(Func<RecordedLog, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<RecordedLog>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _logs.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    /// <summary>Every formatted message, state value and exception text, for secret scans.</summary>
    public string AllText() => string.Join('\n', _logs.Select(l =>
        l.Message + " " + string.Join(' ', l.State.Select(s => s.Value?.ToString())) + " " + l.Exception));

    public void Dispose()
    {
    }

    private void Add(RecordedLog log)
    {
        lock (_gate)
        {
            _logs.Enqueue(log);
            foreach (var waiter in _waiters.Where(w => w.Match(log)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(log);
            }
        }
    }

    private sealed class Logger(RecordingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            // Enumerated, not cast: some logger states only expose IEnumerable.
            var values = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToList() ?? [];
            owner.Add(
                new RecordedLog(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
