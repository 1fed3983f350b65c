namespace CloudPe.CloudSimulator.Model;

/// <summary>The inventory every simulated project starts with; IDs are name-based so they never change.</summary>
internal static class SeedData
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, int MinDisk, int MinRam, string Distro, string Version)[] NamedImages =
    [
        ("Ubuntu 24.04", 10, 512, "ubuntu", "24.04"),
        ("Debian 12", 10, 512, "debian", "12"),
        ("Rocky 9", 10, 1024, "rocky", "9"),
        ("Windows Server 2022", 40, 2048, "windows", "2022"),
        ("Ubuntu 22.04", 10, 512, "ubuntu", "22.04"),
        ("Ubuntu 20.04", 10, 512, "ubuntu", "20.04"),
        ("Debian 11", 10, 512, "debian", "11"),
        ("Debian 13", 10, 512, "debian", "13"),
        ("Rocky 8", 10, 1024, "rocky", "8"),
        ("AlmaLinux 9", 10, 1024, "almalinux", "9"),
        ("AlmaLinux 8", 10, 1024, "almalinux", "8"),
        ("CentOS Stream 9", 10, 1024, "centos", "9-stream"),
        ("CentOS Stream 10", 10, 1024, "centos", "10-stream"),
        ("Fedora 41", 10, 1024, "fedora", "41"),
        ("Fedora 42", 10, 1024, "fedora", "42"),
        ("openSUSE Leap 15.6", 10, 1024, "opensuse", "15.6"),
        ("Oracle Linux 9", 10, 1024, "oraclelinux", "9"),
        ("Arch Linux", 10, 512, "arch", "rolling"),
        ("FreeBSD 14", 10, 1024, "freebsd", "14"),
        ("Alpine 3.20", 5, 256, "alpine", "3.20"),
        ("Windows Server 2019", 40, 2048, "windows", "2019"),
        ("Windows Server 2025", 40, 4096, "windows", "2025"),
        ("cPanel AlmaLinux 8", 20, 2048, "almalinux", "8"),
        ("Plesk Ubuntu 22.04", 20, 2048, "ubuntu", "22.04"),
        ("Docker Ubuntu 24.04", 10, 1024, "ubuntu", "24.04"),
        ("WordPress Ubuntu 24.04", 10, 1024, "ubuntu", "24.04"),
        ("GitLab Ubuntu 22.04", 20, 4096, "ubuntu", "22.04"),
        ("Kali 2025.1", 20, 2048, "kali", "2025.1"),
        ("Rescue Image", 1, 128, "cirros", "0.6"),
    ];

    public static void Populate(CloudState state)
    {
        state.Flavors.AddRange(
        [
            Flavor("c1.small", 1, 2048, 20),
            Flavor("c1.medium", 2, 4096, 40),
            Flavor("c1.large", 4, 8192, 80),
            Flavor("c1.xlarge", 8, 16384, 160),
            Flavor("m1.large", 4, 16384, 80),
            Flavor("m1.xlarge", 8, 32768, 160),
            Flavor("g1.gpu", 8, 65536, 200),
        ]);

        for (var i = 0; i < NamedImages.Length; i++)
        {
            var (name, minDisk, minRam, distro, version) = NamedImages[i];
            state.Images.Add(new ImageRecord(IdSource.NameBased("image", name), name, minDisk, minRam, distro, version,
                (long)minDisk * 64 * 1024 * 1024, Epoch.AddDays(i)));
        }

        state.VolumeTypes.Add(new VolumeTypeRecord(IdSource.NameBased("volume-type", "General Purpose"), "General Purpose", "SSD-backed general purpose storage"));
        state.VolumeTypes.Add(new VolumeTypeRecord(IdSource.NameBased("volume-type", "High IOPS"), "High IOPS", "NVMe-backed storage"));

        // /16 IPv4 subnets hold a 10,000-server fleet; the pools start where the old /24s did, so the first
        // addresses handed out (203.0.113.100, 10.20.0.100, ...) stay the same.
        AddNetwork(state, "public-net", external: true,
            ("public-net-v4", 4, "203.0.0.0/16", [new AddressPool("203.0.113.100", "203.0.255.250"), new AddressPool("203.0.0.100", "203.0.113.99")]),
            ("public-net-v6", 6, "2001:db8:100::/64", []));
        AddNetwork(state, "private-v4", external: false, ("private-v4-subnet", 4, "10.20.0.0/16", [new AddressPool("10.20.0.100", "10.20.255.250")]));
        AddNetwork(state, "private-v6", external: false, ("private-v6-subnet", 6, "fd00:20::/64", []));

        state.SecurityGroups.Add(Group("default", "Default security group",
            Rule("default", "ingress", "IPv4", null, null, null, null), Rule("default", "ingress", "IPv6", null, null, null, null),
            Rule("default", "egress", "IPv4", null, null, null, null), Rule("default", "egress", "IPv6", null, null, null, null)));
        state.SecurityGroups.Add(Group("web", "HTTP, HTTPS and SSH from anywhere",
            Rule("web", "ingress", "IPv4", "tcp", 80, 80, "0.0.0.0/0"), Rule("web", "ingress", "IPv4", "tcp", 443, 443, "0.0.0.0/0"),
            Rule("web", "ingress", "IPv4", "tcp", 22, 22, "0.0.0.0/0"), Rule("web", "egress", "IPv4", null, null, null, null)));
        state.SecurityGroups.Add(Group("ssh-only", "SSH from anywhere",
            Rule("ssh-only", "ingress", "IPv4", "tcp", 22, 22, "0.0.0.0/0"), Rule("ssh-only", "ingress", "IPv6", "tcp", 22, 22, "::/0"),
            Rule("ssh-only", "egress", "IPv4", null, null, null, null)));
    }

    private static FlavorRecord Flavor(string name, int vcpus, int ram, int disk) =>
        new(IdSource.NameBased("flavor", name), name, vcpus, ram, disk);

    private static void AddNetwork(CloudState state, string name, bool external, params (string Name, int Version, string Cidr, AddressPool[] Pools)[] subnets)
    {
        var networkId = IdSource.NameBased("network", name);
        var ids = new List<string>();
        foreach (var (subnetName, version, cidr, pools) in subnets)
        {
            var id = IdSource.NameBased("subnet", subnetName);
            ids.Add(id);
            var gateway = version == 4 ? cidr[..cidr.LastIndexOf('.')] + ".1" : cidr[..cidr.IndexOf('/', StringComparison.Ordinal)] + "1";
            state.Subnets.Add(new SubnetRecord(id, subnetName, networkId, version, cidr, gateway, pools));
        }

        state.Networks.Add(new NetworkRecord(networkId, name, external, ids));
    }

    private static SecurityGroupRecord Group(string name, string description, params SecurityGroupRuleRecord[] rules) =>
        new(IdSource.NameBased("security-group", name), name, description, rules);

    private static SecurityGroupRuleRecord Rule(string group, string direction, string etherType, string? protocol, int? min, int? max, string? prefix) =>
        new(IdSource.NameBased("security-group-rule", $"{group}:{direction}:{etherType}:{protocol}:{min}"), direction, etherType, protocol, min, max, prefix);
}
