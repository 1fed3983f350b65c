using System.Globalization;
using System.Text.Json;
using CloudPe.Operator.Api.V1Alpha1;
using k8s;
using k8s.Models;
using Xunit;
using static CloudPe.Operator.Tests.Crds.GeneratedCrds;

namespace CloudPe.Operator.Tests.Crds;

/// <summary>
/// What the operator writes with KubernetesClient must fit the CRD: a field the schema lacks would be
/// pruned by the API server, a wrong type or enum value rejected.
/// </summary>
public sealed class ApiTypesMatchCrdTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fully_populated_vm_serialises_to_what_its_crd_accepts()
    {
        var json = KubernetesJson.Serialize(FullVm());

        Assert.Empty(Violations(JsonDocument.Parse(json).RootElement, Schema(CrdFileNames.Vms), ""));
        Assert.Contains("\"ipMode\":\"DualStack\"", json, StringComparison.Ordinal);
        Assert.Contains("\"phase\":\"Running\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fully_populated_server_serialises_to_what_its_crd_accepts()
    {
        var json = KubernetesJson.Serialize(FullServer());

        Assert.Empty(Violations(JsonDocument.Parse(json).RootElement, Schema(CrdFileNames.Servers), ""));
        Assert.Contains("\"volumev3\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vm_round_trips_through_kubernetes_json()
    {
        var json = KubernetesJson.Serialize(FullVm());

        var back = KubernetesJson.Deserialize<CloudPeVM>(json);

        Assert.Equal(json, KubernetesJson.Serialize(back));
        Assert.Equal(IpMode.DualStack, back.Spec.IpMode);
        Assert.Equal(Now, back.Status.LastSyncTime);
    }

    [Fact]
    public void New_objects_carry_api_version_kind_and_the_crd_defaults()
    {
        var vm = new CloudPeVM();
        var server = new CloudPeServer();

        Assert.Equal("cloudpe.io/v1alpha1", vm.ApiVersion);
        Assert.Equal("CloudPeVM", vm.Kind);
        Assert.Equal("CloudPeServer", server.Kind);
        AssertDefaultsMatch(KubernetesJson.Serialize(vm.Spec), Property(CrdFileNames.Vms, "spec"), "spec");
        AssertDefaultsMatch(KubernetesJson.Serialize(server.Spec), Property(CrdFileNames.Servers, "spec"), "spec");
    }

    [Fact]
    public void Entity_constants_agree_with_the_crds()
    {
        var vmNames = Map(Map(Crd(CrdFileNames.Vms)["spec"])["names"]);
        var serverNames = Map(Map(Crd(CrdFileNames.Servers)["spec"])["names"]);

        Assert.Equal(CloudPeVM.KubePluralName, vmNames["plural"]);
        Assert.Equal(CloudPeVM.KubeKind, vmNames["kind"]);
        Assert.Equal(CloudPeVMList.KubeKind, vmNames["listKind"]);
        Assert.Equal(CloudPeServer.KubePluralName, serverNames["plural"]);
        Assert.Equal(CloudPeServerList.KubeKind, serverNames["listKind"]);
        Assert.Equal(CloudPeApiGroup.Category, Strings(vmNames["categories"]).Single());
    }

    private static void AssertDefaultsMatch(string specJson, Dictionary<object, object> specSchema, string path)
    {
        var spec = JsonDocument.Parse(specJson).RootElement;
        foreach (var (name, child) in Map(specSchema["properties"]))
        {
            var node = Map(child);
            if (node.TryGetValue("default", out var value) && value is string scalar)
            {
                Assert.True(spec.TryGetProperty((string)name, out var actual), $"{path}.{name}: no C# default");
                var text = actual.ValueKind is JsonValueKind.True or JsonValueKind.False ? actual.GetRawText() : actual.ToString();
                Assert.True(scalar == text, $"{path}.{name}: CRD default {scalar}, C# default {text}");
            }
            else if (node.ContainsKey("default") && spec.TryGetProperty((string)name, out var nested))
            {
                AssertDefaultsMatch(nested.GetRawText(), node, $"{path}.{name}");
            }
        }
    }

    private static List<string> Violations(JsonElement value, Dictionary<object, object> schema, string path)
    {
        var type = (string)schema["type"];
        var problems = new List<string>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when type == "object":
                if (!schema.TryGetValue("properties", out var properties))
                {
                    break; // metadata: the API server's own schema
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (Map(properties).TryGetValue(property.Name, out var child))
                    {
                        problems.AddRange(Violations(property.Value, Map(child), $"{path}.{property.Name}"));
                    }
                    else
                    {
                        problems.Add($"{path}.{property.Name}: not in the schema (would be pruned)");
                    }
                }

                break;
            case JsonValueKind.Array when type == "array":
                foreach (var item in value.EnumerateArray())
                {
                    problems.AddRange(Violations(item, Map(schema["items"]), path + "[]"));
                }

                break;
            case JsonValueKind.String when type == "string":
                if (schema.TryGetValue("enum", out var allowed) && !Strings(allowed).Contains(value.GetString()))
                {
                    problems.Add($"{path}: {value.GetString()} not in enum");
                }

                if ((string?)schema.GetValueOrDefault("format") == "date-time"
                    && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{path}: {value.GetString()} is not a date-time");
                }

                break;
            case JsonValueKind.Number when type == "integer" && value.TryGetInt64(out _):
            case JsonValueKind.True or JsonValueKind.False when type == "boolean":
                break;
            default:
                problems.Add($"{path}: {value.ValueKind} where the schema says {type}");
                break;
        }

        return problems;
    }

    private static CloudPeVM FullVm() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-01", NamespaceProperty = "tenant-a" },
        Spec = new CloudPeVMSpec
        {
            ServerRef = new LocalObjectReference { Name = "mumbai" },
            Hostname = "web-01",
            Flavor = "c1.medium",
            Image = "ubuntu-24.04",
            Network = "public-net",
            IpMode = IpMode.DualStack,
            SecurityGroup = "web",
            Volume = new VolumeSpec { SizeGiB = 40, StoragePolicy = "General Purpose" },
            PowerState = PowerState.Stopped,
            PasswordSecretRef = new SecretKeyReference { Name = "web-01-password", Key = "password" },
            KeyName = "ops",
            DeletionPolicy = DeletionPolicy.Orphan,
        },
        Status = new CloudPeVMStatus
        {
            ObservedGeneration = 2,
            VmId = "0d3c",
            Phase = VmPhase.Running,
            PowerState = PowerState.Running,
            OpenStackStatus = "ACTIVE",
            TaskState = "",
            Ipv4 = "203.0.113.10",
            Ipv6 = "2001:db8::10",
            Addresses = [new VmAddress { Network = "public-net", Address = "203.0.113.10", Version = 4, Type = "fixed" }],
            FlavorId = "f1",
            ImageId = "i1",
            OsName = "Ubuntu 24.04",
            VolumeId = "v1",
            VolumeSizeGiB = 40,
            Console = new ConsoleStatus { Url = "https://console.example/vnc", Protocol = "vnc", IssuedAt = Now, ExpiresAt = Now.AddMinutes(10) },
            LastSyncTime = Now,
            HandledActions = new HandledActions { Restart = "t1", Console = "t2", Sync = "t3", PasswordReset = "t4" },
            Conditions = [Ready()],
        },
    };

    private static CloudPeServer FullServer() => new()
    {
        Metadata = new V1ObjectMeta { Name = "mumbai", NamespaceProperty = "tenant-a" },
        Spec = new CloudPeServerSpec
        {
            Endpoint = "cmp.dashboard.controlcloud.app",
            ProjectPath = "/openstack/14",
            Secure = true,
            CredentialsSecretRef = new SecretReference { Name = "mumbai-app-credential" },
            CaBundleSecretRef = new SecretKeyReference { Name = "corp-ca", Key = "ca.crt" },
            Region = "RegionOne",
            MinVolumeSizeGiB = 30,
            InventoryRefreshInterval = "10m",
        },
        Status = new CloudPeServerStatus
        {
            ObservedGeneration = 3,
            Conditions = [Ready()],
            AuthUrl = "https://cmp.dashboard.controlcloud.app/openstack/14/v3",
            ProjectId = "6f0c",
            Endpoints = new ServiceEndpointsStatus { Compute = "https://c", Network = "https://n", VolumeV3 = "https://v", Image = "https://i" },
            ComputeMaxMicroversion = "2.96",
            Inventory = new ServerInventory
            {
                RefreshedAt = Now,
                Flavors = [new InventoryFlavor { Id = "f1", Name = "c1.medium", Vcpus = 2, RamMiB = 4096, DiskGiB = 0 }],
                FlavorCount = 1,
                Images = [new InventoryImage { Id = "i1", Name = "ubuntu-24.04", MinDiskGiB = 10, OsDistro = "ubuntu", OsVersion = "24.04" }],
                ImageCount = 1,
                Networks = [new InventoryNetwork { Id = "n1", Name = "public-net", IpVersions = [4, 6], External = true }],
                NetworkCount = 1,
                SecurityGroups = [new InventorySecurityGroup { Id = "s1", Name = "default" }],
                SecurityGroupCount = 1,
                VolumeTypes = [new InventoryVolumeType { Id = "v1", Name = "General Purpose" }],
                VolumeTypeCount = 1,
            },
        },
    };

    private static Condition Ready() => new()
    {
        Type = ConditionTypes.Ready,
        Status = ConditionStatus.True,
        ObservedGeneration = 2,
        LastTransitionTime = Now,
        Reason = "Available",
        Message = "VM is running",
    };
}
