using CloudPe.Sandbox;

// dotnet run --project src/CloudPe.Sandbox [-- --port N --kubeconfig PATH ...]; see SandboxArguments.Usage.
return await SandboxCommand.RunAsync(args);
