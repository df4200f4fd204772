using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ServiceQuality.Normalization;

/// <summary>
/// A read-only table from words to values, looked up by span: open addressing with linear probing over one array of
/// slots (hash, key and value side by side), so a lookup touches one slot and the key it compares. Built once by a
/// normalizer and shared by its threads. Made for the per-word lookups of the tokenizer, where a general-purpose
/// dictionary's separate bucket, hash, key and value arrays cost a cache miss each.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WordTable<TValue>
    where TValue : class
{
    private readonly Slot[] _hot;
    private readonly int _hotMask;
    private readonly Slot[] _cold;
    private readonly int _coldMask;

    /// <summary>Builds the table.</summary>
    /// <param name="items">The entries; every key once.</param>
    /// <param name="isHot">
    /// Says which entries are looked up most (the frequent words): they get a small table of their own that stays in
    /// the processor's cache and is tried first; the rest (a long word list) are tried only when a word is not there.
    /// </param>
    public WordTable(IEnumerable<KeyValuePair<string, TValue>> items, Func<TValue, bool>? isHot = null)
    {
        var list = items as ICollection<KeyValuePair<string, TValue>> ?? [.. items];
        (_hot, _hotMask) = Build([.. list.Where(p => isHot is null || isHot(p.Value))]);
        (_cold, _coldMask) = Build(isHot is null ? [] : [.. list.Where(p => !isHot(p.Value))]);
        Count = list.Count;
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count { get; }

    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value) => TryGetValue(key, Hashing.Hash(key), out value);

    /// <summary>Looks a key up with its <see cref="Hashing.Hash"/> already computed.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, ulong hash, [MaybeNullWhen(false)] out TValue value) =>
        TryGetValue(_hot, _hotMask, key, hash, out value) || TryGetValue(_cold, _coldMask, key, hash, out value);

    public bool ContainsKey(ReadOnlySpan<char> key) => TryGetValue(key, out _);

    private static bool TryGetValue(Slot[] slots, int mask, ReadOnlySpan<char> key, ulong hash, [MaybeNullWhen(false)] out TValue value)
    {
        var i = (int)hash & mask;
        while (true)
        {
            ref var slot = ref slots[i];
            if (slot.Key is null)
            {
                value = null;
                return false;
            }

            if (slot.Hash == hash && key.SequenceEqual(slot.Key))
            {
                value = slot.Value!;
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    private static (Slot[] Slots, int Mask) Build(List<KeyValuePair<string, TValue>> items)
    {
        // At most half full, so a word that is not there soon meets an empty slot.
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, items.Count * 2));
        var slots = new Slot[capacity];
        var mask = capacity - 1;
        foreach (var (key, value) in items)
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

            slots[i] = new Slot(hash, key, value);
        }

        return (slots, mask);
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Slot(ulong Hash, string? Key, TValue? Value);
}
