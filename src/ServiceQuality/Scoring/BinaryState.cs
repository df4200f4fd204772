using System.Buffers.Binary;

namespace ServiceQuality.Scoring;

/// <summary>
/// The kinds of state in the compact binary format of the accumulators: the second byte of every state, after the
/// format version. See <c>docs/scoring.md</c>, "Serialization".
/// </summary>
internal enum BinaryKind : byte
{
    Ratings = 1,
    Mean = 2,
    Proportion = 3,
    NpsCategories = 4,
    Scorecard = 5,
    ComplaintKpis = 6,
    ComplaintMeasures = 7,
}

/// <summary>
/// Writes and reads the compact, versioned binary state of the accumulators: a version byte, a kind byte, then the
/// payload — counts as unsigned LEB128 varints, doubles as 8 little-endian bytes (IEEE 754), 64-bit integers (ticks) as
/// 8 little-endian bytes, strings as a varint byte
/// length and UTF-8. Every read checks bounds and returns <see langword="false"/> on malformed input, never throws.
/// </summary>
internal ref struct BinaryState
{
    /// <summary>The version of the binary format written by this library; readers refuse other versions.</summary>
    public const byte Version = 1;

    /// <summary>The most bytes a varint of a non-negative <see cref="long"/> takes.</summary>
    public const int MaxVarintSize = 9;

    private readonly Span<byte> _destination;
    private readonly ReadOnlySpan<byte> _source;

    private BinaryState(Span<byte> destination, ReadOnlySpan<byte> source)
    {
        _destination = destination;
        _source = source;
    }

    /// <summary>Gets the bytes written or read so far.</summary>
    public int Position { get; private set; }

    /// <summary>Gets whether every operation so far fitted (writing) or was well-formed (reading).</summary>
    public bool Ok { get; private set; }

    /// <summary>Gets the space left for a nested state written by its own <c>TryWriteTo</c>.</summary>
    public readonly Span<byte> Free => Ok ? _destination[Position..] : default;

    /// <summary>Gets the bytes left for a nested state read by its own <c>TryReadFrom</c>.</summary>
    public readonly ReadOnlySpan<byte> Rest => Ok ? _source[Position..] : default;

    /// <summary>Records a nested state of <paramref name="bytes"/> bytes, or marks the state failed when the nested call failed.</summary>
    public void Nested(bool ok, int bytes)
    {
        if (Ok && ok)
        {
            Position += bytes;
        }
        else
        {
            Ok = false;
        }
    }

    public static BinaryState Writer(Span<byte> destination, BinaryKind kind)
    {
        var state = new BinaryState(destination, default) { Ok = true };
        state.WriteByte(Version);
        state.WriteByte((byte)kind);
        return state;
    }

    public static BinaryState Reader(ReadOnlySpan<byte> source, BinaryKind kind)
    {
        var state = new BinaryState(default, source) { Ok = true };
        state.Ok = state.ReadByte() == Version && state.ReadByte() == (byte)kind;
        return state;
    }

    /// <summary>The size of <paramref name="value"/> as a varint.</summary>
    public static int VarintSize(long value)
    {
        var size = 1;
        for (var v = (ulong)value; v >= 0x80; v >>= 7)
        {
            size++;
        }

        return size;
    }

    /// <summary>The size of <paramref name="text"/> as a varint length and its UTF-8 bytes.</summary>
    public static int StringSize(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        return VarintSize(bytes) + bytes;
    }

    public void WriteByte(byte value)
    {
        if (Ok && Position < _destination.Length)
        {
            _destination[Position++] = value;
        }
        else
        {
            Ok = false;
        }
    }

    public void WriteVarint(long value)
    {
        for (var v = (ulong)value; Ok; v >>= 7)
        {
            WriteByte(v >= 0x80 ? (byte)(v | 0x80) : (byte)v);
            if (v < 0x80)
            {
                break;
            }
        }
    }

    public void WriteDouble(double value)
    {
        if (Ok && Position + 8 <= _destination.Length)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(_destination[Position..], value);
            Position += 8;
        }
        else
        {
            Ok = false;
        }
    }

    public void WriteInt64(long value)
    {
        if (Ok && Position + 8 <= _destination.Length)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_destination[Position..], value);
            Position += 8;
        }
        else
        {
            Ok = false;
        }
    }

    public void WriteString(string text)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(text);
        WriteVarint(length);
        if (Ok && Position + length <= _destination.Length)
        {
            Position += System.Text.Encoding.UTF8.GetBytes(text, _destination[Position..]);
        }
        else
        {
            Ok = false;
        }
    }

    public byte ReadByte()
    {
        if (Ok && Position < _source.Length)
        {
            return _source[Position++];
        }

        Ok = false;
        return 0;
    }

    /// <summary>Reads a varint of a non-negative <see cref="long"/>; anything longer or larger is malformed.</summary>
    public long ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; Ok; shift += 7)
        {
            var b = ReadByte();
            if (shift == 56 && b > 0x7F)
            {
                Ok = false;
                break;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return Ok ? (long)value : 0;
    }

    public double ReadDouble()
    {
        if (Ok && Position + 8 <= _source.Length)
        {
            var value = BinaryPrimitives.ReadDoubleLittleEndian(_source[Position..]);
            Position += 8;
            return value;
        }

        Ok = false;
        return 0;
    }

    public long ReadInt64()
    {
        if (Ok && Position + 8 <= _source.Length)
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(_source[Position..]);
            Position += 8;
            return value;
        }

        Ok = false;
        return 0;
    }

    public string ReadString()
    {
        var length = ReadVarint();
        if (Ok && length <= _source.Length - Position)
        {
            try
            {
                var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(_source.Slice(Position, (int)length));
                Position += (int)length;
                return text;
            }
            catch (System.Text.DecoderFallbackException)
            {
                // Not UTF-8: malformed.
            }
        }

        Ok = false;
        return string.Empty;
    }
}
