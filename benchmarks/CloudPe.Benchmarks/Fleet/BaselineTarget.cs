namespace CloudPe.Benchmarks.Fleet;

/// <summary>One simulated project the baseline poller reads: where to authenticate and which servers to GET.</summary>
internal sealed record BaselineTarget(string AuthUrl, string CredentialId, string CredentialSecret, IReadOnlyList<string> ServerIds);
