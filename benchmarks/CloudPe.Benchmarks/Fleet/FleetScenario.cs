using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;

namespace CloudPe.Benchmarks.Fleet;

/// <summary>
/// One fleet run: N VMs over S CloudPeServers. The operator (its own process) creates them all, then steady
/// resyncs are counted; then the baseline poller reads the same servers the naive way, side by side.
/// </summary>
internal sealed class FleetScenario(FleetArguments options, TextWriter progress)
{
    private const string TokenRoute = "identity POST /v3/auth/tokens";

    // Production default resync (5 min) and 1-hour tokens renewed 5 min before expiry.
    private const double ProductionResyncsPerHour = 12;
    private const double TokenRenewalsPerHour = 60.0 / 55.0;

    public async Task<IReadOnlyList<FleetResult>> RunAsync(int vms, int servers, CancellationToken ct)
    {
        await using var world = await FleetWorld.StartAsync(servers, options.BuildLatency, ct);
        var op = await RunOperatorAsync(world, vms, servers, ct);
        return options.Modes.Contains("baseline") ? [op, await RunBaselineAsync(world, vms, servers, ct)] : [op];
    }

    private async Task<FleetResult> RunOperatorAsync(FleetWorld world, int vms, int servers, CancellationToken ct)
    {
        await using var child = await ChildProcess.StartAsync(
            OperatorProcess.Mode,
            OperatorProcess.Arguments(world, options, servers),
            [(OperatorProcess.TokenVariable, world.Api.AdminToken), (OperatorProcess.CaVariable, world.Api.CaCertificatePem), .. options.RuntimeEnvironment]);
        await world.WaitForServersReadyAsync(TimeSpan.FromMinutes(1), ct);

        // Create phase: kubectl apply of N VMs until all Ready.
        world.ResetCounters();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, vms, new ParallelOptions { MaxDegreeOfParallelism = options.ApplyParallelism, CancellationToken = ct }, async (i, token) => await world.ApplyVmAsync(i, servers, token));
        Report($"  applied {vms} CloudPeVMs in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        var ready = await WaitAllReadyAsync(world, vms, started, ct);
        var createWrites = world.Api.Admin.Writes - vms;
        var createRoutes = world.CloudRequests();
        var createRequests = createRoutes.Values.Sum();
        Report($"  all {vms} Ready after {ready.TotalSeconds:F1} s ({createWrites} operator writes, {createRequests} OpenStack requests: {string.Join("; ", createRoutes.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))})");

        // Steady state: count exactly R resyncs, each starting with a fleet list per CloudPeServer.
        // The window opens half an interval after a pass began: the lists of several CloudPeServers are staggered
        // and one still in flight at the reset would count as a list without its request.
        var polls = await PollsAsync(child);
        await WaitForPollsAsync(child, polls + servers, ct);
        await Task.Delay(options.ResyncInterval / 2, ct);
        world.ResetCounters();
        polls = await PollsAsync(child);
        var cpu = child.CpuTime;
        var end = await WaitForPollsAsync(child, polls + (options.Resyncs * servers), ct);

        // Let the rest of the last pass (reconciles after the list) finish.
        await Task.Delay(options.ResyncInterval / 2, ct);
        var resyncs = (end - polls) / (double)servers;
        var cpuPerResync = (child.CpuTime - cpu).TotalSeconds / resyncs;
        var requests = world.CloudRequests();
        var writes = world.Api.Admin.Writes;
        var stats = ProcessStats.Parse(await child.AskAsync("stats", TimeSpan.FromMinutes(1)));
        var perResync = requests.ToDictionary(r => r.Key, r => r.Value / resyncs, StringComparer.Ordinal);
        Report($"  operator: {resyncs:F0} resyncs, {requests.Values.Sum()} OpenStack requests, {writes} API writes, {stats.WorkingSetBytes / 1048576.0:F0} MB working set");
        return new FleetResult
        {
            Vms = vms,
            Servers = servers,
            Mode = "operator",
            RequestsPerResync = perResync,
            TokensPerHour = (perResync.GetValueOrDefault(TokenRoute) * ProductionResyncsPerHour) + (servers * TokenRenewalsPerHour),
            WritesPerResync = writes / resyncs,
            WritesPerVmCreated = createWrites / (double)vms,
            OpenStackRequestsPerVmCreated = createRequests / (double)vms,
            ApplyToReady = ready,
            ReadyToLatencyRatio = ready / options.BuildLatency,
            WorkingSetBytes = stats.WorkingSetBytes,
            PrivateBytes = stats.PrivateBytes,
            ManagedHeapBytes = stats.ManagedHeapBytes,
            GcCommittedBytes = stats.GcCommittedBytes,
            CpuSecondsPerResync = cpuPerResync,
        };
    }

