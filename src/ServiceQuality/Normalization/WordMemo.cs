using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ServiceQuality.Normalization;

/// <summary>
/// A small direct-mapped memo of classified words, owned by a run (so one thread): a short chunk is keyed exactly by
/// its characters packed into 64-bit values, so a hit compares no strings, and replays the chunk's classification
/// (kind, form, lexicon entry, form hash and what was neutralised) without folding it or looking it up again. The classification of such a word depends on its characters and the lexicons only; the memo is
/// emptied when the lexicons change. Complaint text follows Zipf's law: a few hundred words make most of it.
/// A run keeps three: one for words of up to eight letters, one for words of nine to sixteen (their key fills the
/// slot's form fields, so only words whose form is the word in lower case are kept there), and one for other short
/// chunks (punctuation, contractions, numbers), whose classification depends on the chunk alone as well: 4,096,
/// 2,048 and 1,024 slots of about 80 bytes, some 560 KB for each thread that normalizes.
/// </summary>
internal sealed class WordMemo
{
    private readonly Slot[] _slots;
    private readonly int _shift;
    private Lexicons? _lexicons;

    /// <summary>Creates a memo of 2^<paramref name="bits"/> slots.</summary>
    public WordMemo(int bits)
    {
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
    }

    /// <summary>Empties the memo when it was filled with other lexicons.</summary>
    public void Use(Lexicons lexicons)
    {
        if (!ReferenceEquals(lexicons, _lexicons))
        {
            Array.Clear(_slots);
            _lexicons = lexicons;
        }
    }

    /// <summary>Packs a word of one to eight characters into its exact key.</summary>
    /// <returns><see langword="false"/> for longer words, which are not memoised.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryKey(ReadOnlySpan<char> word, out ulong first, out ulong last)
    {
        var bytes = MemoryMarshal.AsBytes(word);
        switch (word.Length)
        {
            case >= 4 and <= 8:
                // The first four and the last four characters (overlapping when shorter than eight) and the length
                // say the whole word.
                first = MemoryMarshal.Read<ulong>(bytes);
                last = MemoryMarshal.Read<ulong>(bytes[^8..]);
                return true;
            case 3:
                first = MemoryMarshal.Read<uint>(bytes) | ((ulong)word[2] << 32);
                last = 0;
                return true;
            case 2:
                first = MemoryMarshal.Read<uint>(bytes);
                last = 0;
                return true;
            case 1:
                first = word[0];
                last = 0;
                return true;
            default:
                first = last = 0;
                return false;
        }
    }

    /// <summary>Gets the slot of a key: the remembered word there may be another one (see <see cref="Slot.Holds(ulong, ulong, int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Slot SlotOf(ulong first, ulong last, int length)
    {
        var mixed = (first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)length;
        return ref _slots[(int)(mixed >> _shift)];
    }

    /// <summary>
    /// Packs a word of nine to sixteen letters into its exact key: the first eight letters in two values, the last
    /// eight in two more (overlapping the first when the word is shorter than sixteen).
    /// </summary>
    /// <returns><see langword="false"/> for other lengths.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLongKey(ReadOnlySpan<char> word, out LongKey key)
    {
        if (word.Length is < 9 or > 16)
        {
            key = default;
            return false;
        }

        var bytes = MemoryMarshal.AsBytes(word);
        var tail = bytes[^16..];
        key = new LongKey(MemoryMarshal.Read<ulong>(bytes), MemoryMarshal.Read<ulong>(bytes[8..]), MemoryMarshal.Read<ulong>(tail), MemoryMarshal.Read<ulong>(tail[8..]));
        return true;
    }

    /// <summary>Gets the slot of a long word's key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Slot SlotOf(in LongKey key, int length)
    {
        var mixed = (key.A * 0x9E3779B97F4A7C15UL) ^ (key.B * 0xC2B2AE3D27D4EB4FUL) ^ (key.C * 0x165667B19E3779F9UL)
            ^ (key.D * 0xD6E8FEB86659FD93UL) ^ (ulong)length;
        return ref _slots[(int)(mixed >> _shift)];
    }

    /// <summary>The key of a word of nine to sixteen letters: its first and its last eight characters, packed.</summary>
    internal readonly record struct LongKey(ulong A, ulong B, ulong C, ulong D);

    /// <summary>A remembered classification.</summary>
    [StructLayout(LayoutKind.Auto)]
    internal struct Slot
    {
        public ulong First;
        public ulong Last;
        public int Length;
        public TokenKind Kind;
        public bool Dropped;
        public bool Intensifier;
        public int Entry;
        public Lexicons.WordFlags Flags;
        public ulong FormHash;

        /// <summary>Where the token's core starts and ends in a remembered chunk (chunks of punctuation and other marks).</summary>
        public byte StartOffset;
        public byte EndOffset;

        /// <summary>The form when it has at most eight characters, packed as the key is (<see cref="FormLength"/> says how many).</summary>
        public ulong Form0;
        public ulong Form1;
        public int FormLength;

        /// <summary>The form when it is longer (a system's canonical name), else <see langword="null"/>.</summary>
        public string? LongForm;
        public byte Shouting;
        public byte StretchedLetters;
        public byte Profanity;
        public byte Insults;
        public byte Interjections;

        public readonly bool Holds(ulong first, ulong last, int length) => Length == length && First == first && Last == last;

        /// <summary>Whether the slot holds a long word (its key's second half is in <see cref="Form0"/> and <see cref="Form1"/>).</summary>
        public readonly bool Holds(in LongKey key, int length) =>
            Length == length && First == key.A && Last == key.B && Form0 == key.C && Form1 == key.D;
    }
}
