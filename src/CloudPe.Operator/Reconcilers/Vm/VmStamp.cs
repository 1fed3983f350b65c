namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// How cloud resources are marked as belonging to one CloudPeVM: a tag with the CR's UID (servers and ports)
/// and server metadata with the UID and the create-time choices that may never change afterwards.
/// </summary>
internal static class VmStamp
{
    public const string UidMetadataKey = "cloudpe.io/uid";
    public const string NameMetadataKey = "cloudpe.io/name";
    public const string ImageMetadataKey = "cloudpe.io/image";
    public const string NetworkMetadataKey = "cloudpe.io/network";
    public const string IpModeMetadataKey = "cloudpe.io/ip-mode";
    public const string StoragePolicyMetadataKey = "cloudpe.io/storage-policy";

    /// <summary>VM annotation: Secret UID and resourceVersion whose password the VM last received.</summary>
    public const string AppliedPasswordAnnotation = "cloudpe.io/password-applied";

    /// <summary>The tag on the server and the port, e.g. <c>cloudpe-uid-0d3c…</c> (at most 60 characters).</summary>
    public static string Tag(string uid) => "cloudpe-uid-" + uid;

    /// <summary>Name of the port the operator creates (also found by name if tagging was interrupted).</summary>
    public static string PortName(string uid) => "cloudpe-" + uid;
}
