using Microsoft.Extensions.Logging;

namespace CloudPe.Controllers.Tests.Cluster;

/// <summary>Writes runtime logs to stderr when CONTROLLERS_TEST_LOG=1, for diagnosing a failing test.</summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new L(categoryName);

    public void Dispose()
    {
    }

    private sealed class L(string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Console.Error.WriteLine($"L {DateTime.UtcNow:ss.fff} {logLevel} {name}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
    }
}
