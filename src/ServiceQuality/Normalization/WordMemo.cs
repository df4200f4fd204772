using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace ServiceQuality.Normalization;

/// <summary>
/// A small memo of classified chunks (up to eight characters, or up to sixteen ASCII characters), owned by a run (so
/// one thread): a chunk is keyed exactly by its characters packed into two 64-bit values and its length, so a hit
/// compares no strings, and replays the chunk's
/// classification (kind, form, lexicon entry, form hash, the offsets of its core and what was neutralised) without
/// folding it or looking it up again. The classification of such a chunk depends on its characters and the lexicons
/// only; the memo is emptied when the lexicons change. Complaint text follows Zipf's law: a few hundred words make
/// most of it, and a few thousand more come and go.
/// </summary>
/// <remarks>
/// Two-way set-associative: a key maps to a bucket of two slots, the one used last first, so a frequent word is not
/// pushed out by a rare one that maps to the same place. A slot is 32 bytes and a bucket fills one cache line (the
/// slots live in a pinned array, from a line boundary), because a lookup's cost is the cache miss on its bucket. A
/// slot holds the key, the form hash, the entry and everything else packed in two 32-bit values. The form is most
/// often the chunk's core as written or with its ASCII letters in lower case, or a system's canonical name, and is
/// then made again from those; another form (a stretched word restored) and the counts of what was neutralised are
/// kept aside, in a second array read only for the slots that say so. A run keeps one memo for words of ASCII
/// letters, one for words of nine to sixteen (keyed by their letters a byte each) and one for the other short chunks
/// (punctuation, contractions, numbers, and ASCII chunks of up to sixteen characters such as redacted dates).
/// </remarks>
internal sealed class WordMemo
{
    private const int LineSize = 64;

    /// <summary>The slots, from <see cref="_start"/>: pinned, so that the start stays on a cache line boundary.</summary>
    private readonly byte[] _memory;
    private readonly int _start;
    private readonly Extra[] _extras;
    private readonly int _shift;
    private Lexicons? _lexicons;

