using CloudPe.OpenStack.Compute;

namespace CloudPe.OpenStack.Tests.Contract;

/// <summary>Polls a server until a condition holds, with a deadline (no fixed sleeps).</summary>
internal static class ServerWaiter
{
    public static async Task<Server> UntilAsync(OpenStackConnection connection, string id, Func<Server, bool> condition, TimeSpan? deadline = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(60));
        Server? last = null;
        while (DateTime.UtcNow < until)
        {
            last = await connection.Compute.GetServerAsync(id, ct);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Yield();
        }

        throw new TimeoutException($"Server {id} did not reach the expected state; last status {last?.Status}/{last?.TaskState}.");
    }

    public static Task<Server> SettledAsync(OpenStackConnection connection, string id, string status) =>
        UntilAsync(connection, id, s => s.Status == status && s.TaskState is null);
}
