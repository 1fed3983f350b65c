using CloudPe.Operator.Api.V1Alpha1;

namespace CloudPe.Operator.Tests.Vm;

/// <summary>Reads conditions the way kubectl wait and kstatus do.</summary>
internal static class VmConditionsAssert
{
    public static Condition? Get(CloudPeVM vm, string type) => vm.Status.Conditions.FirstOrDefault(c => c.Type == type);

    public static bool Is(CloudPeVM vm, string type, string status) => Get(vm, type)?.Status == status;

    /// <summary>Ready=True for the current generation.</summary>
    public static bool Ready(CloudPeVM vm) => Is(vm, ConditionTypes.Ready, ConditionStatus.True) && vm.Status.ObservedGeneration == vm.Metadata.Generation;

    /// <summary>Ready and settled in <paramref name="phase"/>.</summary>
    public static bool ReadyIn(CloudPeVM vm, VmPhase phase) => Ready(vm) && vm.Status.Phase == phase;
}