    private async Task<FleetResult> RunBaselineAsync(FleetWorld world, int vms, int servers, CancellationToken ct)
    {
        var all = await world.ListVmsAsync(ct);
        var plan = world.Clouds.Select((cloud, i) => new BaselineTarget(
            cloud.AuthUrl.ToString(),
            cloud.ApplicationCredentialId,
            cloud.ApplicationCredentialSecret,
            [.. all.Where(v => v.Spec.ServerRef.Name == FleetWorld.ServerName(i) && v.Status?.VmId is not null).Select(v => v.Status!.VmId!)])).ToList();
        var planPath = Path.Combine(Path.GetTempPath(), $"cloudpe-bench-{Environment.ProcessId}-plan.json");
        await File.WriteAllTextAsync(planPath, JsonSerializer.Serialize(plan), ct);
        try
        {
            await using var child = await ChildProcess.StartAsync(BaselinePoller.Mode,
                ["--plan", planPath, "--concurrency", options.Concurrency.ToString(CultureInfo.InvariantCulture)]);
            world.ResetCounters();
            var cpu = child.CpuTime;
            var wall = TimeSpan.Zero;
            for (var i = 0; i < options.Resyncs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await child.AskAsync("resync", TimeSpan.FromMinutes(30));
                if (!answer.StartsWith("resync ", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Baseline poller: {answer}");
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                wall += elapsed;
                if (i + 1 < options.Resyncs && elapsed < options.ResyncInterval)
                {
                    await Task.Delay(options.ResyncInterval - elapsed, ct);
                }
            }

            var cpuPerResync = (child.CpuTime - cpu).TotalSeconds / options.Resyncs;
            var requests = world.CloudRequests();
            var stats = ProcessStats.Parse(await child.AskAsync("stats", TimeSpan.FromMinutes(1)));
            var perResync = requests.ToDictionary(r => r.Key, r => r.Value / (double)options.Resyncs, StringComparer.Ordinal);
            Report($"  baseline: {options.Resyncs} resyncs, {requests.Values.Sum()} OpenStack requests, {wall.TotalSeconds / options.Resyncs:F1} s per pass");
            return new FleetResult
            {
                Vms = vms,
                Servers = servers,
                Mode = "baseline",
                RequestsPerResync = perResync,
                TokensPerHour = perResync.GetValueOrDefault(TokenRoute) * ProductionResyncsPerHour,
                WorkingSetBytes = stats.WorkingSetBytes,
                PrivateBytes = stats.PrivateBytes,
                ManagedHeapBytes = stats.ManagedHeapBytes,
                GcCommittedBytes = stats.GcCommittedBytes,
                CpuSecondsPerResync = cpuPerResync,
                ResyncWallTime = wall / options.Resyncs,
            };
        }
        finally
        {
            File.Delete(planPath);
        }
    }

    /// <summary>Follows the VMs with one watch (re-listing only when it ends) until every VM is Ready.</summary>
    private async Task<TimeSpan> WaitAllReadyAsync(FleetWorld world, int vms, long started, CancellationToken ct)
    {
        var deadline = options.BuildLatency + TimeSpan.FromSeconds(120 + (vms * 0.2));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(deadline - Stopwatch.GetElapsedTime(started));
        var created = new HashSet<string>(StringComparer.Ordinal);
        var ready = new Dictionary<string, bool>(StringComparer.Ordinal);
        var lastReport = 0.0;
        void Track(CloudPeVM vm)
        {
            ready[vm.Metadata.Name] = Conditions.IsTrue(vm.Status?.Conditions, ConditionTypes.Ready);
            if (vm.Status?.VmId is not null)
            {
                created.Add(vm.Metadata.Name);
            }
        }

        bool Done(out TimeSpan elapsed)
        {
            elapsed = Stopwatch.GetElapsedTime(started);
            var count = ready.Values.Count(r => r);
            if (elapsed.TotalSeconds - lastReport >= 5)
            {
                lastReport = elapsed.TotalSeconds;
                Report($"  {created.Count}/{vms} created, {count}/{vms} Ready after {elapsed.TotalSeconds:F0} s");
            }

            return count == vms;
        }

        try
        {
            while (true)
            {
                var (items, version) = await world.ListVmsWithVersionAsync(timeout.Token);
                ready.Clear();
                foreach (var vm in items)
                {
                    Track(vm);
                }

                if (Done(out var elapsed))
                {
                    return elapsed;
                }

                await foreach (var (_, vm) in world.WatchVmsAsync(version, timeout.Token))
                {
                    Track(vm);
                    if (Done(out elapsed))
                    {
                        return elapsed;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var (items, _) = await world.ListVmsWithVersionAsync(ct);
            var stuck = items.FirstOrDefault(v => !Conditions.IsTrue(v.Status?.Conditions, ConditionTypes.Ready));
            var why = Conditions.Find(stuck?.Status?.Conditions, ConditionTypes.Ready);
            var count = items.Count(v => Conditions.IsTrue(v.Status?.Conditions, ConditionTypes.Ready));
            throw new TimeoutException($"Only {count} of {vms} VMs Ready after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s; e.g. {stuck?.Metadata.Name}: {why?.Reason} {why?.Message}");
        }
    }

    private static async Task<long> PollsAsync(ChildProcess child)
    {
        var answer = await child.AskAsync("polls", TimeSpan.FromSeconds(30));
        return long.Parse(answer["polls ".Length..], CultureInfo.InvariantCulture);
    }

    private async Task<long> WaitForPollsAsync(ChildProcess child, long target, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + (options.ResyncInterval * (options.Resyncs + 2)) + TimeSpan.FromMinutes(5);
        while (true)
        {
            var polls = await PollsAsync(child);
            if (polls >= target)
            {
                return polls;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The operator listed its fleets {polls} times, expected {target}.");
            }

            await Task.Delay(50, ct);
        }
    }

    private void Report(string line) => progress.WriteLine(line);
}
