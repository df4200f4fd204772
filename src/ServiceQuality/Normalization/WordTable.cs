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
    private readonly Slot[] _slots;
    private readonly int _mask;

    public WordTable(IEnumerable<KeyValuePair<string, TValue>> items)
    {
        var list = items as ICollection<KeyValuePair<string, TValue>> ?? [.. items];
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, list.Count * 2));
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (var (key, value) in list)
        {
            var hash = Hashing.Hash(key);
            var i = (int)hash & _mask;
            while (_slots[i].Key is { } existing)
            {
                if (existing == key)
                {
                    throw new ArgumentException($"The key '{key}' is in the table twice.", nameof(items));
                }

                i = (i + 1) & _mask;
            }

            _slots[i] = new Slot(hash, key, value);
            Count++;
        }
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count { get; }

    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value) => TryGetValue(key, Hashing.Hash(key), out value);

    /// <summary>Looks a key up with its <see cref="Hashing.Hash"/> already computed.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, ulong hash, [MaybeNullWhen(false)] out TValue value)
    {
        var slots = _slots;
        var i = (int)hash & _mask;
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

            i = (i + 1) & _mask;
        }
    }

    public bool ContainsKey(ReadOnlySpan<char> key) => TryGetValue(key, out _);

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Slot(ulong Hash, string? Key, TValue? Value);
}
