namespace CloudPe.OpenStack;

/// <summary>Why the cloud could not be reached.</summary>
public enum UnreachableReason
{
    /// <summary>Something else went wrong on the connection.</summary>
    Other,

    /// <summary>The host name did not resolve (DNS).</summary>
    NameResolution,

    /// <summary>The TCP connection was refused or could not be made.</summary>
    ConnectionRefused,

    /// <summary>TLS failed: untrusted certificate, wrong host name or protocol mismatch.</summary>
    Tls,

    /// <summary>The connection broke before a complete response arrived.</summary>
    ConnectionLost,
}
