namespace CloudPe.KubeEmulator.Wire;

/// <summary>Reads protobuf wire-format fields (varint and length-delimited; fixed sizes are skipped).</summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public bool TryRead(out int field, out ReadOnlySpan<byte> bytes, out ulong varint)
    {
        bytes = default;
        varint = 0;
        field = 0;
        if (_pos >= _data.Length)
        {
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        switch (tag & 7)
        {
            case 0:
                varint = ReadVarint();
                break;
            case 1:
                _pos += 8;
                break;
            case 2:
                var len = (int)ReadVarint();
                if (len < 0 || _pos + len > _data.Length)
                {
                    throw new FormatException("truncated protobuf field");
                }

                bytes = _data.Slice(_pos, len);
                _pos += len;
                break;
            case 5:
                _pos += 4;
                break;
            default:
                throw new FormatException("unsupported protobuf wire type");
        }

        return true;
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length)
            {
                throw new FormatException("truncated protobuf varint");
            }

            var b = _data[_pos++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("protobuf varint too long");
    }
}
