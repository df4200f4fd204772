using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ServiceQuality.Normalization;

/// <summary>
/// A read-only table from words to values, looked up by span: open addressing with linear probing over one array of
/// slots (hash, key, the value's index and a tag side by side), so a lookup touches one slot and the key it compares.
/// Built once by a normalizer and shared by its threads. Made for the per-word lookups of the tokenizer, where a
/// general-purpose dictionary's separate bucket, hash, key and value arrays cost a cache miss each; the tag (the
/// lexicon flags of a word) answers most questions without reading the value at all.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WordTable<TValue>
    where TValue : class
{
    private readonly Slot[] _hot;
    private readonly int _hotMask;
    private readonly Slot[] _cold;
    private readonly int _coldMask;
    private readonly TValue[] _values;

    /// <summary>Builds the table.</summary>
    /// <param name="items">The entries; every key once.</param>
    /// <param name="isHot">
    /// Says which entries are looked up most (the frequent words): they get a small table of their own that stays in
    /// the processor's cache and is tried first; the rest (a long word list) are tried only when a word is not there.
    /// </param>
    /// <param name="tag">Gives the tag kept in the slot beside each key; 0 when omitted.</param>
    public WordTable(IEnumerable<KeyValuePair<string, TValue>> items, Func<TValue, bool>? isHot = null, Func<TValue, int>? tag = null)
    {
        var list = items as ICollection<KeyValuePair<string, TValue>> ?? [.. items];
        _values = [.. list.Select(p => p.Value)];
        var indexed = list.Select((p, i) => (p.Key, Index: i, Tag: tag?.Invoke(p.Value) ?? 0, Hot: isHot is null || isHot(p.Value))).ToList();
        (_hot, _hotMask) = Build([.. indexed.Where(e => e.Hot)]);
        (_cold, _coldMask) = Build([.. indexed.Where(e => !e.Hot)]);
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count => _values.Length;

    /// <summary>Gets the value at an index returned by <see cref="TryGetIndex(ReadOnlySpan{char}, ulong, out int, out int)"/>.</summary>
    public TValue this[int index] => _values[index];

    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value)
    {
        if (TryGetIndex(key, Hashing.Hash(key), out var index, out _))
        {
            value = _values[index];
            return true;
        }

        value = null;
        return false;
    }

    public bool ContainsKey(ReadOnlySpan<char> key) => TryGetIndex(key, Hashing.Hash(key), out _, out _);

    /// <summary>Looks a key up with its <see cref="Hashing.Hash"/> already computed.</summary>
    /// <param name="key">The key.</param>
    /// <param name="hash">Its hash.</param>
    /// <param name="index">The index of its value.</param>
    /// <param name="tag">The tag of its value.</param>
    /// <returns>Whether the key is in the table.</returns>
    public bool TryGetIndex(ReadOnlySpan<char> key, ulong hash, out int index, out int tag) =>
        Probe(_hot, _hotMask, key, hash, out index, out tag) || Probe(_cold, _coldMask, key, hash, out index, out tag);

    private static bool Probe(Slot[] slots, int mask, ReadOnlySpan<char> key, ulong hash, out int index, out int tag)
    {
        var i = (int)hash & mask;
        while (true)
        {
            ref var slot = ref slots[i];
            if (slot.Key is null)
            {
                (index, tag) = (-1, 0);
                return false;
            }

            if (slot.Hash == hash && key.SequenceEqual(slot.Key))
            {
                (index, tag) = (slot.Index, slot.Tag);
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    private static (Slot[] Slots, int Mask) Build(List<(string Key, int Index, int Tag, bool Hot)> items)
    {
        // At most half full, so a word that is not there soon meets an empty slot.
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, items.Count * 2));
        var slots = new Slot[capacity];
        var mask = capacity - 1;
        foreach (var (key, index, tag, _) in items)
        {
            var hash = Hashing.Hash(key);
            var i = (int)hash & mask;
            while (slots[i].Key is { } existing)
            {
                if (existing == key)
                {
                    throw new ArgumentException($"The key '{key}' is in the table twice.", nameof(items));
                }

                i = (i + 1) & mask;
            }

            slots[i] = new Slot(hash, key, index, tag);
        }

        return (slots, mask);
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Slot(ulong Hash, string? Key, int Index, int Tag);
}
