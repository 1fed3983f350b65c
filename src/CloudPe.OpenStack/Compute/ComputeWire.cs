using System.Text.Json.Serialization;
using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.Compute;

/// <summary>GET /servers/{id}.</summary>
internal sealed class ServerEnvelopeWire
{
    [JsonPropertyName("server")]
    public ServerWire? Server { get; set; }
}

/// <summary>GET /servers/detail page.</summary>
internal sealed class ServerListWire
{
    [JsonPropertyName("servers")]
    public List<ServerWire>? Servers { get; set; }

    [JsonPropertyName("servers_links")]
    public List<LinkWire>? Links { get; set; }
}

/// <summary>A server as Nova sends it.</summary>
internal sealed class ServerWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("OS-EXT-STS:task_state")]
    public string? TaskState { get; set; }

    [JsonPropertyName("OS-EXT-STS:vm_state")]
    public string? VmState { get; set; }

    [JsonPropertyName("OS-EXT-STS:power_state")]
    public int? PowerState { get; set; }

    [JsonPropertyName("addresses")]
    public Dictionary<string, List<AddressWire>>? Addresses { get; set; }

    [JsonPropertyName("flavor")]
    public ServerFlavorWire? Flavor { get; set; }

    // "" for a server booted from volume, {"id":…} otherwise.
    [JsonPropertyName("image")]
    [JsonConverter(typeof(ImageReferenceConverter))]
    public string? Image { get; set; }

    [JsonPropertyName("os-extended-volumes:volumes_attached")]
    public List<IdWire>? VolumesAttached { get; set; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, string>? Metadata { get; set; }

    [JsonPropertyName("tags")]
    public List<string>? Tags { get; set; }

    [JsonPropertyName("fault")]
    public FaultWire? Fault { get; set; }

    [JsonPropertyName("created")]
    public string? Created { get; set; }

    [JsonPropertyName("updated")]
    public string? Updated { get; set; }
}

/// <summary>One address entry.</summary>
internal sealed class AddressWire
{
    [JsonPropertyName("addr")]
    public string? Addr { get; set; }

    [JsonPropertyName("version")]
    public int Version { get; set; }

    [JsonPropertyName("OS-EXT-IPS:type")]
    public string? Type { get; set; }

    [JsonPropertyName("OS-EXT-IPS-MAC:mac_addr")]
    public string? Mac { get; set; }
}

/// <summary>Embedded flavor (id before 2.47, sizes from 2.47).</summary>
internal sealed class ServerFlavorWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("original_name")]
    public string? OriginalName { get; set; }

    [JsonPropertyName("vcpus")]
    public int? Vcpus { get; set; }

    [JsonPropertyName("ram")]
    public int? Ram { get; set; }

    [JsonPropertyName("disk")]
    public int? Disk { get; set; }
}

/// <summary>Server fault.</summary>
internal sealed class FaultWire
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

/// <summary>An object with an id.</summary>
internal sealed class IdWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary>POST /servers answer.</summary>
internal sealed class CreatedServerEnvelopeWire
{
    [JsonPropertyName("server")]
    public CreatedServerWire? Server { get; set; }
}

/// <summary>The created server: ID and admin password.</summary>
internal sealed class CreatedServerWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("adminPass")]
    public string? AdminPass { get; set; }
}

/// <summary>GET /flavors/detail page.</summary>
internal sealed class FlavorListWire
{
    [JsonPropertyName("flavors")]
    public List<FlavorWire>? Flavors { get; set; }

    [JsonPropertyName("flavors_links")]
    public List<LinkWire>? Links { get; set; }
}

/// <summary>A flavor.</summary>
internal sealed class FlavorWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("vcpus")]
    public int Vcpus { get; set; }

    [JsonPropertyName("ram")]
    public int Ram { get; set; }

    [JsonPropertyName("disk")]
    public int Disk { get; set; }
}

/// <summary>Console answers: remote_console (2.6+) or console (os-getVNCConsole).</summary>
internal sealed class ConsoleEnvelopeWire
{
    [JsonPropertyName("remote_console")]
    public ConsoleWire? RemoteConsole { get; set; }

    [JsonPropertyName("console")]
    public ConsoleWire? Console { get; set; }
}

/// <summary>A console URL.</summary>
internal sealed class ConsoleWire
{
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }
}

/// <summary>The compute version document (GET on the compute endpoint).</summary>
internal sealed class VersionEnvelopeWire
{
    [JsonPropertyName("version")]
    public VersionWire? Version { get; set; }
}

/// <summary>One API version.</summary>
internal sealed class VersionWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("min_version")]
    public string? MinVersion { get; set; }
}
