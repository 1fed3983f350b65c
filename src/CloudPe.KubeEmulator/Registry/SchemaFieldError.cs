namespace CloudPe.KubeEmulator.Registry;

/// <summary>One field rejection, shaped like a Kubernetes status cause.</summary>
internal sealed record SchemaFieldError(string Field, string Type, string Message);
