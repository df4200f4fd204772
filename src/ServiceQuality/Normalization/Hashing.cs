using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
/// A 64-bit SimHash accumulator (Charikar 2002): each feature hash votes +1 or -1 on each bit. The votes are kept
/// in eight 256-bit vectors and a byte of the hash adds one precomputed vector, so a feature costs eight additions.
/// </summary>
internal struct SimHashAccumulator
{
    private static readonly Vector256<int>[] ByteVotes = BuildByteVotes();
    private Votes _votes;
    private int _features;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong hash)
    {
        _features++;

        // Unrolled, without bounds checks (an index is a byte of the hash, the table has 256 entries): this runs twice
        // for every word of every complaint.
        ref var votes = ref MemoryMarshal.GetArrayDataReference(ByteVotes);
        _votes[0] += Unsafe.Add(ref votes, (int)(hash & 0xFF));
        _votes[1] += Unsafe.Add(ref votes, (int)((hash >> 8) & 0xFF));
        _votes[2] += Unsafe.Add(ref votes, (int)((hash >> 16) & 0xFF));
        _votes[3] += Unsafe.Add(ref votes, (int)((hash >> 24) & 0xFF));
        _votes[4] += Unsafe.Add(ref votes, (int)((hash >> 32) & 0xFF));
        _votes[5] += Unsafe.Add(ref votes, (int)((hash >> 40) & 0xFF));
        _votes[6] += Unsafe.Add(ref votes, (int)((hash >> 48) & 0xFF));
        _votes[7] += Unsafe.Add(ref votes, (int)(hash >> 56));
    }

    public readonly ulong Value
    {
        get
        {
            if (_features == 0)
            {
                return 0;
            }

            ulong result = 0;
            for (var b = 0; b < 8; b++)
            {
                var positive = Vector256.GreaterThan(_votes[b], Vector256<int>.Zero).ExtractMostSignificantBits();
                result |= (ulong)positive << (b * 8);
            }

            return result;
        }
    }

    private static Vector256<int>[] BuildByteVotes()
    {
        var table = new Vector256<int>[256];
        Span<int> votes = stackalloc int[8];
        for (var value = 0; value < 256; value++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                votes[bit] = ((value >> bit) & 1) * 2 - 1;
            }

            table[value] = Vector256.Create<int>(votes);
        }

        return table;
    }

    [InlineArray(8)]
    private struct Votes
    {
        private Vector256<int> _element;
    }
}
