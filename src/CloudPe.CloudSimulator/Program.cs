using System.Runtime.InteropServices;
using CloudPe.CloudSimulator;

// Standalone: runs one simulated CloudPe project on loopback until Ctrl+C or SIGTERM.
var options = StandaloneArguments.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(StandaloneArguments.Usage);
    return 2;
}

CloudSimulatorHost host;
try
{
    host = await CloudSimulatorHost.StartAsync(options);
}
catch (IOException e)
{
    Console.Error.WriteLine($"cannot listen on {options.ListenAddress}:{options.Port}: {e.Message}");
    return 1;
}

await using (host)
{
    // A local test double: printing its own seeded credential is what makes it usable from a shell.
    Console.WriteLine($"endpoint:                       {host.Endpoint}");
    Console.WriteLine($"project path:                   {host.ProjectPath}");
    Console.WriteLine($"auth url:                       {host.AuthUrl}");
    Console.WriteLine($"project id:                     {host.ProjectId}");
    Console.WriteLine($"application credential id:      {host.ApplicationCredentialId}");
    Console.WriteLine($"application credential secret:  {host.ApplicationCredentialSecret}");
    Console.WriteLine($"admin api:                      {host.BaseUri}_sim/");
    Console.WriteLine("Press Ctrl+C to stop.");

    var stopped = new TaskCompletionSource();
    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stopped.TrySetResult();
    }

    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    await stopped.Task;
}

return 0;
