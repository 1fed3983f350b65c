namespace CloudPe.Sandbox;

/// <summary>Where the parts of a running sandbox can be reached.</summary>
internal sealed record SandboxEndpoints(string KubeconfigPath, Uri KubernetesApi, Uri CloudProject, Uri? SimulatorAdmin, Uri? OperatorHttp);
