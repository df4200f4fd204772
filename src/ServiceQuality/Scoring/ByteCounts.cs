using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ServiceQuality.Scoring;

/// <summary>Counts of the byte values 0..10 in a span: the vectorized core of the rating and proportion bulk paths.</summary>
internal static class ByteCounts
{
    /// <summary>The number of values counted, 0..10.</summary>
    public const int Bins = 11;

    /// <summary>
    /// Adds the number of bytes equal to each of 0..10 to <paramref name="counts"/> and returns how many it counted
    /// (bytes above 10 are not). Vectorized: eleven byte-lane compare-and-subtract accumulators, widened every 255 blocks.
    /// </summary>
    public static long Count(ReadOnlySpan<byte> values, Span<long> counts)
    {
        long before = 0;
        foreach (var c in counts)
        {
            before += c;
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<byte>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(values);
            var last = values.Length - Vector256<byte>.Count;
            while (i <= last)
            {
                var blockEnd = Math.Min(last, i + (254 * Vector256<byte>.Count));
                Vector256<byte> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default,
                    a6 = default, a7 = default, a8 = default, a9 = default, a10 = default;
                for (; i <= blockEnd; i += Vector256<byte>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                    a0 -= Vector256.Equals(v, Vector256.Create((byte)0));
                    a1 -= Vector256.Equals(v, Vector256.Create((byte)1));
                    a2 -= Vector256.Equals(v, Vector256.Create((byte)2));
                    a3 -= Vector256.Equals(v, Vector256.Create((byte)3));
                    a4 -= Vector256.Equals(v, Vector256.Create((byte)4));
                    a5 -= Vector256.Equals(v, Vector256.Create((byte)5));
                    a6 -= Vector256.Equals(v, Vector256.Create((byte)6));
                    a7 -= Vector256.Equals(v, Vector256.Create((byte)7));
                    a8 -= Vector256.Equals(v, Vector256.Create((byte)8));
                    a9 -= Vector256.Equals(v, Vector256.Create((byte)9));
                    a10 -= Vector256.Equals(v, Vector256.Create((byte)10));
                }

                counts[0] += SumLanes(a0);
                counts[1] += SumLanes(a1);
                counts[2] += SumLanes(a2);
                counts[3] += SumLanes(a3);
                counts[4] += SumLanes(a4);
                counts[5] += SumLanes(a5);
                counts[6] += SumLanes(a6);
                counts[7] += SumLanes(a7);
                counts[8] += SumLanes(a8);
                counts[9] += SumLanes(a9);
                counts[10] += SumLanes(a10);
            }
        }

        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (v < Bins)
            {
                counts[v]++;
            }
        }

        long total = -before;
        foreach (var c in counts)
        {
            total += c;
        }

        return total;
    }

    private static long SumLanes(Vector256<byte> lanes) =>
        Vector256.Sum(Vector256.WidenLower(lanes)) + (long)Vector256.Sum(Vector256.WidenUpper(lanes));
}
