using CloudPe.KubeEmulator;
using CloudPe.KubeEmulator.Hosting;

// Standalone: dotnet run --project src/CloudPe.KubeEmulator -- --kubeconfig PATH [--port N] [--no-tls] [--apply DIR_OR_FILE ...] | --bench
return await CommandLine.RunAsync(args);
