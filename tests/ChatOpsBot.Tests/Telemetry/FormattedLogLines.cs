using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Tests.Telemetry;

/// <summary>
/// A logger provider that writes every entry exactly as the console would (the formatter the
/// configuration names, with its options and the scopes), one line per entry, into memory.
/// </summary>
internal sealed class FormattedLogLines : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConsoleFormatter _formatter;
    private IExternalScopeProvider? _scopes;

    public FormattedLogLines(IEnumerable<ConsoleFormatter> formatters, IOptions<ConsoleLoggerOptions> options)
    {
        var name = options.Value.FormatterName ?? ConsoleFormatterNames.Simple;
        _formatter = formatters.Single(formatter => formatter.Name == name);
    }

    /// <summary>The name of the formatter the configuration chose.</summary>
    public string FormatterName => _formatter.Name;

    /// <summary>Every line written so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Every line, parsed as JSON (fails the test when a line is not JSON).</summary>
    public IReadOnlyList<JsonElement> Entries =>
        Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(FormattedLogLines owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull =>
            owner._scopes?.Push(state) ?? NullScope.Instance;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
            owner._formatter.Write(entry, owner._scopes, writer);
            foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                owner._lines.Enqueue(line.TrimEnd('\r'));
            }
        }
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();

        public void Dispose()
        {
        }
    }
}
