using System.Diagnostics.CodeAnalysis;
using CloudPe.OpenStack;

namespace CloudPe.Operator.Cloud;

/// <summary>
/// The outcome of <see cref="CloudConnectionProvider.GetAsync"/>: a connection, or a condition reason and a
/// message that names the Secret and key at fault (never a credential value).
/// </summary>
public sealed class CloudConnectionResult
{
    private CloudConnectionResult(OpenStackConnection? connection, string? reason, string? message)
    {
        Connection = connection;
        FailureReason = reason;
        FailureMessage = message;
    }

    /// <summary>The shared connection of the CloudPeServer; do not dispose it.</summary>
    public OpenStackConnection? Connection { get; }

    /// <summary>Condition reason when no connection could be built, e.g. CredentialsNotFound.</summary>
    public string? FailureReason { get; }

    /// <summary>What is wrong, for a condition message or an Event.</summary>
    public string? FailureMessage { get; }

    /// <summary>Whether <see cref="Connection"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Connection))]
    [MemberNotNullWhen(false, nameof(FailureReason), nameof(FailureMessage))]
    public bool Succeeded => Connection is not null;

    /// <summary>A usable connection.</summary>
    public static CloudConnectionResult Success(OpenStackConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new CloudConnectionResult(connection, null, null);
    }

    /// <summary>No connection: <paramref name="reason"/> and <paramref name="message"/> explain why.</summary>
    public static CloudConnectionResult Failure(string reason, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new CloudConnectionResult(null, reason, message);
    }
}
