using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ServiceQuality.Scoring;

/// <summary>Eleven counts, one per rating 0..10.</summary>
[InlineArray(ByteCounts.Bins)]
internal struct RatingCounts
{
    private long _element0;
}

/// <summary>
/// The counts of integer ratings 0..10 behind the NPS, CSAT and CES accumulators. Merging adds counts, so it is
/// exactly associative and commutative with the empty histogram as identity. The bulk path over bytes is vectorized.
/// </summary>
internal struct RatingHistogram : IEquatable<RatingHistogram>
{
    public const int Bins = ByteCounts.Bins;
    private RatingCounts _counts;

    /// <summary>The total count, kept beside the bins so that every addition is checked against overflow.</summary>
    private long _total;

    public readonly long Count => _total;

    public readonly long this[int rating] => _counts[rating];

    public readonly long CountBetween(int min, int max)
    {
        long total = 0;
        for (var r = min; r <= max; r++)
        {
            total += _counts[r];
        }

        return total;
    }

    public void Add(int rating, int min, int max, string paramName)
    {
        if (rating < min || rating > max)
        {
            throw new ArgumentOutOfRangeException(paramName, rating, $"A rating must be an integer in the range [{min}, {max}].");
        }

        _total = Check.Sum(_total, 1, "ratings");
        _counts[rating]++;
    }

    public void Add(int rating, long count, int min, int max)
    {
        if (rating < min || rating > max)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, $"A rating must be an integer in the range [{min}, {max}].");
        }

        Check.NonNegative(count, nameof(count));
        _total = Check.Sum(_total, count, "ratings");
        _counts[rating] += count;
    }

    public void Add(ReadOnlySpan<int> ratings, int min, int max, string paramName)
    {
        // Validate and narrow to bytes a chunk at a time (vectorized), then count the bytes.
        RatingCounts local = default;
        Span<byte> buffer = stackalloc byte[ChunkSize];
        for (var start = 0; start < ratings.Length; start += ChunkSize)
        {
            var chunk = ratings.Slice(start, Math.Min(ChunkSize, ratings.Length - start));
            var bad = FirstOutside(chunk, min, max);
            if (bad >= 0)
            {
                throw new ArgumentOutOfRangeException(paramName, chunk[bad], $"The rating at index {start + bad} must be an integer in the range [{min}, {max}].");
            }

            Narrow(chunk, buffer);
            ByteCounts.Count(buffer[..chunk.Length], local);
        }

        AddCounts(local);
    }

    private const int ChunkSize = 4096;

    private static int FirstOutside(ReadOnlySpan<int> values, int min, int max)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.Create(min);
            var hi = Vector256.Create(max);
            ref var start = ref MemoryMarshal.GetReference(values);
            for (; i <= values.Length - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                if (Vector256.LessThanAny(v, lo) || Vector256.GreaterThanAny(v, hi))
                {
                    break;
                }
            }
        }

        for (; i < values.Length; i++)
        {
            if (values[i] < min || values[i] > max)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Narrow(ReadOnlySpan<int> values, Span<byte> bytes)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var src = ref MemoryMarshal.GetReference(values);
            ref var dst = ref MemoryMarshal.GetReference(bytes);
            var step = Vector256<byte>.Count;
            for (; i <= values.Length - step; i += step)
            {
                var a = Vector256.Narrow(Vector256.LoadUnsafe(ref src, (nuint)i), Vector256.LoadUnsafe(ref src, (nuint)(i + 8)));
                var b = Vector256.Narrow(Vector256.LoadUnsafe(ref src, (nuint)(i + 16)), Vector256.LoadUnsafe(ref src, (nuint)(i + 24)));
                Vector256.Narrow(a.AsUInt16(), b.AsUInt16()).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            bytes[i] = (byte)values[i];
        }
    }

    public void Add(ReadOnlySpan<byte> ratings, int min, int max, string paramName)
    {
        RatingCounts local = default;
        var counted = ByteCounts.Count(ratings, local);
        var outside = counted != ratings.Length;
        for (var r = 0; r < Bins && !outside; r++)
        {
            outside = (r < min || r > max) && local[r] != 0;
        }

        if (outside)
        {
            for (var i = 0; i < ratings.Length; i++)
            {
                if (ratings[i] < min || ratings[i] > max)
                {
                    throw new ArgumentOutOfRangeException(paramName, ratings[i], $"The rating at index {i} must be an integer in the range [{min}, {max}].");
                }
            }
        }

        AddCounts(local);
    }

    public void Merge(in RatingHistogram other)
    {
        _total = Check.Sum(_total, other._total, "ratings");
        for (var r = 0; r < Bins; r++)
        {
            _counts[r] += other._counts[r];
        }
    }

    /// <summary>Adds counts of at most <see cref="int.MaxValue"/> values (a span's length), so their sum cannot overflow.</summary>
    private void AddCounts(in RatingCounts counts)
    {
        long added = 0;
        foreach (var c in (ReadOnlySpan<long>)counts)
        {
            added += c;
        }

        _total = Check.Sum(_total, added, "ratings");
        for (var r = 0; r < Bins; r++)
        {
            _counts[r] += counts[r];
        }
    }

    /// <summary>Restores a histogram from serialized counts; false when a count is negative or the total overflows.</summary>
    public static bool TryRestore(ReadOnlySpan<long> counts, out RatingHistogram histogram)
    {
        histogram = default;
        long total = 0;
        for (var r = 0; r < counts.Length && r < Bins; r++)
        {
            if (counts[r] < 0 || total > long.MaxValue - counts[r])
            {
                return false;
            }

            total += counts[r];
            histogram._counts[r] = counts[r];
        }

        histogram._total = total;
        return counts.Length <= Bins;
    }

    public readonly bool Equals(RatingHistogram other) =>
        ((ReadOnlySpan<long>)_counts).SequenceEqual((ReadOnlySpan<long>)other._counts);

    public override readonly bool Equals(object? obj) => obj is RatingHistogram other && Equals(other);

    public override readonly int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var c in (ReadOnlySpan<long>)_counts)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }
}
