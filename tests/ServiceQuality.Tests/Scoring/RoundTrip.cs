using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServiceQuality.Tests.Scoring;

/// <summary>Sends an accumulator's state through JSON or the binary format and back, for the "serialize → deserialize → merge equals merge" laws.</summary>
internal static class RoundTrip
{
    public delegate bool Writer<T>(T value, Span<byte> destination, out int written);

    public delegate bool Reader<T>(ReadOnlySpan<byte> source, out T value, out int read);

    public static T Json<T>(T value, JsonTypeInfo<T> metadata) => JsonSerializer.Deserialize(JsonSerializer.Serialize(value, metadata), metadata)!;

    /// <summary>Writes the state into a buffer of <paramref name="size"/> bytes and reads it back, failing the test when either side refuses.</summary>
    public static T Binary<T>(T value, int size, Writer<T> write, Reader<T> read)
    {
        var bytes = new byte[size];
        Assert.True(write(value, bytes, out var written));
        Assert.True(read(bytes.AsSpan(0, written), out var back, out var consumed));
        Assert.Equal(written, consumed);
        return back;
    }
}
