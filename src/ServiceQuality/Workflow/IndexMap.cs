using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace ServiceQuality.Workflow;

/// <summary>
/// Maps the values of a state or trigger type to dense indices, once, at build time. Enums whose values lie in a small
/// range are looked up in an array (an index computation and one load); any other type goes through a
/// <see cref="FrozenDictionary{TKey, TValue}"/>. Neither path allocates.
/// </summary>
internal sealed class IndexMap<T>
    where T : notnull
{
    private const int MaxDenseRange = 4096;
    private readonly T[] _values;
    private readonly int[]? _dense;
    private readonly long _min;
    private readonly FrozenDictionary<T, int>? _dictionary;

    public IndexMap(IReadOnlyList<T> values)
    {
        _values = [.. values];
        if (typeof(T).IsEnum && _values.Length > 0)
        {
            long min = long.MaxValue, max = long.MinValue;
            foreach (var v in _values)
            {
                long k = EnumKey(v);
                min = Math.Min(min, k);
                max = Math.Max(max, k);
            }

            if (max - min < MaxDenseRange)
            {
                _min = min;
                _dense = new int[max - min + 1];
                Array.Fill(_dense, -1);
                for (int i = 0; i < _values.Length; i++)
                {
                    _dense[EnumKey(_values[i]) - min] = i;
                }

                return;
            }
        }

        _dictionary = _values.Select((v, i) => KeyValuePair.Create(v, i)).ToFrozenDictionary();
    }

    public int Count => _values.Length;

    public ReadOnlySpan<T> Values => _values;

    public T this[int index] => _values[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(T value)
    {
        if (_dense is not null)
        {
            ulong k = unchecked((ulong)(EnumKey(value) - _min));
            return k < (ulong)_dense.Length ? _dense[k] : -1;
        }

        return _dictionary!.TryGetValue(value, out int index) ? index : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long EnumKey(T value) => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, byte>(ref value),
        2 => Unsafe.As<T, short>(ref value),
        4 => Unsafe.As<T, int>(ref value),
        _ => Unsafe.As<T, long>(ref value),
    };
}
