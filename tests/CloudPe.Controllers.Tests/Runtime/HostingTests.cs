using System.Diagnostics.Metrics;
using CloudPe.Controllers.Tests.Cluster;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudPe.Controllers.Tests.Runtime;

public sealed class HostingTests
{
    [Fact]
    public async Task A_generic_host_runs_the_controller_and_reports_reconciles_as_metrics()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateWidgetAsync("hosted");
        var reconciles = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "CloudPe.Controllers" && instrument.Name == "controller.reconcile.count")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "controller", Value: "hosted-widgets" })
                {
                    Interlocked.Add(ref reconciles, value);
                }
            }
        });
        listener.Start();

        var reconciler = new ScriptedReconciler();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IKubernetes>(cluster.Client);
        builder.Services.AddSingleton(reconciler);
        builder.Services.AddController<Widget, ScriptedReconciler>(o =>
        {
            o.Name = "hosted-widgets";
            o.MaxConcurrentReconciles = 2;
        });
        using (var host = builder.Build())
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await Eventually.HoldsAsync(() => reconciler.CallsFor("hosted") == 1 && Interlocked.Read(ref reconciles) == 1, "the hosted controller reconciled and counted it");
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, reconciler.CallsFor("hosted"));
    }
}
