using CloudPe.Operator.Api.V1Alpha1;
using k8s;
using k8s.Models;

namespace CloudPe.Sandbox;

/// <summary>The CloudPeServer <c>sandbox</c> in namespace <c>default</c> and its credential Secret, pointing at the simulator or an external cloud.</summary>
internal static class SandboxServer
{
    public const string Name = "sandbox";
    public const string Namespace = "default";
    public const string SecretName = "sandbox-app-credential";

    public static async Task CreateAsync(IKubernetes client, SandboxCloud cloud, CancellationToken ct)
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = SecretName, NamespaceProperty = Namespace },
            Type = "Opaque",
            StringData = new Dictionary<string, string>
            {
                [CloudPeServerSpec.ApplicationCredentialIdKey] = cloud.CredentialId,
                [CloudPeServerSpec.ApplicationCredentialSecretKey] = cloud.CredentialSecret,
            },
        };
        await client.CoreV1.CreateNamespacedSecretAsync(secret, Namespace, cancellationToken: ct);

        var server = new CloudPeServer
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace },
            Spec = new CloudPeServerSpec
            {
                Endpoint = cloud.Endpoint,
                ProjectPath = cloud.ProjectPath,
                Secure = cloud.Secure,
                CredentialsSecretRef = new SecretReference { Name = SecretName },
            },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(server, CloudPeServer.KubeGroup, CloudPeServer.KubeVersion, Namespace,
            CloudPeServer.KubePluralName, cancellationToken: ct);
    }

    /// <summary>Polls until <c>Ready=True</c>; returns null then, else the last Ready condition's reason and message.</summary>
    public static async Task<string?> WaitReadyAsync(IKubernetes client, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var last = "no Ready condition yet";
        while (true)
        {
            var server = await client.CustomObjects.GetNamespacedCustomObjectAsync<CloudPeServer>(CloudPeServer.KubeGroup, CloudPeServer.KubeVersion,
                Namespace, CloudPeServer.KubePluralName, Name, ct);
            var ready = server.Status?.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
            if (ready?.Status == ConditionStatus.True)
            {
                return null;
            }

            if (ready is not null)
            {
                last = $"{ready.Reason}: {ready.Message}";
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }
}
