using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ServiceQuality.Normalization;

/// <summary>
/// 64-bit hashes that are the same on every run, process and platform (unlike <see cref="string.GetHashCode()"/>):
/// FNV-1a over the bytes of the UTF-16 code units, finished with the MurmurHash3 64-bit finalizer for good bit
/// dispersion; for words (lexicon lookups and fingerprint features) and for the parts of the incident key.
/// </summary>
internal static class Hashing
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const ulong PrimeSquared = unchecked(Prime * Prime);

    /// <summary>The starting state of <see cref="Hash"/> (the FNV-1a offset basis).</summary>
    public const ulong Seed = Offset;

    /// <summary>
    /// The hash of a word: the fingerprint's feature hash and the lexicon tables' lookup hash, so a word hashed once
    /// (as it is folded, with <see cref="Step"/>) serves both.
    /// </summary>
    public static ulong Hash(ReadOnlySpan<char> text) => Mix(Accumulate(Offset, text));

    /// <summary>One character of <see cref="Accumulate"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong state, char c) =>
        // FNV-1a of the low byte, then of the high byte; when the high byte is 0 its step is a multiplication only,
        // so both steps are one multiplication by the prime squared.
        c <= 0xFF ? (state ^ c) * PrimeSquared : (((state ^ (byte)c) * Prime) ^ (uint)(c >> 8)) * Prime;

    public static ulong Accumulate(ulong state, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            state = Step(state, c);
        }

        return state;
    }

    public static ulong Combine(ulong first, ulong second) => Mix(first ^ (second * 0x9E3779B97F4A7C15UL) ^ BitOperations.RotateLeft(second, 31));

    public static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        k ^= k >> 33;
        return k;
    }
}

/// <summary>
/// The 64-bit SimHash (Charikar 2002) of a sequence of feature hashes: each feature votes +1 on the bits it has set
/// and -1 on the others, and a bit of the result is set when its votes are positive, that is when more than half of
/// the features have it. The votes are counted in batches: a feature's 64 bits are spread over 64 byte lanes (a
/// shuffle, a mask and a comparison) and added there, and the byte counts are widened every 255 features.
/// </summary>
internal static class SimHash
{
    /// <summary>How many features the byte counters take before they are widened.</summary>
    private const int Batch = byte.MaxValue;

    /// <summary>Computes the SimHash of <paramref name="features"/>, 0 when there are none; <paramref name="ones"/> is scratch space of 64 counts.</summary>
    public static ulong Of(ReadOnlySpan<ulong> features, Span<int> ones)
    {
        if (features.IsEmpty)
        {
            return 0;
        }

        ones = ones[..64];
        ones.Clear();
        CountOnes(features, ones);

        // Votes = ones - (features - ones) > 0, that is ones > features / 2 (rounded down), eight bits at a time.
        var half = Vector256.Create(features.Length / 2);
        ulong result = 0;
        for (var block = 0; block < 8; block++)
        {
            var majority = Vector256.GreaterThan(Vector256.Create<int>(ones.Slice(block * 8, 8)), half);
            result |= (ulong)majority.ExtractMostSignificantBits() << (block * 8);
        }

        return result;
    }

    /// <summary>Adds to <paramref name="ones"/>[b] how many of the features have bit b set, with the widest vectors the processor has.</summary>
    internal static void CountOnes(ReadOnlySpan<ulong> features, Span<int> ones)
    {
        if (Avx2.IsSupported)
        {
            CountOnesAvx2(features, ones);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            CountOnesVector128(features, ones);
        }
        else
        {
            CountOnesScalar(features, ones);
        }
    }

    /// <summary>The AVX2 count: two vectors hold bits 0 to 31 and 32 to 63, a byte lane a bit.</summary>
    internal static void CountOnesAvx2(ReadOnlySpan<ulong> features, Span<int> ones)
    {
        ones = ones[..64];
        // vpshufb shuffles within each 128-bit half, and the broadcast feature fills both: lane k takes byte k / 8.
        var lowBytes = Vector256.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
        var highBytes = Vector256.Create((byte)4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7);
        var masks = Vector256.Create(0x8040201008040201UL).AsByte();
        for (var start = 0; start < features.Length; start += Batch)
        {
            var batch = features.Slice(start, Math.Min(Batch, features.Length - start));
            var low = Vector256<byte>.Zero;
            var high = Vector256<byte>.Zero;
            foreach (var feature in batch)
            {
                var spread = Vector256.Create(feature).AsByte();
                // A set bit compares equal to its mask: all ones, that is -1, so subtracting counts it.
                low -= Vector256.Equals(Avx2.Shuffle(spread, lowBytes) & masks, masks);
                high -= Vector256.Equals(Avx2.Shuffle(spread, highBytes) & masks, masks);
            }

            Widen(low, ones);
            Widen(high, ones[32..]);
        }
    }

    /// <summary>The 128-bit count (SSSE3, Arm64 AdvSimd): four vectors of sixteen bits each.</summary>
    internal static void CountOnesVector128(ReadOnlySpan<ulong> features, Span<int> ones)
    {
        ones = ones[..64];
        var masks = Vector128.Create(0x8040201008040201UL).AsByte();
        var bytes0 = Vector128.Create((byte)0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
        var bytes1 = Vector128.Create((byte)2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
        var bytes2 = Vector128.Create((byte)4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5);
        var bytes3 = Vector128.Create((byte)6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7);
        for (var start = 0; start < features.Length; start += Batch)
        {
            var batch = features.Slice(start, Math.Min(Batch, features.Length - start));
            Vector128<byte> count0 = default, count1 = default, count2 = default, count3 = default;
            foreach (var feature in batch)
            {
                var spread = Vector128.Create(feature).AsByte();
                count0 -= Vector128.Equals(Vector128.Shuffle(spread, bytes0) & masks, masks);
                count1 -= Vector128.Equals(Vector128.Shuffle(spread, bytes1) & masks, masks);
                count2 -= Vector128.Equals(Vector128.Shuffle(spread, bytes2) & masks, masks);
                count3 -= Vector128.Equals(Vector128.Shuffle(spread, bytes3) & masks, masks);
            }

            Widen(count0, ones);
            Widen(count1, ones[16..]);
            Widen(count2, ones[32..]);
            Widen(count3, ones[48..]);
        }
    }

    /// <summary>The count without vectors: bit by bit.</summary>
    internal static void CountOnesScalar(ReadOnlySpan<ulong> features, Span<int> ones)
    {
        ones = ones[..64];
        foreach (var feature in features)
        {
            for (var bit = 0; bit < 64; bit++)
            {
                ones[bit] += (int)((feature >> bit) & 1);
            }
        }
    }

    /// <summary>Adds 32 byte counts to the first 32 totals (once a batch, so by halves).</summary>
    private static void Widen(Vector256<byte> counts, Span<int> ones)
    {
        Widen(counts.GetLower(), ones);
        Widen(counts.GetUpper(), ones[16..]);
    }

    /// <summary>Adds 16 byte counts to the first 16 totals.</summary>
    private static void Widen(Vector128<byte> counts, Span<int> ones)
    {
        var (low, high) = Vector128.Widen(counts);
        Add(Vector128.Widen(low), ones);
        Add(Vector128.Widen(high), ones[8..]);

        static void Add((Vector128<uint> Lower, Vector128<uint> Upper) counts, Span<int> ones)
        {
            (Vector128.Create<int>(ones) + counts.Lower.AsInt32()).CopyTo(ones);
            (Vector128.Create<int>(ones[4..]) + counts.Upper.AsInt32()).CopyTo(ones[4..]);
        }
    }
}
