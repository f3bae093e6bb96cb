using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>One log call: level, event, the rendered text and the template it came from.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, string? Template,
    IReadOnlyDictionary<string, object?> Values);

/// <summary>A logger that keeps what it is given, so tests can check templates and leaks.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        var dictionary = values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var template = dictionary.TryGetValue("{OriginalFormat}", out var format) ? format as string : null;
        var rendered = formatter(state, exception) + (exception is null ? "" : " " + exception);
        entries.Enqueue(new LogEntry(logLevel, eventId, rendered, template, dictionary));
    }

    /// <summary>Everything logged, as one text, for "does it contain a secret" checks.</summary>
    public string AllText() => string.Join("\n", Entries.Select(entry => entry.Message));
}
