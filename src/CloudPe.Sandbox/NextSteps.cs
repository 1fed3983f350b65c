namespace CloudPe.Sandbox;

/// <summary>What the sandbox prints once it is ready: where things are, the line to copy and the tour.</summary>
internal static class NextSteps
{
    public static void Print(TextWriter output, SandboxEndpoints endpoints, TimeSpan elapsed, string? notReady)
    {
        var samples = SamplesDirectory.ForPrinting();
        var seconds = elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine();
        output.WriteLine(notReady is null
            ? $"CloudPe sandbox ready in {seconds}s"
            : $"CloudPe sandbox started in {seconds}s, but CloudPeServer {SandboxServer.Name} is not Ready ({notReady}); see the operator log above");
        output.WriteLine($"  Kubernetes API    {endpoints.KubernetesApi}  (in-memory emulator)");
        if (endpoints.SimulatorAdmin is { } admin)
        {
            output.WriteLine($"  CloudPe project   {endpoints.CloudProject}  (simulator, CloudPeServer '{SandboxServer.Name}')");
            output.WriteLine($"  simulator admin   {admin}state  (servers, ports, volumes)");
        }
        else
        {
            output.WriteLine($"  CloudPe project   {endpoints.CloudProject}  (external cloud, CloudPeServer '{SandboxServer.Name}')");
        }

        if (endpoints.OperatorHttp is { } http)
        {
            output.WriteLine($"  operator          {http}metrics  {http}readyz");
        }

        output.WriteLine();
        output.WriteLine("Copy this line into another terminal:");
        output.WriteLine();
        output.WriteLine($"  export KUBECONFIG={endpoints.KubeconfigPath}");
        output.WriteLine();
        output.WriteLine("Then try (docs/tour.md walks through them):");
        output.WriteLine($"  kubectl apply -f {samples}");
        output.WriteLine("  kubectl get cpvm -w");
        output.WriteLine("""  kubectl patch cpvm web-ipv4 --type=merge -p '{"spec":{"powerState":"Stopped"}}'""");
        output.WriteLine("""  kubectl patch cpvm web-ipv4 --type=merge -p '{"spec":{"powerState":"Running"}}'""");
        output.WriteLine("""  kubectl annotate cpvm web-ipv4 --overwrite cloudpe.io/restart="$(date +%s)" """.TrimEnd());
        output.WriteLine("""  kubectl annotate cpvm web-ipv4 --overwrite cloudpe.io/console="$(date +%s)" """.TrimEnd());
        output.WriteLine("""  kubectl get cpvm web-ipv4 -o jsonpath='{.status.console.url}{"\n"}'""");
        output.WriteLine("""  kubectl patch cpvm web-ipv4 --type=merge -p '{"spec":{"volume":{"sizeGiB":60}}}'""");
        output.WriteLine($"  kubectl delete -f {samples}");
        output.WriteLine();
        output.WriteLine(endpoints.SimulatorAdmin is null
            ? "Press Ctrl+C to stop; the Kubernetes objects live in memory, VMs not deleted first stay in the cloud."
            : "Press Ctrl+C to stop; everything lives in memory and goes away.");
        output.Flush();
    }
}
