using System.Threading.Channels;
using CloudPe.KubeEmulator.Storage;

namespace CloudPe.KubeEmulator.Lifecycle;

/// <summary>
/// Background collection: dependents whose owners are all gone, and the contents of terminating namespaces
/// (the namespace itself goes once it is empty).
/// </summary>
internal sealed class GarbageCollector : IAsyncDisposable
{
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly Channel<WorkItem> _work = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private readonly record struct WorkItem(string? OwnerUid, string? Namespace);

    public GarbageCollector(ObjectStore store, TimeProvider time, TimeSpan delay)
    {
        _store = store;
        _time = time;
        _delay = delay;
        store.Removed = (uid, ns) =>
        {
            _work.Writer.TryWrite(new WorkItem(uid, null));
            if (ns.Length > 0)
            {
                _work.Writer.TryWrite(new WorkItem(null, ns));
            }
        };
        _loop = Task.Run(RunAsync);
    }

    public void NamespaceTerminating(string ns) => _work.Writer.TryWrite(new WorkItem(null, ns));

    private async Task RunAsync()
    {
        try
        {
            while (await _work.Reader.WaitToReadAsync(_stop.Token))
            {
                if (_delay > TimeSpan.Zero)
                {
                    await Task.Delay(_delay, _time, _stop.Token);
                }

                while (_work.Reader.TryRead(out var item))
                {
                    lock (_store.Gate)
                    {
                        if (item.OwnerUid is not null)
                        {
                            CollectDependents(item.OwnerUid);
                        }
                        else if (item.Namespace is not null)
                        {
                            DrainNamespace(item.Namespace);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private void CollectDependents(string ownerUid)
    {
        var now = _time.GetUtcNow();
        foreach (var (bucket, key) in _store.DependentsOf(ownerUid))
        {
            var obj = _store.Get(bucket, key.Namespace, key.Name);
            var owners = obj?["metadata"]?["ownerReferences"]?.AsArray() ?? [];
            if (obj is not null && owners.All(o => !_store.Exists((string?)o?["uid"] ?? "")))
            {
                Deletion.MarkOrRemove(_store, bucket, key.Namespace, key.Name, now);
            }
        }
    }

    private void DrainNamespace(string ns)
    {
        var nsObj = _store.Get(Deletion.NamespaceBucket, "", ns);
        if (nsObj?["metadata"]?["deletionTimestamp"] is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var remaining = 0;
        foreach (var bucket in _store.Buckets.ToList())
        {
            foreach (var (key, _) in _store.List(bucket, ns).ToList())
            {
                if (key.Namespace != ns)
                {
                    continue;
                }

                var (_, removed) = Deletion.MarkOrRemove(_store, bucket, key.Namespace, key.Name, now);
                if (!removed)
                {
                    remaining++;
                }
            }
        }

        if (remaining == 0)
        {
            _store.Remove(Deletion.NamespaceBucket, "", ns);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _work.Writer.TryComplete();
        await _loop;
        _stop.Dispose();
    }
}
