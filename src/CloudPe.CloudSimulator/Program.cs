using CloudPe.CloudSimulator;

// Standalone: runs one simulated CloudPe project on loopback until Ctrl+C.
var options = StandaloneArguments.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(StandaloneArguments.Usage);
    return 2;
}

await using var host = await CloudSimulatorHost.StartAsync(options);
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
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
await stopped.Task;
return 0;
