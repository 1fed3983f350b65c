using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>The same kubectl tests against a real API server (K3s), skipped with the reason where Docker is absent.</summary>
public sealed class K3sKubectlTests(K3sTarget target) : KubectlFidelityTests(target), IClassFixture<K3sTarget>;
