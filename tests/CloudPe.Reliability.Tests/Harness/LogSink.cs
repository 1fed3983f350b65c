using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>Every log line of every operator of a world (message, state and exception text).</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private long _errors;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Lines at Error or Critical (an operator that crashed on input would log here).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Interlocked.Increment(ref owner._errors);
            }

            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
        }
    }
}
