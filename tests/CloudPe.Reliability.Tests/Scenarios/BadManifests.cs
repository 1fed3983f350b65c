using System.Text.Json.Nodes;

namespace CloudPe.Reliability.Tests.Scenarios;

/// <summary>The hostile inputs: wrong types, missing fields, huge strings, unicode, absurd sizes, unknown names, bad references.</summary>
internal static class BadManifests
{
    public const string GarbageServer = "garbage-port";
    public const string SilentServer = "silent-port";
    public const string JunkCredentialsServer = "junk-credentials";
    public const string MissingCredentialsServer = "missing-credentials";
    public const string JunkPasswordSecret = "junk-password";
    public const string EmptyPasswordSecret = "empty-password";
    public const string OtherNamespace = "tenant-b";
    public const string OtherNamespaceServer = "foreign";

    public static IReadOnlyList<BadManifest> All()
    {
        var huge = new string('x', 300);
        var list = new List<BadManifest>
        {
            Reject("flavor-number", "spec.flavor", s => Set(s, "flavor", 42)),
            Reject("flavor-missing", "spec.flavor", s => Remove(s, "flavor")),
            Reject("image-missing", "spec.image", s => Remove(s, "image")),
            Reject("network-missing", "spec.network", s => Remove(s, "network")),
            Reject("serverref-missing", "spec.serverRef", s => Remove(s, "serverRef")),
            Reject("serverref-number", "spec.serverRef", s => Set(s, "serverRef", 7)),
            Reject("hostname-underscore", "spec.hostname", s => Set(s, "hostname", "Web_01")),
            Reject("hostname-unicode", "spec.hostname", s => Set(s, "hostname", "wéb-ünïcode")),
            Reject("hostname-emoji", "spec.hostname", s => Set(s, "hostname", "web-\U0001F525")),
            Reject("hostname-long", "spec.hostname", s => Set(s, "hostname", new string('a', 64))),
            Reject("hostname-dash", "spec.hostname", s => Set(s, "hostname", "-web")),
            Reject("flavor-huge", "spec.flavor", s => Set(s, "flavor", huge)),
            Reject("image-huge", "spec.image", s => Set(s, "image", new string('i', 100_000))),
            Reject("network-huge", "spec.network", s => Set(s, "network", huge)),
            Reject("flavor-empty", "spec.flavor", s => Set(s, "flavor", "")),
            Reject("ipmode-unknown", "spec.ipMode", s => Set(s, "ipMode", "IPv5")),
            Reject("power-unknown", "spec.powerState", s => Set(s, "powerState", "Hibernating")),
            Reject("size-negative", "spec.volume.sizeGiB", s => Set(s, "volume", new JsonObject { ["sizeGiB"] = -5 })),
            Reject("size-zero", "spec.volume.sizeGiB", s => Set(s, "volume", new JsonObject { ["sizeGiB"] = 0 })),
            Reject("size-absurd", "spec.volume.sizeGiB", s => Set(s, "volume", new JsonObject { ["sizeGiB"] = 1_000_000_000_000 })),
            Reject("size-text", "spec.volume.sizeGiB", s => Set(s, "volume", new JsonObject { ["sizeGiB"] = "forty" })),
            Reject("size-fraction", "spec.volume.sizeGiB", s => Set(s, "volume", new JsonObject { ["sizeGiB"] = 40.5 })),
            Reject("volume-array", "spec.volume", s => Set(s, "volume", new JsonArray())),
            Reject("deletion-unknown", "spec.deletionPolicy", s => Set(s, "deletionPolicy", "Keep")),
            Reject("sg-empty", "spec.securityGroup", s => Set(s, "securityGroup", "")),
            Reject("keyname-huge", "spec.keyName", s => Set(s, "keyName", huge)),
            Reject("password-ref-nameless", "spec.passwordSecretRef.name", s => Set(s, "passwordSecretRef", new JsonObject { ["key"] = "password" })),

            Admit("flavor-unknown", "FlavorNotFound", s => Set(s, "flavor", "c9.enormous")),
            Admit("flavor-unicode", "FlavorNotFound", s => Set(s, "flavor", "c1.smäll")),
            Admit("image-unknown", "ImageNotFound", s => Set(s, "image", "TempleOS 5")),
            Admit("image-long-name", "ImageNotFound", s => Set(s, "image", new string('d', 255))),
            Admit("network-unknown", "NetworkNotFound", s => Set(s, "network", "dark-net")),
            Admit("network-injection", "NetworkNotFound", s => Set(s, "network", "private-v4'; DROP TABLE ports;--")),
            Admit("sg-unknown", "SecurityGroupNotFound", s => Set(s, "securityGroup", "open-to-all")),
            Admit("storage-unknown", "StoragePolicyNotFound", s => Set(s, "volume", new JsonObject { ["sizeGiB"] = 40, ["storagePolicy"] = "Platinum" })),
            Admit("ipv6-on-v4-net", "IpVersionUnavailable", s => Set(s, "ipMode", "IPv6")),
            Admit("dualstack-on-v6-net", "IpVersionUnavailable", s => { Set(s, "network", "private-v6"); return Set(s, "ipMode", "DualStack"); }),
            Admit("server-unknown", "WaitingForServer", s => Set(s, "serverRef", new JsonObject { ["name"] = "nowhere" })),
            Admit("server-other-namespace", "WaitingForServer", s => Set(s, "serverRef", new JsonObject { ["name"] = OtherNamespaceServer })),
            Admit("password-secret-missing", "PasswordSecretNotFound", s => Set(s, "passwordSecretRef", new JsonObject { ["name"] = "no-such-secret" })),
            Admit("password-secret-other-ns", "PasswordSecretNotFound", s => Set(s, "passwordSecretRef", new JsonObject { ["name"] = "tenant-b-password" })),
            Admit("password-secret-wrong-key", "PasswordSecretNotFound", s => Set(s, "passwordSecretRef", new JsonObject { ["name"] = JunkPasswordSecret, ["key"] = "missing" })),
            Admit("password-secret-empty", "PasswordSecretNotFound", s => Set(s, "passwordSecretRef", new JsonObject { ["name"] = EmptyPasswordSecret })),
            Admit("server-answers-garbage", "ServerNotReady", s => Set(s, "serverRef", new JsonObject { ["name"] = GarbageServer })),
            Admit("server-never-answers", "ServerNotReady", s => Set(s, "serverRef", new JsonObject { ["name"] = SilentServer })),
            Admit("server-junk-credentials", "ServerNotReady", s => Set(s, "serverRef", new JsonObject { ["name"] = JunkCredentialsServer })),
            Admit("server-missing-credentials", "ServerNotReady", s => Set(s, "serverRef", new JsonObject { ["name"] = MissingCredentialsServer })),
            Admit("flavor-is-an-image", "FlavorNotFound", s => Set(s, "flavor", "Ubuntu 24.04")),
        };
        return list;
    }

    public static JsonObject BaseSpec() => new()
    {
        ["serverRef"] = new JsonObject { ["name"] = Harness.World.ServerName },
        ["flavor"] = "c1.small",
        ["image"] = "Debian 12",
        ["network"] = "private-v4",
    };

    private static BadManifest Reject(string name, string field, Func<JsonObject, JsonObject> edit) => new(name, true, field, null, edit);

    private static BadManifest Admit(string name, string? reason, Func<JsonObject, JsonObject> edit) => new(name, false, null, reason, edit);

    private static JsonObject Set(JsonObject spec, string key, JsonNode? value)
    {
        spec[key] = value;
        return spec;
    }

    private static JsonObject Remove(JsonObject spec, string key)
    {
        spec.Remove(key);
        return spec;
    }
}
