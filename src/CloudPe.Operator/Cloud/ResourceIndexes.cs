using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Cloud;

/// <summary>Informer-cache indexes the host registers once for both controllers.</summary>
public static class ResourceIndexes
{
    /// <summary>CloudPeVMs by <c>namespace/spec.serverRef.name</c>.</summary>
    public const string VmsByServer = "vms-by-server";

    /// <summary>CloudPeServers by <c>namespace/secretName</c> of the credentials and CA bundle Secrets.</summary>
    public const string ServersBySecret = "servers-by-secret";

    /// <summary>The <see cref="VmsByServer"/> value of a VM.</summary>
    public static IEnumerable<string> ServerOf(CloudPeVM vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (!string.IsNullOrEmpty(vm.Spec?.ServerRef?.Name))
        {
            yield return Key(vm.Metadata.NamespaceProperty, vm.Spec.ServerRef.Name);
        }
    }

    /// <summary>The <see cref="ServersBySecret"/> values of a server.</summary>
    public static IEnumerable<string> SecretsOf(CloudPeServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (!string.IsNullOrEmpty(server.Spec?.CredentialsSecretRef?.Name))
        {
            yield return Key(server.Metadata.NamespaceProperty, server.Spec.CredentialsSecretRef.Name);
        }

        if (!string.IsNullOrEmpty(server.Spec?.CaBundleSecretRef?.Name))
        {
            yield return Key(server.Metadata.NamespaceProperty, server.Spec.CaBundleSecretRef.Name);
        }
    }

    /// <summary>The index value for an object name in a namespace.</summary>
    public static string Key(string? @namespace, string name) => $"{@namespace ?? "default"}/{name}";
}
