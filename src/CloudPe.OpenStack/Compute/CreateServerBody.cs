using System.Text.Json;
using CloudPe.OpenStack.Http;

namespace CloudPe.OpenStack.Compute;

/// <summary>Writes the POST /servers body (microversion 2.67 shape).</summary>
internal static class CreateServerBody
{
    public static byte[] Write(CreateServerRequest request) => JsonBody.Write(request, static (w, r) =>
    {
        w.WriteStartObject("server");
        w.WriteString("name", r.Name);
        w.WriteString("flavorRef", r.FlavorRef);
        if (r.BootVolume is { } boot)
        {
            w.WriteString("imageRef", string.Empty);
            w.WriteStartArray("block_device_mapping_v2");
            w.WriteStartObject();
            w.WriteNumber("boot_index", 0);
            w.WriteString("uuid", boot.ImageId);
            w.WriteString("source_type", "image");
            w.WriteString("destination_type", "volume");
            w.WriteNumber("volume_size", boot.SizeGb);
            if (!string.IsNullOrEmpty(boot.VolumeType))
            {
                w.WriteString("volume_type", boot.VolumeType);
            }

            w.WriteBoolean("delete_on_termination", boot.DeleteOnTermination);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        else if (!string.IsNullOrEmpty(r.ImageRef))
        {
            w.WriteString("imageRef", r.ImageRef);
        }

        w.WriteStartArray("networks");
        foreach (var network in r.Networks)
        {
            w.WriteStartObject();
            if (network.PortId is not null)
            {
                w.WriteString("port", network.PortId);
            }
            else
            {
                w.WriteString("uuid", network.NetworkId);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (r.SecurityGroups is { Count: > 0 })
        {
            w.WriteStartArray("security_groups");
            foreach (var group in r.SecurityGroups)
            {
                w.WriteStartObject();
                w.WriteString("name", group);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        WriteOptional(w, "adminPass", r.AdminPass);
        WriteOptional(w, "key_name", r.KeyName);
        WriteOptional(w, "user_data", r.UserData);
        WriteOptional(w, "availability_zone", r.AvailabilityZone);
        if (r.Metadata is { Count: > 0 })
        {
            w.WriteStartObject("metadata");
            foreach (var (key, value) in r.Metadata)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        }

        if (r.Tags is { Count: > 0 })
        {
            w.WriteStartArray("tags");
            foreach (var tag in r.Tags)
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}
