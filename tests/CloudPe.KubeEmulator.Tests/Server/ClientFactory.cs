using System.Text;
using k8s;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>KubernetesClient built from the kubeconfig text the emulator writes (unchanged, as users would).</summary>
internal static class ClientFactory
{
    public static Kubernetes Create(KubeEmulatorHost host, string? token = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(host.KubeconfigYaml(token)));
        return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(stream));
    }
}
