using CloudPe.OpenStack.Compute;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Reconcilers.Vm;
using Xunit;

namespace CloudPe.Operator.Tests.Vm;

public sealed class VmRulesTests
{
    [Fact]
    public void Generated_passwords_are_long_complex_and_different()
    {
        var passwords = Enumerable.Range(0, 500).Select(_ => PasswordGenerator.Generate()).ToList();

        Assert.All(passwords, p => Assert.True(PasswordGenerator.IsComplex(p), p.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(passwords, p => Assert.True(p.Length >= 16));
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Short1!", false)]
    [InlineData("alllowercase1234!", false)]
    [InlineData("NoDigitsHere!!!!x", false)]
    [InlineData("NoSymbols12345678", false)]
    [InlineData("Good-Passw0rd!abc", true)]
    public void Complexity_needs_sixteen_characters_of_four_kinds(string password, bool complex) =>
        Assert.Equal(complex, PasswordGenerator.IsComplex(password));

    [Theory]
    [InlineData(10, 30, 0, 30)]
    [InlineData(40, 30, 0, 40)]
    [InlineData(20, 10, 40, 40)]
    public void The_volume_size_is_the_largest_of_spec_floor_and_image_minimum(int spec, int floor, int image, int expected) =>
        Assert.Equal(expected, ResolveReferences.EffectiveSize(spec, floor, image));

    [Fact]
    public void Close_names_rank_by_containment_then_edit_distance()
    {
        var names = new[] { "c1.small", "c1.medium", "c1.large", "m1.large", "g1.gpu" };

        Assert.Equal("c1.medium", ClosestNames.Of("c1.mediun", names)[0]);
        Assert.Equal(["c1.large", "m1.large"], ClosestNames.Of("large", names).Take(2));
        Assert.Equal("the inventory has none", ClosestNames.Describe("x", []));
    }

    [Theory]
    [InlineData("ACTIVE", null, VmPhase.Running, PowerState.Running)]
    [InlineData("SHUTOFF", null, VmPhase.Stopped, PowerState.Stopped)]
    [InlineData("SUSPENDED", null, VmPhase.Suspended, PowerState.Suspended)]
    [InlineData("BUILD", "spawning", VmPhase.Provisioning, null)]
    [InlineData("RESIZE", "resize_prep", VmPhase.Resizing, null)]
    [InlineData("VERIFY_RESIZE", null, VmPhase.Resizing, null)]
    [InlineData("ERROR", null, VmPhase.Failed, null)]
    [InlineData("ACTIVE", "deleting", VmPhase.Deleting, PowerState.Running)]
    public void Nova_states_map_to_phases(string status, string? task, VmPhase phase, PowerState? power)
    {
        var server = new Server { Id = "s", Status = status, TaskState = task };

        Assert.Equal(phase, StatusMapping.PhaseOf(server));
        Assert.Equal(power, StatusMapping.PowerOf(server));
        Assert.Equal(task is not null || status == "BUILD", StatusMapping.IsBusy(server));
    }

    [Fact]
    public void Ip_versions_follow_the_ip_mode_and_the_status_shows_only_asked_families()
    {
        var server = new Server
        {
            Id = "s",
            Status = "ACTIVE",
            Addresses = new Dictionary<string, IReadOnlyList<ServerAddress>>
            {
                ["public-net"] = [new("2001:db8::5", 6, "fixed", null), new("203.0.113.5", 4, "fixed", null), new("198.51.100.9", 4, "floating", null)],
            },
        };
        var status = new CloudPeVMStatus();

        StatusMapping.Apply(status, server, IpMode.IPv4, null, null);

        Assert.Equal("198.51.100.9", status.Ipv4);
        Assert.Null(status.Ipv6);
        Assert.Equal(3, status.Addresses.Count);
        Assert.Equal([4, 6], ResolveReferences.IpVersionsOf(IpMode.DualStack));
    }
}
