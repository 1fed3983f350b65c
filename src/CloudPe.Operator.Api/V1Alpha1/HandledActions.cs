using System.Text.Json.Serialization;

namespace CloudPe.Operator.Api.V1Alpha1;

/// <summary>The last value of each action annotation the operator handled (accepted or rejected).</summary>
public sealed class HandledActions
{
    /// <summary>Last handled value of cloudpe.io/restart.</summary>
    [JsonPropertyName("restart")]
    public string? Restart { get; set; }

    /// <summary>Last handled value of cloudpe.io/console.</summary>
    [JsonPropertyName("console")]
    public string? Console { get; set; }

    /// <summary>Last handled value of cloudpe.io/sync.</summary>
    [JsonPropertyName("sync")]
    public string? Sync { get; set; }

    /// <summary>Last handled value of cloudpe.io/password-reset.</summary>
    [JsonPropertyName("passwordReset")]
    public string? PasswordReset { get; set; }
}
