using CloudPe.OpenStack.Compute;

namespace CloudPe.OpenStack.Tests.Contract;

/// <summary>Polls a server until a condition holds, with a deadline and a pause between GETs (no fixed sleeps).</summary>
internal static class ServerWaiter
{
    public static async Task<Server> UntilAsync(OpenStackConnection connection, string id, Func<Server, bool> condition, TimeSpan? deadline = null) =>
        (await Poll.UntilAsync(
            ct => connection.Compute.GetServerAsync(id, ct),
            s => s is not null && condition(s),
            s => $"Server {id} did not reach the expected state; last status {s?.Status}/{s?.TaskState}.",
            deadline))!;

    public static Task<Server> SettledAsync(OpenStackConnection connection, string id, string status) =>
        UntilAsync(connection, id, s => s.Status == status && s.TaskState is null);

    /// <summary>Until GET answers 404.</summary>
    public static Task GoneAsync(OpenStackConnection connection, string id) =>
        Poll.UntilAsync(ct => connection.Compute.GetServerAsync(id, ct), s => s is null, s => $"Server {id} is still there: {s?.Status}/{s?.TaskState}.");
}