    /// <summary>Creates a memo of 2^<paramref name="bits"/> slots, in buckets of two.</summary>
    /// <param name="bits">From 2 (two buckets) to 24.</param>
    public WordMemo(int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 24);
        _memory = GC.AllocateArray<byte>((Unsafe.SizeOf<Slot>() << bits) + LineSize, pinned: true);
        var address = Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref MemoryMarshal.GetArrayDataReference(_memory));
        _start = (int)((LineSize - (address & (LineSize - 1))) & (LineSize - 1));
        _extras = new Extra[1 << bits];
        _shift = 64 - (bits - 1);
    }

    /// <summary>How a remembered form is made again.</summary>
    internal enum FormSource : byte
    {
        /// <summary>The core as written.</summary>
        Verbatim,

        /// <summary>The core with <c>0x20</c> set in every character: ASCII letters in lower case, digits and most marks unchanged.</summary>
        Lower,

        /// <summary>The canonical name of the system of the slot's lexicon entry.</summary>
        System,

        /// <summary>Kept in the slot's <see cref="Extra"/>.</summary>
        Kept,
    }

    /// <summary>Empties the memo when it was filled with other lexicons.</summary>
    public void Use(Lexicons lexicons)
    {
        if (!ReferenceEquals(lexicons, _lexicons))
        {
            Array.Clear(_memory);
            Array.Clear(_extras);
            _lexicons = lexicons;
        }
    }

    /// <summary>
    /// Finds a key's slot. On a hit the slot is made the bucket's first (used last), and its index returned; on a
    /// miss the bucket's first slot is moved to second place, and the index of the emptied first slot returned for
    /// <see cref="Slot.Set"/>.
    /// </summary>
    /// <returns>Whether the slot holds the key.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFind(ulong first, ulong last, int length, out int index)
    {
        index = BucketOf(first, last, length);
        if (SlotAt(index).Holds(first, last, length))
        {
            return true;
        }

        if (SlotAt(index + 1).Holds(first, last, length))
        {
            Swap(index);
            return true;
        }

        Demote(index);
        return false;
    }

    /// <summary>Gets the index of the first slot of a key's bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int BucketOf(ulong first, ulong last, int length) =>
        (int)(((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)length) >> _shift) << 1;

    /// <summary>Gets a slot; <paramref name="index"/> comes from <see cref="TryFind"/>, so it is within the memo.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Slot SlotAt(int index)
    {
        Debug.Assert((uint)index < (uint)_extras.Length, "A slot index is made from the hash's top bits.");
        return ref Unsafe.As<byte, Slot>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_memory), _start + (index * Unsafe.SizeOf<Slot>())));
    }

    /// <summary>Gets what a slot keeps aside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Extra ExtraAt(int index) => ref _extras[index];

    /// <summary>Swaps the slots of a bucket; what they keep aside (another cache line) only when one of them keeps something.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Swap(int index)
    {
        ref var first = ref SlotAt(index);
        ref var second = ref SlotAt(index + 1);
        (first, second) = (second, first);
        if (first.UsesExtra || second.UsesExtra)
        {
            (_extras[index], _extras[index + 1]) = (_extras[index + 1], _extras[index]);
        }
    }

    /// <summary>Moves the first slot of a bucket to second place, and empties the first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Demote(int index)
    {
        ref var first = ref SlotAt(index);
        if (first.UsesExtra)
        {
            _extras[index + 1] = _extras[index];
        }

        SlotAt(index + 1) = first;
        first = default;
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

    /// <summary>
    /// Packs a chunk of nine to sixteen ASCII characters into its exact key: its first and its last eight characters
    /// (overlapping when shorter than sixteen), a byte each.
    /// </summary>
    /// <returns><see langword="false"/> for other lengths.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryLongKey(ReadOnlySpan<char> word, out ulong first, out ulong last)
    {
        if (word.Length is < 9 or > 16)
        {
            first = last = 0;
            return false;
        }

        Debug.Assert(Ascii.IsValid(word), "Only ASCII chunks have a long key.");
        var units = MemoryMarshal.Cast<char, ushort>(word);
        var bytes = Vector128.Narrow(Vector128.Create(units), Vector128.Create(units[^8..])).AsUInt64();
        (first, last) = (bytes.GetElement(0), bytes.GetElement(1));
        return true;
    }

    /// <summary>A remembered classification: 32 bytes.</summary>
    /// <remarks>
    /// The layout of the two packed values is declared once, as (shift, width) pairs, and
    /// <c>WordMemoTests.SlotLayout_FieldsDoNotOverlapAndEveryValueFits</c> checks that no two fields share a bit and that every
    /// value of <see cref="Lexicons.WordFlags"/>, <see cref="TokenKind"/> and <see cref="FormSource"/> fits its
    /// field: a new flag that does not fit fails that test instead of aliasing another.
    /// </remarks>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Slot
    {
        // _entry: the lexicon entry, the core's offsets in the chunk, the form's source, counts kept, dropped, intensifier.
        internal const int EntryShift = 0, EntryBits = 18;
        internal const int StartShift = EntryShift + EntryBits, OffsetBits = 4;
        internal const int EndShift = StartShift + OffsetBits;
        internal const int SourceShift = EndShift + OffsetBits, SourceBits = 2;
        internal const int CountsShift = SourceShift + SourceBits;
        internal const int DroppedShift = CountsShift + 1;
        internal const int IntensifierShift = DroppedShift + 1;

        // _packed: the lexicon flags, the token kind, the chunk's length (0 for an empty slot).
        internal const int FlagShift = 0, FlagBits = 22;
        internal const int KindShift = FlagShift + FlagBits, KindBits = 5;
        internal const int LengthShift = KindShift + KindBits, LengthBits = 5;

        public ulong First;
        public ulong Last;
        public ulong FormHash;

        private uint _entry;
        private uint _packed;

        public readonly int Entry => (int)Field(_entry, EntryShift, EntryBits);

        public readonly int StartOffset => (int)Field(_entry, StartShift, OffsetBits);

        public readonly int EndOffset => (int)Field(_entry, EndShift, OffsetBits);

        public readonly Lexicons.WordFlags Flags => (Lexicons.WordFlags)Field(_packed, FlagShift, FlagBits);

        public readonly TokenKind Kind => (TokenKind)Field(_packed, KindShift, KindBits);

        public readonly bool Dropped => Field(_entry, DroppedShift, 1) != 0;

        public readonly bool Intensifier => Field(_entry, IntensifierShift, 1) != 0;

        public readonly FormSource Source => (FormSource)Field(_entry, SourceShift, SourceBits);

        /// <summary>Whether something was neutralised: the counts are in the slot's <see cref="Extra"/>.</summary>
        public readonly bool HasCounts => Field(_entry, CountsShift, 1) != 0;

        /// <summary>Whether the slot keeps something in its <see cref="Extra"/>: its form or counts.</summary>
        public readonly bool UsesExtra => HasCounts || Source == FormSource.Kept;

        /// <summary>Whether the slot holds the chunk of this key.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly bool Holds(ulong first, ulong last, int length) =>
            Field(_packed, LengthShift, LengthBits) == (uint)length && First == first && Last == last;

        /// <summary>Whether a classification fits a slot: every field within its bits.</summary>
        public static bool Fits(int entry, Lexicons.WordFlags flags, int startOffset, int endOffset) =>
            (uint)entry < 1u << EntryBits && (uint)flags < 1u << FlagBits && (uint)startOffset < 1u << OffsetBits && (uint)endOffset < 1u << OffsetBits;

        /// <summary>Fills the slot (see <see cref="Fits"/>).</summary>
        public void Set(ulong first, ulong last, int length, in Token token, int startOffset, int endOffset, FormSource source, bool hasCounts)
        {
            (First, Last, FormHash) = (first, last, token.FormHash);
            _entry = ((uint)token.Entry << EntryShift) | ((uint)startOffset << StartShift) | ((uint)endOffset << EndShift)
                | ((uint)source << SourceShift) | (hasCounts ? 1u << CountsShift : 0) | (token.Dropped ? 1u << DroppedShift : 0)
                | (token.Intensifier ? 1u << IntensifierShift : 0);
            _packed = ((uint)token.Flags << FlagShift) | ((uint)token.Kind << KindShift) | ((uint)length << LengthShift);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Field(uint packed, int shift, int bits) => (packed >> shift) & ((1u << bits) - 1);
    }

    /// <summary>What a slot keeps aside: a form made otherwise, and the counts of what was neutralised.</summary>
    [StructLayout(LayoutKind.Auto)]
    internal struct Extra
    {
        /// <summary>The form when it has at most eight characters, packed as the key is (<see cref="FormLength"/> says how many).</summary>
        public ulong Form0;
        public ulong Form1;

        public byte FormLength;
        public byte Shouting;
        public byte StretchedLetters;
        public byte Profanity;
        public byte Insults;
        public byte Interjections;
    }
}
