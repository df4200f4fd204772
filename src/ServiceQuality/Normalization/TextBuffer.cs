using System.Runtime.Intrinsics;

namespace ServiceQuality.Normalization;

/// <summary>A growable UTF-16 buffer that remembers, for each character, its index in the original text.</summary>
internal sealed class TextBuffer
{
    private char[] _chars = new char[256];
    private int[] _map = new int[256];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    public ReadOnlySpan<int> Map => _map.AsSpan(0, Length);

    public char this[int index] => _chars[index];

    public int OriginOf(int index) => _map[index];

    public char Last => Length == 0 ? '\0' : _chars[Length - 1];

    public void Clear() => Length = 0;

    public void Append(char c, int origin)
    {
        if (Length == _chars.Length)
        {
            Grow(Length + 1);
        }

        _chars[Length] = c;
        _map[Length] = origin;
        Length++;
    }

    public void AppendCodePoint(int codePoint, int origin)
    {
        if (codePoint < 0x10000)
        {
            Append((char)codePoint, origin);
        }
        else
        {
            var v = codePoint - 0x10000;
            Append((char)(0xD800 + (v >> 10)), origin);
            Append((char)(0xDC00 + (v & 0x3FF)), origin);
        }
    }

    /// <summary>
    /// Appends text whose character <c>i</c> came from original index <paramref name="firstOrigin"/> + <c>i</c>; with
    /// <paramref name="normalizeWhitespace"/>, a carriage return becomes a line break and a tab a space, as the Unicode
    /// clean-up would make them.
    /// </summary>
    public void AppendPlain(ReadOnlySpan<char> text, int firstOrigin, bool normalizeWhitespace = true)
    {
        EnsureCapacity(Length + text.Length);
        var chars = _chars.AsSpan(Length, text.Length);
        text.CopyTo(chars);
        var map = _map.AsSpan(Length, text.Length);
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Eight origins a store: the map of plain text counts up from firstOrigin.
            var origins = Vector256.Create(firstOrigin) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
            for (; k + Vector256<int>.Count <= map.Length; k += Vector256<int>.Count)
            {
                origins.CopyTo(map[k..]);
                origins += Vector256.Create(Vector256<int>.Count);
            }
        }

        for (; k < map.Length; k++)
        {
            map[k] = firstOrigin + k;
        }

        Length += text.Length;
        if (normalizeWhitespace)
        {
            NormalizeWhitespace(chars);
        }
    }

    /// <summary>Appends plain text with its own origins; a carriage return becomes a line break and a tab a space.</summary>
    public void AppendPlain(ReadOnlySpan<char> text, ReadOnlySpan<int> origins)
    {
        var start = Length;
        Append(text, origins);
        NormalizeWhitespace(_chars.AsSpan(start, text.Length));
    }

    /// <summary>Appends characters with their origins, unchanged.</summary>
    public void Append(ReadOnlySpan<char> text, ReadOnlySpan<int> origins)
    {
        EnsureCapacity(Length + text.Length);
        text.CopyTo(_chars.AsSpan(Length));
        origins.CopyTo(_map.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>Removes the given ranges (in order, not overlapping), each character keeping its origin.</summary>
    public void RemoveRanges(List<(int Start, int End)> ranges)
    {
        var write = ranges[0].Start;
        for (var r = 0; r < ranges.Count; r++)
        {
            var keepFrom = ranges[r].End;
            var keepTo = r + 1 < ranges.Count ? ranges[r + 1].Start : Length;
            var count = keepTo - keepFrom;
            Array.Copy(_chars, keepFrom, _chars, write, count);
            Array.Copy(_map, keepFrom, _map, write, count);
            write += count;
        }

        Length = write;
    }

    private static void NormalizeWhitespace(Span<char> chars)
    {
        if (chars.IndexOfAny('\r', '\t') >= 0)
        {
            chars.Replace('\r', '\n');
            chars.Replace('\t', ' ');
        }
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _chars.Length)
        {
            Grow(capacity);
        }
    }

    private void Grow(int needed)
    {
        var size = Math.Max(needed, _chars.Length * 2);
        Array.Resize(ref _chars, size);
        Array.Resize(ref _map, size);
    }
}
