using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Reliability.Tests.Harness;
using k8s;
using k8s.Models;
using Xunit;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>Issue part 6: the operator works with the config/rbac ServiceAccount, and that token can do no more.</summary>
public sealed class LeastPrivilegeTests
{
    [Fact]
    public async Task The_operator_converges_with_the_service_account_token_and_requests_outside_its_role_are_denied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await World.StartAsync(new WorldOptions { Seed = 6 }, ct);
        await world.CreateVmAsync("rbac-1", World.Spec());
        Assert.Empty(await world.ConvergeAsync(TimeSpan.FromSeconds(60)));

        using var asOperator = new Kubernetes(World.Config(world.Api, world.OperatorToken));
        var denied = new List<(string What, Func<Task> Call)>
        {
            ("list pods", () => asOperator.CoreV1.ListNamespacedPodAsync(World.Ns, cancellationToken: ct)),
            ("create a CloudPeVM", () => asOperator.CustomObjects.CreateNamespacedCustomObjectAsync(
                new CloudPeVM { ApiVersion = "cloudpe.io/v1alpha1", Kind = "CloudPeVM", Metadata = new V1ObjectMeta { Name = "forged" }, Spec = World.Spec() },
                CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, World.Ns, CloudPeVM.KubePluralName, cancellationToken: ct)),
            ("delete a CloudPeVM", () => asOperator.CustomObjects.DeleteNamespacedCustomObjectAsync(CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, World.Ns, CloudPeVM.KubePluralName, "rbac-1", cancellationToken: ct)),
            ("delete a namespace", () => asOperator.CoreV1.DeleteNamespaceAsync(World.Ns, cancellationToken: ct)),
            ("create a ClusterRoleBinding", () => asOperator.RbacAuthorizationV1.CreateClusterRoleBindingAsync(
                new V1ClusterRoleBinding { Metadata = new V1ObjectMeta { Name = "escalate" }, RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" } },
                cancellationToken: ct)),
            ("write a Lease outside its namespace", () => asOperator.CoordinationV1.CreateNamespacedLeaseAsync(
                new V1Lease { Metadata = new V1ObjectMeta { Name = "elsewhere" }, Spec = new V1LeaseSpec { HolderIdentity = "x" } }, World.Ns, cancellationToken: ct)),
        };

        var allowed = new List<string>();
        foreach (var (what, call) in denied)
        {
            try
            {
                await call();
                allowed.Add(what);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Forbidden)
            {
                // Denied, as it must be.
            }
        }

        Assert.Empty(allowed);
        Assert.NotNull(await world.GetVmAsync("rbac-1"));
    }
}
