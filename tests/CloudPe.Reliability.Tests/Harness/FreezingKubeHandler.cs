namespace CloudPe.Reliability.Tests.Harness;

/// <summary>Kubernetes API requests of an operator whose crash switch tripped hang: a dead process writes nothing.</summary>
internal sealed class FreezingKubeHandler(CrashSwitch crash) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (crash.IsTripped)
        {
            await CrashSwitch.HangAsync(cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
