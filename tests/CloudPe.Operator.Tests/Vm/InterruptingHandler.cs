namespace CloudPe.Operator.Tests.Vm;

/// <summary>
/// Lets a successful <c>POST /servers</c> reach Nova, then holds the answer back forever: the operator is "stopped
/// right after Nova accepted the create" when the test disposes it at that point.
/// </summary>
internal sealed class InterruptingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private static readonly TaskCompletionSource Accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Task CreateAccepted => Accepted.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/servers", StringComparison.Ordinal) && response.IsSuccessStatusCode)
        {
            Accepted.TrySetResult();
            response.Dispose();
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
