namespace CloudPe.OpenStack.Compute;

/// <summary>What POST /servers answered: the new server's ID and, when Nova generated or echoed one, the admin password.</summary>
public sealed class CreateServerResult
{
    /// <summary>Creates the result.</summary>
    public CreateServerResult(string id, string? adminPass)
    {
        Id = id;
        AdminPass = adminPass;
    }

    /// <summary>The new server's UUID.</summary>
    public string Id { get; }

    /// <summary>The admin password in the response; treat as a secret.</summary>
    public string? AdminPass { get; }

    /// <summary>The ID only; the password never reaches a log line through ToString.</summary>
    public override string ToString() => Id;
}
