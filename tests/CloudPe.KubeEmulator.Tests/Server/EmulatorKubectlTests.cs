using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>The kubectl fidelity tests against the emulator.</summary>
public sealed class EmulatorKubectlTests(EmulatorTarget target) : KubectlFidelityTests(target), IClassFixture<EmulatorTarget>;
