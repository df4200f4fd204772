using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Serialization;

/// <summary>
/// The primitives of the accumulators' compact binary format (<c>docs/scoring.md</c>, "Serialization"), tested directly:
/// the accumulators' round-trip tests go through them, but never at the edges (exact fits, the longest varint, a string
/// that does not fit, bytes that are not UTF-8) where a wrong bound silently corrupts a partial result that travels.
/// </summary>
public sealed class BinaryStateTests
{
    // Unsigned LEB128 as Protocol Buffers writes it ("Base 128 Varints", protobuf.dev/programming-guides/encoding):
    // 1 is 01, 150 is 96 01, 300 is AC 02; the seven low bits first, the high bit set on every byte but the last.
    [Theory]
    [InlineData(0L, new byte[] { 0x00 })]
    [InlineData(1L, new byte[] { 0x01 })]
    [InlineData(0x7FL, new byte[] { 0x7F })]
    [InlineData(0x80L, new byte[] { 0x80, 0x01 })]
    [InlineData(150L, new byte[] { 0x96, 0x01 })]
    [InlineData(300L, new byte[] { 0xAC, 0x02 })]
    [InlineData(0x3FFFL, new byte[] { 0xFF, 0x7F })]
    [InlineData(0x4000L, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(long.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F })]
    public void WriteVarint_KnownValues_WritesProtobufBytes(long value, byte[] expected)
    {
        var buffer = new byte[2 + BinaryState.MaxVarintSize];
        var writer = BinaryState.Writer(buffer, BinaryKind.Mean);
        writer.WriteVarint(value);

        Assert.True(writer.Ok);
        Assert.Equal(2 + expected.Length, writer.Position);
        Assert.Equal(expected.Length, BinaryState.VarintSize(value));
        Assert.Equal([BinaryState.Version, (byte)BinaryKind.Mean, .. expected], buffer[..writer.Position]);

        var reader = BinaryState.Reader(buffer.AsSpan(0, writer.Position), BinaryKind.Mean);
        Assert.Equal(value, reader.ReadVarint());
        Assert.True(reader.Ok);
        Assert.Equal(writer.Position, reader.Position);
    }

