using k8s;
using k8s.Models;

namespace CloudPe.Reliability.Tests.Harness;

/// <summary>Applies the checked-in <c>config/rbac</c> manifests (ServiceAccount, roles, bindings) as an administrator.</summary>
internal static class RbacManifests
{
    /// <summary>Namespace of the ServiceAccount and the leader-election Lease in config/rbac.</summary>
    public const string OperatorNamespace = "cloudpe-system";

    public const string ServiceAccount = "cloudpe-operator";

    public static async Task ApplyAsync(Kubernetes admin, CancellationToken cancellationToken)
    {
        await admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = OperatorNamespace } }, cancellationToken: cancellationToken);
        var directory = Path.Combine(RepositoryRoot.Path, "config", "rbac");
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Where(f => !Path.GetFileName(f).StartsWith("kustomization", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            foreach (var obj in KubernetesYaml.LoadAllFromString(await File.ReadAllTextAsync(file, cancellationToken)))
            {
                switch (obj)
                {
                    case V1ServiceAccount sa:
                        await admin.CoreV1.CreateNamespacedServiceAccountAsync(sa, sa.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
                        break;
                    case V1Role role:
                        await admin.RbacAuthorizationV1.CreateNamespacedRoleAsync(role, role.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
                        break;
                    case V1RoleBinding binding:
                        await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(binding, binding.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
                        break;
                    case V1ClusterRole clusterRole:
                        await admin.RbacAuthorizationV1.CreateClusterRoleAsync(clusterRole, cancellationToken: cancellationToken);
                        break;
                    case V1ClusterRoleBinding clusterBinding:
                        await admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(clusterBinding, cancellationToken: cancellationToken);
                        break;
                    default:
                        throw new InvalidOperationException($"{file}: unexpected object {obj.GetType().Name}");
                }
            }
        }
    }
}
