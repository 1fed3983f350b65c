using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;

namespace CloudPe.Operator.Reconcilers.Servers;

/// <summary>Takes the service URLs and the compute microversion from the token's catalog; every VM needs all four services.</summary>
internal static class ResolveCatalog
{
    public static StepResult Run(ServerReconcileContext context)
    {
        var info = context.Authentication!;
        var endpoints = info.Endpoints;
        var missing = new List<string>();
        if (endpoints.Compute is null)
        {
            missing.Add("compute");
        }

        if (endpoints.Network is null)
        {
            missing.Add("network");
        }

        if (endpoints.BlockStorage is null)
        {
            missing.Add("volumev3");
        }

        if (endpoints.Image is null)
        {
            missing.Add("image");
        }

        context.Status.Endpoints = new ServiceEndpointsStatus
        {
            Compute = endpoints.Compute?.AbsoluteUri,
            Network = endpoints.Network?.AbsoluteUri,
            VolumeV3 = endpoints.BlockStorage?.AbsoluteUri,
            Image = endpoints.Image?.AbsoluteUri,
        };
        context.Status.ComputeMaxMicroversion = context.Connection!.ComputeMaxMicroversion?.ToString();

        if (missing.Count > 0)
        {
            var region = string.IsNullOrEmpty(context.Server.Spec.Region) ? "" : $" in region '{context.Server.Spec.Region}'";
            var present = info.ServiceTypes.Count == 0 ? "none" : string.Join(", ", info.ServiceTypes.Order(StringComparer.Ordinal));
            context.Fail(
                ConditionTypes.CatalogResolved,
                ConditionReasons.CatalogIncomplete,
                $"The service catalog has no {string.Join(", ", missing)} endpoint{(missing.Count > 1 ? "s" : "")}{region} (interface public); service types present: {present}.",
                needsUser: true);
            return StepResult.StopWith(Controllers.ReconcileResult.RequeueAfter(TransientRetry.Max));
        }

        context.SetTrue(ConditionTypes.CatalogResolved, ConditionReasons.CatalogResolved, "Compute, network, volumev3 and image endpoints resolved.");
        return StepResult.Continue;
    }
}
