namespace CloudPe.KubeEmulator.Auth;

/// <summary>An authenticated caller. Admin bypasses authorisation (like system:masters).</summary>
internal sealed record Identity(string UserName, IReadOnlyList<string> Groups, bool IsAdmin)
{
    public static Identity Admin { get; } = new("system:admin", ["system:masters", "system:authenticated"], true);

    public static Identity ServiceAccount(string ns, string name) =>
        new($"system:serviceaccount:{ns}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"], false);
}
