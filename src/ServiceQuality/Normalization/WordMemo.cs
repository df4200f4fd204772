using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ServiceQuality.Normalization;

/// <summary>
/// A small direct-mapped memo of classified words, one per run (so one thread): a word of one to eight ASCII letters
/// is keyed exactly by its characters packed into two 64-bit values, so a hit compares no strings, and replays the
/// word's classification (kind, form, lexicon entry, form hash and what was neutralised) without folding it or looking
/// it up again. The classification of such a word depends on its characters and the lexicons only; the memo is
/// emptied when the lexicons change. Complaint text follows Zipf's law: a few hundred words make most of it.
/// A run keeps two: one for words of letters, one for other short chunks (punctuation, contractions, numbers), whose
/// classification depends on the chunk alone as well: 4,096 and 1,024 slots of about 80 bytes, some 400 KB a thread.
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

    /// <summary>Gets the slot of a key: the remembered word there may be another one (see <see cref="Slot.Holds"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Slot SlotOf(ulong first, ulong last, int length)
    {
        var mixed = (first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)length;
        return ref _slots[(int)(mixed >> _shift)];
    }

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
    }
}
