using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace CloudPe.Operator.Tests;

/// <summary>Every log event of the operator as text (message, properties and exception), for secret scans.</summary>
internal sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public Serilog.ILogger Logger => new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }
}
