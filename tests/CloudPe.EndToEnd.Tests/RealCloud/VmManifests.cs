namespace CloudPe.EndToEnd.Tests.RealCloud;

/// <summary>CloudPeVMs on the lab's names: flavor cpe.small, image cirros-like, network cloudpe-net, group cloudpe-ssh, type standard.</summary>
internal static class VmManifests
{
    public const string SmallFlavor = "cpe.small";
    public const string MediumFlavor = "cpe.medium";

    /// <summary>The lab image is 1 MiB without min_disk, so 1 GiB is its minimum volume.</summary>
    public const int VolumeGiB = 1;

    public static string Vm(string name, string ipMode, string? passwordSecret) => $"""
        apiVersion: cloudpe.io/v1alpha1
        kind: CloudPeVM
        metadata:
          name: {name}
          namespace: default
        spec:
          serverRef:
            name: sandbox
          flavor: {SmallFlavor}
          image: cirros-like
          network: cloudpe-net
          ipMode: {ipMode}
          securityGroup: cloudpe-ssh
          volume:
            sizeGiB: {VolumeGiB}
            storagePolicy: standard
          powerState: Running
        {(passwordSecret is null ? "" : $"  passwordSecretRef:\n    name: {passwordSecret}")}
        """;

    public static string PasswordSecret(string name, string password) => $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: {name}
          namespace: default
        type: Opaque
        stringData:
          password: {password}
        """;
}
