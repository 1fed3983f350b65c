namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>Why a spec value could not be resolved: a reason naming the field and a message naming the value and close matches.</summary>
internal sealed record ReferenceFailure(string Reason, string Message);
