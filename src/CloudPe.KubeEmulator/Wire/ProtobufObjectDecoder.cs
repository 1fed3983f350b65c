using System.Text;
using System.Text.Json.Nodes;

namespace CloudPe.KubeEmulator.Wire;

/// <summary>
/// Decodes the <c>application/vnd.kubernetes.protobuf</c> bodies <c>kubectl create secret|configmap|namespace</c>
/// sends: the <c>k8s\0</c> envelope (runtime.Unknown) around a Secret, ConfigMap or Namespace.
/// </summary>
internal static class ProtobufObjectDecoder
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 4 || !body[..4].SequenceEqual(Magic))
        {
            throw new FormatException("missing k8s protobuf envelope");
        }

        string apiVersion = "", kind = "";
        ReadOnlySpan<byte> raw = default;
        var envelope = new ProtobufReader(body[4..]);
        while (envelope.TryRead(out var field, out var bytes, out _))
        {
            if (field == 1)
            {
                var typeMeta = new ProtobufReader(bytes);
                while (typeMeta.TryRead(out var f, out var b, out _))
                {
                    if (f == 1)
                    {
                        apiVersion = Encoding.UTF8.GetString(b);
                    }
                    else if (f == 2)
                    {
                        kind = Encoding.UTF8.GetString(b);
                    }
                }
            }
            else if (field == 2)
            {
                raw = bytes;
            }
        }

        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        var reader = new ProtobufReader(raw);
        while (reader.TryRead(out var field, out var bytes, out var varint))
        {
            switch (kind, field)
            {
                case (_, 1):
                    obj["metadata"] = Metadata(bytes);
                    break;
                case ("Secret", 2):
                    AddMapEntry(obj, "data", bytes, binary: true);
                    break;
                case ("Secret", 3):
                    obj["type"] = Encoding.UTF8.GetString(bytes);
                    break;
                case ("Secret", 4):
                    AddMapEntry(obj, "stringData", bytes, binary: false);
                    break;
                case ("Secret" or "ConfigMap", 5) when bytes.IsEmpty:
                    obj["immutable"] = varint != 0;
                    break;
                case ("ConfigMap", 2):
                    AddMapEntry(obj, "data", bytes, binary: false);
                    break;
                case ("ConfigMap", 3):
                    AddMapEntry(obj, "binaryData", bytes, binary: true);
                    break;
                case ("ConfigMap", 4):
                    obj["immutable"] = varint != 0;
                    break;
                case ("SelfSubjectAccessReview", 2):
                    obj["spec"] = ReviewSpec(bytes);
                    break;
                default:
                    break;
            }
        }

        return obj;
    }

    private static JsonObject ReviewSpec(ReadOnlySpan<byte> bytes)
    {
        string[] names = ["", "namespace", "verb", "group", "version", "resource", "subresource", "name"];
        var spec = new JsonObject();
        var reader = new ProtobufReader(bytes);
        while (reader.TryRead(out var field, out var b, out _))
        {
            if (field != 1)
            {
                continue;
            }

            var attributes = new JsonObject();
            var inner = new ProtobufReader(b);
            while (inner.TryRead(out var f, out var v, out _))
            {
                if (f > 0 && f < names.Length)
                {
                    attributes[names[f]] = Encoding.UTF8.GetString(v);
                }
            }

            spec["resourceAttributes"] = attributes;
        }

        return spec;
    }

    private static JsonObject Metadata(ReadOnlySpan<byte> bytes)
    {
        var meta = new JsonObject();
        var reader = new ProtobufReader(bytes);
        while (reader.TryRead(out var field, out var b, out _))
        {
            switch (field)
            {
                case 1:
                    meta["name"] = Encoding.UTF8.GetString(b);
                    break;
                case 2:
                    meta["generateName"] = Encoding.UTF8.GetString(b);
                    break;
                case 3:
                    meta["namespace"] = Encoding.UTF8.GetString(b);
                    break;
                case 11:
                    AddMapEntry(meta, "labels", b, binary: false);
                    break;
                case 12:
                    AddMapEntry(meta, "annotations", b, binary: false);
                    break;
                case 14:
                    if (meta["finalizers"] is not JsonArray fin)
                    {
                        meta["finalizers"] = fin = [];
                    }

                    fin.Add(Encoding.UTF8.GetString(b));
                    break;
                default:
                    break;
            }
        }

        return meta;
    }

    private static void AddMapEntry(JsonObject target, string property, ReadOnlySpan<byte> entry, bool binary)
    {
        string key = "";
        string value = "";
        var reader = new ProtobufReader(entry);
        while (reader.TryRead(out var field, out var b, out _))
        {
            if (field == 1)
            {
                key = Encoding.UTF8.GetString(b);
            }
            else if (field == 2)
            {
                value = binary ? Convert.ToBase64String(b) : Encoding.UTF8.GetString(b);
            }
        }

        if (target[property] is not JsonObject map)
        {
            target[property] = map = [];
        }

        map[key] = value;
    }
}
