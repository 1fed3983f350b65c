namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>Names shared by every kind of the <c>cloudpe.io/v1alpha1</c> API.</summary>
public static class CloudPeApiGroup
{
    /// <summary>The API group.</summary>
    public const string Group = "cloudpe.io";

    /// <summary>The API version within the group.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The <c>apiVersion</c> of the objects.</summary>
    public const string GroupVersion = Group + "/" + Version;

    /// <summary>The kubectl category of every kind (<c>kubectl get cloudpe</c>).</summary>
    public const string Category = "cloudpe";

    /// <summary>The finalizer the operator puts on CloudPeServer and CloudPeVM objects.</summary>
    public const string Finalizer = "cloudpe.io/finalizer";
}
