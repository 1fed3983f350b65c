namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// How cloud resources are marked as belonging to one CloudPeVM: a tag with the CR's UID (servers and ports)
/// and server metadata with the UID and the create-time choices that may never change afterwards. Metadata keys
/// use neither '/' (Nova refuses keys outside <c>^[a-zA-Z0-9-_:. ]{1,255}$</c>) nor ':' (Cinder's metadata
/// filter ignored such keys on a real cloud).
/// </summary>
internal static class VmStamp
{
    public const string UidMetadataKey = "cloudpe_uid";
    public const string NameMetadataKey = "cloudpe_name";
    public const string ImageMetadataKey = "cloudpe_image";
    public const string NetworkMetadataKey = "cloudpe_network";
    public const string IpModeMetadataKey = "cloudpe_ip_mode";
    public const string StoragePolicyMetadataKey = "cloudpe_storage_policy";

    /// <summary>VM annotation: Secret UID and resourceVersion whose password the VM last received.</summary>
    public const string AppliedPasswordAnnotation = "cloudpe.io/password-applied";

    /// <summary>The tag on the server and the port, e.g. <c>cloudpe-uid-0d3c…</c> (at most 60 characters).</summary>
    public static string Tag(string uid) => "cloudpe-uid-" + uid;

    /// <summary>Name of the port the operator creates (also found by name if tagging was interrupted).</summary>
    public static string PortName(string uid) => "cloudpe-" + uid;
}
