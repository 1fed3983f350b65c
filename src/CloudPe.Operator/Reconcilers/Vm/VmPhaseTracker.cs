using CloudPe.Operator.Diagnostics;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>Keeps the <c>cloudpe_vms{phase}</c> gauge: the last phase of every CloudPeVM the controller reconciled.</summary>
internal sealed class VmPhaseTracker(OperatorMetrics metrics)
{
    private readonly Dictionary<string, string> _phases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Set(string key, string phase)
    {
        lock (_gate)
        {
            if (_phases.TryGetValue(key, out var old))
            {
                if (old == phase)
                {
                    return;
                }

                Publish(old, -1);
            }

            _phases[key] = phase;
            Publish(phase, +1);
        }
    }

    public void Forget(string key)
    {
        lock (_gate)
        {
            if (_phases.Remove(key, out var old))
            {
                Publish(old, -1);
            }
        }
    }

    private void Publish(string phase, int delta)
    {
        var count = _counts.GetValueOrDefault(phase) + delta;
        _counts[phase] = count;
        metrics.SetVmsInPhase(phase, count);
    }
}
