using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CloudPe.OpenStack.Tests.Contract;

/// <summary>Keeps every formatted log line (with its structured values) so tests can look for leaked secrets.</summary>
internal sealed class CapturedLogs : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            owner._lines.Enqueue($"{logLevel} {formatter(state, exception)} | {values} | {exception}");
        }
    }
}
