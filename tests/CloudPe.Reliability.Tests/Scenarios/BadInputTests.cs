using System.Text;
using System.Text.Json.Nodes;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Reliability.Tests.Harness;
using k8s;
using k8s.Models;
using Xunit;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>Issue part 4: malformed and hostile manifests are refused or reported; the operator neither crashes nor spins.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Hostile_manifests_are_rejected_or_reported_and_good_vms_still_converge_without_a_retry_storm()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await World.StartAsync(new WorldOptions { Seed = 4, RequestTimeout = TimeSpan.FromSeconds(5) }, ct);
        await using var garbage = new UnhelpfulEndpoint(garbage: true);
        await using var silent = new UnhelpfulEndpoint(garbage: false);
        await PrepareReferencesAsync(world, garbage, silent);

        var problems = new List<string>();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var manifests = BadManifests.All();
        foreach (var bad in manifests)
        {
            var body = new JsonObject
            {
                ["apiVersion"] = "cloudpe.io/v1alpha1",
                ["kind"] = "CloudPeVM",
                ["metadata"] = new JsonObject { ["name"] = bad.Name, ["namespace"] = World.Ns },
                ["spec"] = bad.Edit(BadManifests.BaseSpec()),
            };
            try
            {
                await world.Admin.CustomObjects.CreateNamespacedCustomObjectAsync(body, CloudPeVM.KubeGroup, CloudPeVM.KubeVersion, World.Ns, CloudPeVM.KubePluralName, cancellationToken: ct);
                if (bad.Rejected)
                {
                    problems.Add($"{bad.Name}: admitted, but {bad.Field} is invalid");
                }
                else
                {
                    expected[bad.Name] = bad.Reason ?? "*";
                }
            }
            catch (k8s.Autorest.HttpOperationException e)
            {
                var message = e.Response.Content ?? "";
                if (!bad.Rejected)
                {
                    problems.Add($"{bad.Name}: refused at admission ({(int)e.Response.StatusCode}), expected to be admitted and reported: {message[..Math.Min(200, message.Length)]}");
                }
                else if ((int)e.Response.StatusCode != 422 || !message.Contains(bad.Field!, StringComparison.Ordinal))
                {
                    problems.Add($"{bad.Name}: refused with {(int)e.Response.StatusCode} but the message does not name {bad.Field}: {message[..Math.Min(300, message.Length)]}");
                }
            }
        }

        // Good VMs next to the bad ones, one of them on each IP mode.
        await world.CreateVmAsync("good-v4", World.Spec());
        await world.CreateVmAsync("good-v6", World.Spec(network: "private-v6", ipMode: IpMode.IPv6));
        await world.CreateVmAsync("good-dual", World.Spec(network: "public-net", ipMode: IpMode.DualStack));
        problems.AddRange(await world.ConvergeAsync(TimeSpan.FromSeconds(60), expected));

        // Quiet period: ten minutes of operator time with nothing to do but fail. Back-off keeps the request count low.
        var cloudBefore = world.CloudRequests.Total;
        var garbageBefore = garbage.Connections;
        var silentBefore = silent.Connections;
        var writesBefore = world.Api.Admin.Writes;
        for (var i = 0; i < 60; i++)
        {
            await world.StepAsync(TimeSpan.FromSeconds(10));
        }

        var cloudRequests = world.CloudRequests.Total - cloudBefore;
        var unhelpful = garbage.Connections - garbageBefore + silent.Connections - silentBefore;
        var writes = world.Api.Admin.Writes - writesBefore;

        // The operator is still alive and still converges new work.
        await world.CreateVmAsync("good-late", World.Spec(flavor: "c1.medium"));
        problems.AddRange(await world.ConvergeAsync(TimeSpan.FromSeconds(60), expected));
        var leaks = await world.ScanForSecretsAsync();
        var critical = world.Logs.Lines.Where(l => l.StartsWith("Critical", StringComparison.Ordinal)).ToList();

        var rejected = manifests.Count(m => m.Rejected);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"bad input: {manifests.Count} manifests ({rejected} refused at admission, {manifests.Count - rejected} reported), 4 bad CloudPeServers; " +
            $"in 10 quiet minutes: {cloudRequests} OpenStack requests, {unhelpful} connections to the garbage/silent ports, {writes} API writes; " +
            $"log lines {world.Logs.Lines.Count}, errors {world.Logs.Errors}");
        Assert.True(manifests.Count >= 40);
        Assert.Empty(problems);
        Assert.Empty(leaks);
        Assert.Empty(critical);

        // No spin: per bad object at most a handful of attempts in ten minutes (an unthrottled loop makes thousands).
        Assert.True(cloudRequests + unhelpful <= 10 * (manifests.Count - rejected + 4), $"{cloudRequests} OpenStack requests and {unhelpful} connections in 10 quiet minutes");
        Assert.True(writes <= 2 * (manifests.Count - rejected + 4), $"{writes} API writes in 10 quiet minutes");
    }

    /// <summary>
    /// Bytes that are not UTF-8 cannot be the password the user meant: the operator must report the Secret, not boot
    /// the VM with a password made of replacement characters that matches nothing the user has.
    /// </summary>
    [Fact]
    public async Task A_password_secret_holding_binary_junk_is_reported_not_used()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await World.StartAsync(new WorldOptions { Seed = 8 }, ct);
        await world.CreateSecretAsync(BadManifests.JunkPasswordSecret, new Dictionary<string, byte[]> { ["password"] = [0xff, 0x00, 0xfe, 0x80, 0x01, 0xc3, 0x28, 0x0a, 0x00, 0xff] });
        var spec = World.Spec();
        spec.PasswordSecretRef = new SecretKeyReference { Name = BadManifests.JunkPasswordSecret };
        await world.CreateVmAsync("password-secret-binary", spec);

        var violations = await world.ConvergeAsync(TimeSpan.FromSeconds(30), new Dictionary<string, string> { ["password-secret-binary"] = "*" });

        Assert.Empty(violations);
        Assert.Equal(0, world.CloudRequests.Count("compute POST /servers"));
    }

    private static async Task PrepareReferencesAsync(World world, UnhelpfulEndpoint garbage, UnhelpfulEndpoint silent)
    {
        var ct = world.CancellationToken;
        await world.CreateSecretAsync(BadManifests.JunkPasswordSecret, new Dictionary<string, byte[]> { ["password"] = [0xff, 0x00, 0xfe, 0x80, 0x01, 0xc3, 0x28, 0x0a, 0x00, 0xff] });
        await world.CreateSecretAsync(BadManifests.EmptyPasswordSecret, new Dictionary<string, byte[]> { ["password"] = [] });
        await world.CreateSecretAsync("junk-app-credential", new Dictionary<string, byte[]>
        {
            [CloudPeServerSpec.ApplicationCredentialIdKey] = [0x00, 0xff, 0x10, 0x80],
            [CloudPeServerSpec.ApplicationCredentialSecretKey] = Encoding.UTF8.GetBytes("\u0000\u0001 not-a-secret \uFFFD\u202E"),
        });
        await world.CreateCloudPeServerAsync(BadManifests.GarbageServer, World.CredentialsSecret, garbage.Endpoint, "/openstack/14");
        await world.CreateCloudPeServerAsync(BadManifests.SilentServer, World.CredentialsSecret, silent.Endpoint, "/openstack/14");
        await world.CreateCloudPeServerAsync(BadManifests.JunkCredentialsServer, "junk-app-credential", world.Cloud.Endpoint, world.Cloud.ProjectPath);
        await world.CreateCloudPeServerAsync(BadManifests.MissingCredentialsServer, "no-such-credential", world.Cloud.Endpoint, world.Cloud.ProjectPath, createSecret: false);

        // A CloudPeServer and a Secret in another namespace: references never cross namespaces.
        await world.Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = BadManifests.OtherNamespace } }, cancellationToken: ct);
        await world.Admin.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "tenant-b-password" }, StringData = new Dictionary<string, string> { ["password"] = "Other-Tenant-Pw-1" } },
            BadManifests.OtherNamespace,
            cancellationToken: ct);
        await world.Admin.CustomObjects.CreateNamespacedCustomObjectAsync(
            new CloudPeServer
            {
                ApiVersion = "cloudpe.io/v1alpha1",
                Kind = "CloudPeServer",
                Metadata = new V1ObjectMeta { Name = BadManifests.OtherNamespaceServer, NamespaceProperty = BadManifests.OtherNamespace },
                Spec = new CloudPeServerSpec { Endpoint = world.Cloud.Endpoint, ProjectPath = world.Cloud.ProjectPath, Secure = false, CredentialsSecretRef = new SecretReference { Name = "nothing" } },
            },
            CloudPeServer.KubeGroup,
            CloudPeServer.KubeVersion,
            BadManifests.OtherNamespace,
            CloudPeServer.KubePluralName,
            cancellationToken: ct);
        world.Secrets.Add("Other-Tenant-Pw-1");
    }
}
