using System.Numerics;

namespace ServiceQuality.Normalization;

/// <summary>
/// A 64-bit hash that is the same on every run, process and platform (unlike <see cref="string.GetHashCode()"/>):
/// FNV-1a over the UTF-16 code units, finished with the MurmurHash3 64-bit finalizer for good bit dispersion.
/// </summary>
internal static class Hashing
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(ReadOnlySpan<char> text) => Mix(Accumulate(Offset, text));

    public static ulong Accumulate(ulong state, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            state = (state ^ (byte)c) * Prime;
            state = (state ^ (byte)(c >> 8)) * Prime;
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

/// <summary>A 64-bit SimHash accumulator (Charikar 2002): each feature hash votes on each bit.</summary>
internal struct SimHashAccumulator
{
    private Votes _votes;
    private int _features;

    public void Add(ulong hash)
    {
        _features++;
        for (var bit = 0; bit < 64; bit++)
        {
            _votes[bit] += ((int)(hash >> bit) & 1) * 2 - 1;
        }
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
            for (var bit = 0; bit < 64; bit++)
            {
                if (_votes[bit] > 0)
                {
                    result |= 1UL << bit;
                }
            }

            return result;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(64)]
    private struct Votes
    {
        private int _element;
    }
}