    [Property]
    public bool Varint_RoundTrips_InItsOwnSize(NonNegativeInt small, long any)
    {
        foreach (var value in new[] { (long)small.Get, any & long.MaxValue })
        {
            var buffer = new byte[2 + BinaryState.VarintSize(value)];
            var writer = BinaryState.Writer(buffer, BinaryKind.Ratings);
            writer.WriteVarint(value);
            var reader = BinaryState.Reader(buffer, BinaryKind.Ratings);
            if (!writer.Ok || writer.Position != buffer.Length || reader.ReadVarint() != value || !reader.Ok || reader.Position != buffer.Length)
            {
                return false;
            }
        }

        return true;
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]                                                             // truncated: a continuation bit and nothing after
    [InlineData(new byte[] { 0x80, 0x80 })]                                                       // truncated
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x01 })]       // ten bytes: more than 63 bits
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]       // 2^64 - 1: not a long
    public void ReadVarint_TruncatedOrTooLong_IsMalformedAndReadsZero(byte[] payload)
    {
        var reader = BinaryState.Reader([BinaryState.Version, (byte)BinaryKind.Mean, .. payload], BinaryKind.Mean);

        Assert.Equal(0, reader.ReadVarint());
        Assert.False(reader.Ok);
        Assert.True(reader.Rest.IsEmpty);
    }

    [Theory]
    [InlineData(1, BinaryState.Version, (byte)BinaryKind.Mean)]          // the version byte alone: no kind
    [InlineData(3, 2, (byte)BinaryKind.Mean)]                            // another version
    [InlineData(3, BinaryState.Version, (byte)BinaryKind.Proportion)]    // another kind
    public void Reader_WrongLengthVersionOrKind_IsMalformed(int length, byte version, byte kind)
    {
        var reader = BinaryState.Reader(new byte[] { version, kind, 0x01 }.AsSpan(0, length), BinaryKind.Mean);

        Assert.False(reader.Ok);
        Assert.True(BinaryState.Reader(new byte[] { BinaryState.Version, (byte)BinaryKind.Mean, 0x01 }, BinaryKind.Mean).Ok);
    }

    [Fact]
    public void WriteDoubleAndInt64_ExactFit_SucceedOneByteShort_Fails()
    {
        var exact = new byte[2 + 8 + 8];
        var writer = BinaryState.Writer(exact, BinaryKind.Mean);
        writer.WriteDouble(-0.1);
        writer.WriteInt64(long.MinValue);
        Assert.True(writer.Ok);
        Assert.Equal(exact.Length, writer.Position);
        Assert.True(writer.Free.IsEmpty);

        var reader = BinaryState.Reader(exact, BinaryKind.Mean);
        Assert.Equal(-0.1, reader.ReadDouble());
        Assert.Equal(long.MinValue, reader.ReadInt64());
        Assert.True(reader.Ok);

        var shortDouble = BinaryState.Writer(new byte[2 + 7], BinaryKind.Mean);
        shortDouble.WriteDouble(1);
        Assert.False(shortDouble.Ok);
        Assert.Equal(2, shortDouble.Position);

        var shortInt64 = BinaryState.Writer(new byte[2 + 7], BinaryKind.Mean);
        shortInt64.WriteInt64(1);
        Assert.False(shortInt64.Ok);

        var truncated = BinaryState.Reader(exact.AsSpan(0, 2 + 8 + 7), BinaryKind.Mean);
        Assert.Equal(-0.1, truncated.ReadDouble());
        Assert.Equal(0, truncated.ReadInt64());
        Assert.False(truncated.Ok);
        Assert.Equal(0, BinaryState.Reader(exact.AsSpan(0, 2 + 7), BinaryKind.Mean).ReadDouble());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Availability")]
    [InlineData("café ✓ 😀 Straße")]
    public void WriteString_RoundTrips_InStringSize(string text)
    {
        var size = BinaryState.StringSize(text);
        Assert.Equal(BinaryState.VarintSize(System.Text.Encoding.UTF8.GetByteCount(text)) + System.Text.Encoding.UTF8.GetByteCount(text), size);

        var buffer = new byte[2 + size + 1];
        var writer = BinaryState.Writer(buffer, BinaryKind.Scorecard);
        writer.WriteString(text);
        writer.WriteByte(0x2A);
        Assert.True(writer.Ok);
        Assert.Equal(buffer.Length, writer.Position);

        var reader = BinaryState.Reader(buffer, BinaryKind.Scorecard);
        Assert.Equal(text, reader.ReadString());
        Assert.Equal(0x2A, reader.ReadByte());
        Assert.True(reader.Ok);
        Assert.Equal(buffer.Length, reader.Position);
    }

    [Fact]
    public void WriteString_OneByteShort_FailsAndFreeIsEmpty()
    {
        var text = "café";                      // 5 UTF-8 bytes and a 1-byte length
        var writer = BinaryState.Writer(new byte[2 + 5], BinaryKind.Scorecard);
        writer.WriteString(text);

        Assert.False(writer.Ok);
        Assert.True(writer.Free.IsEmpty);
        writer.WriteByte(1);                     // nothing is written after a failure
        Assert.False(writer.Ok);
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0xC3, 0x28 })]        // an invalid two-byte sequence
    [InlineData(new byte[] { 0x03, 0xED, 0xA0, 0x80 })]  // a UTF-16 surrogate (U+D800) encoded as UTF-8: not UTF-8
    [InlineData(new byte[] { 0x05, 0x61, 0x62 })]        // a length beyond the end
    [InlineData(new byte[] { 0x80 })]                    // a truncated length
    public void ReadString_NotUtf8OrTruncated_IsMalformedAndEmpty(byte[] payload)
    {
        var reader = BinaryState.Reader([BinaryState.Version, (byte)BinaryKind.Scorecard, .. payload], BinaryKind.Scorecard);

        Assert.Equal(string.Empty, reader.ReadString());
        Assert.False(reader.Ok);
    }

    [Fact]
    public void Nested_AdvancesByTheNestedSize_AndAFailedNestedStateFailsTheWhole()
    {
        var buffer = new byte[16];
        var writer = BinaryState.Writer(buffer, BinaryKind.Scorecard);
        Assert.Equal(14, writer.Free.Length);
        writer.Free[0] = 0x07;
        writer.Nested(ok: true, bytes: 3);
        Assert.True(writer.Ok);
        Assert.Equal(5, writer.Position);
        Assert.Equal(11, writer.Free.Length);

        var reader = BinaryState.Reader(buffer, BinaryKind.Scorecard);
        Assert.Equal(14, reader.Rest.Length);
        Assert.Equal(0x07, reader.Rest[0]);
        reader.Nested(ok: true, bytes: 3);
        Assert.Equal(5, reader.Position);
        Assert.Equal(11, reader.Rest.Length);

        writer.Nested(ok: false, bytes: 3);
        Assert.False(writer.Ok);
        Assert.Equal(5, writer.Position);
        Assert.True(writer.Free.IsEmpty);
        reader.Nested(ok: false, bytes: 0);
        Assert.True(reader.Rest.IsEmpty);
    }
}
