using Xunit;

namespace CloudPe.Operator.Tests;

/// <summary>Polls until a condition holds or a real-time deadline passes (no fixed sleeps).</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}; last value: {Describe(value)}");
            }

            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }

    public static Task UntilAsync(Func<bool> done, string what, TimeSpan? within = null) =>
        UntilAsync(() => Task.FromResult(done()), d => d, what, within);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        k8s.IKubernetesObject o => k8s.KubernetesJson.Serialize(o),
        _ => value.ToString() ?? "",
    };
}
