using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>
/// A mergeable, optionally weighted mean with its spread, numerically stable at any offset and scale: it keeps the
/// count, Σw, Σw², a shift K (the first value added), the weighted mean of x - K and the sum of squared deviations
/// M2 = Σw(x - mean)². <see cref="Add(double, double)"/> is Welford's update (West 1979 for weights) on the shifted
/// values; <see cref="Merge"/> is the pairwise update of Chan, Golub and LeVeque (1979); the bulk path over a span is the
/// two-pass algorithm on the span, merged in. So data offset by 1e9 (epoch seconds, ids, amounts in cents) keeps its
/// variance, and adding 1e200 twice gives mean 1e200 and variance 0. <see langword="default"/> is the empty accumulator,
/// the identity of <see cref="Merge"/>; merging in any order gives the same result up to floating-point rounding
/// (the state, and so <see cref="Equals(MeanAccumulator)"/>, may differ in the last bits). The state travels as JSON
/// (<c>{"version":1,"count":…,"sumOfWeights":…,"sumOfSquaredWeights":…,"shift":…,"offset":…,"m2":…}</c>) or as compact
/// binary (<see cref="TryWriteTo"/>, <see cref="TryReadFrom"/>), exactly: a restored accumulator equals the original.
/// </summary>
[JsonConverter(typeof(MeanAccumulatorJsonConverter))]
public struct MeanAccumulator : IEquatable<MeanAccumulator>
{
    /// <summary>The most bytes <see cref="TryWriteTo"/> writes: version, kind, a varint count and five doubles.</summary>
    public const int MaxBinarySize = 2 + BinaryState.MaxVarintSize + (5 * sizeof(double));

    private long _count;
    private double _sumOfWeights;
    private double _sumOfSquaredWeights;
    private double _shift;
    private double _offset;
    private double _m2;

    /// <summary>Gets the number of observations (those with weight 0 included).</summary>
    public readonly long Count => _count;

    /// <summary>Gets Σw.</summary>
    public readonly double SumOfWeights => _sumOfWeights;

    /// <summary>Gets Σw².</summary>
    public readonly double SumOfSquaredWeights => _sumOfSquaredWeights;

    /// <summary>Gets the weighted mean Σwx/Σw, or <see langword="null"/> when there is no weight.</summary>
    public readonly double? Mean => _sumOfWeights > 0 ? _shift + _offset : null;

    /// <summary>Gets M2 = Σw(x - mean)², the weighted sum of squared deviations from the mean (0 when empty).</summary>
    public readonly double SumOfSquaredDeviations => _m2;

    /// <summary>Gets the shift K the deviations are kept against (the first value with weight); for serialization.</summary>
    internal readonly double Shift => _shift;

    /// <summary>Gets the weighted mean of x - K; for serialization.</summary>
    internal readonly double Offset => _offset;

    /// <summary>
    /// Creates an accumulator from the sufficient statistics of unweighted observations: their count, mean and sum of
    /// squared deviations (for example a group's n, mean and (n - 1)·s²), as if each had been added with weight 1.
    /// </summary>
    /// <param name="count">The number of observations, ≥ 0.</param>
    /// <param name="mean">Their mean, finite (0 when <paramref name="count"/> is 0).</param>
    /// <param name="sumOfSquaredDeviations">Σ(x - mean)², finite and ≥ 0 (0 when <paramref name="count"/> &lt; 2).</param>
    /// <returns>The accumulator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A statistic is outside its range or inconsistent with the count.</exception>
    public static MeanAccumulator FromMoments(long count, double mean, double sumOfSquaredDeviations)
    {
        Check.NonNegative(count, nameof(count));
        Check.Finite(mean, nameof(mean));
        if (!(sumOfSquaredDeviations >= 0) || !double.IsFinite(sumOfSquaredDeviations) || (count < 2 && sumOfSquaredDeviations != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sumOfSquaredDeviations), sumOfSquaredDeviations, "The sum of squared deviations must be a finite number ≥ 0, and 0 with fewer than 2 observations.");
        }

        if (count == 0)
        {
            Check.InRange(mean, 0, 0, nameof(mean));
            return default;
        }

        return new MeanAccumulator { _count = count, _sumOfWeights = count, _sumOfSquaredWeights = count, _shift = mean, _m2 = sumOfSquaredDeviations };
    }

    /// <summary>Restores an accumulator from its serialized state, checking that the state is consistent.</summary>
    internal static bool TryRestore(long count, double sumOfWeights, double sumOfSquaredWeights, double shift, double offset, double m2, out MeanAccumulator value)
    {
        value = default;
        var finite = double.IsFinite(sumOfWeights) && double.IsFinite(sumOfSquaredWeights) && double.IsFinite(shift) && double.IsFinite(offset) && double.IsFinite(m2);
        if (!finite || count < 0 || sumOfWeights < 0 || sumOfSquaredWeights < 0 || m2 < 0 || (count == 0 && (sumOfWeights != 0 || sumOfSquaredWeights != 0))
            || (sumOfWeights == 0 && (sumOfSquaredWeights != 0 || shift != 0 || offset != 0 || m2 != 0)))
        {
            return false;
        }

        value = new MeanAccumulator { _count = count, _sumOfWeights = sumOfWeights, _sumOfSquaredWeights = sumOfSquaredWeights, _shift = shift, _offset = offset, _m2 = m2 };
        return true;
    }

    /// <summary>Adds one observation with weight 1.</summary>
    /// <param name="value">A finite value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>, or the spread of the values exceeds the range of <see cref="double"/>.</exception>
    public void Add(double value) => Add(value, 1);

    /// <summary>Adds one weighted observation (a reliability weight, e.g. a time-decay weight).</summary>
    /// <param name="value">A finite value.</param>
    /// <param name="weight">A finite weight ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or the weight is negative, NaN or infinite.</exception>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>, or a sum exceeds the range of <see cref="double"/>; the accumulator is unchanged.</exception>
    public void Add(double value, double weight)
    {
        Check.Finite(value, nameof(value));
        Check.Weight(weight, nameof(weight));
        var count = Check.Sum(_count, 1, "observations");
        if (weight == 0)
        {
            _count = count;
            return;
        }

        if (_sumOfWeights == 0)
        {
            var squared = CheckedSum(0, weight * weight);
            this = new MeanAccumulator { _count = count, _sumOfWeights = weight, _sumOfSquaredWeights = squared, _shift = value };
            return;
        }

        var y = value - _shift;
        var total = _sumOfWeights + weight;
        var deviation = y - _offset;
        var offset = _offset + (deviation * (weight / total));
        var m2 = CheckedSum(_m2, weight * deviation * (y - offset));
        var w2 = CheckedSum(_sumOfSquaredWeights, weight * weight);
        if (!double.IsFinite(y) || !double.IsFinite(total))
        {
            throw Overflow();
        }

        (_count, _sumOfWeights, _sumOfSquaredWeights, _offset, _m2) = (count, total, w2, offset, m2);
    }

    /// <summary>
    /// Adds many observations with weight 1: the vectorized bulk path (two passes over the span, then the pairwise
    /// merge). Nothing is added when a value is not finite.
    /// </summary>
    /// <param name="values">Finite values.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite; the message gives its index.</exception>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>, or the spread of the values exceeds the range of <see cref="double"/>.</exception>
    public void Add(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        var shift = _sumOfWeights > 0 ? _shift : values[0];
        double n = values.Length;
        var sum = SumOfDeviations(values, shift, 0, out var sumOfSquares, squares: false);
        if (!double.IsFinite(sum))
        {
            ThrowNotFinite(values);
        }

        // Second pass about the span's mean, with the correction term of the corrected two-pass algorithm.
        var centre = sum / n;
        var correction = SumOfDeviations(values, shift, centre, out sumOfSquares, squares: true);
        var m2 = Math.Max(0, sumOfSquares - (correction * correction / n));
        if (!double.IsFinite(m2))
        {
            ThrowNotFinite(values);
        }

        var chunk = new MeanAccumulator
        {
            _count = values.Length,
            _sumOfWeights = n,
            _sumOfSquaredWeights = n,
            _shift = shift,
            _offset = centre + (correction / n),
            _m2 = m2,
        };
        Merge(chunk);
    }

    private static double SumOfDeviations(ReadOnlySpan<double> values, double shift, double centre, out double sumOfSquares, bool squares)
    {
        double sum = 0, sq = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            var k = new Vector<double>(shift);
            var c = new Vector<double>(centre);
            Vector<double> s = Vector<double>.Zero, q = Vector<double>.Zero;
            foreach (var v in vectors)
            {
                var d = v - k - c;
                s += d;
                if (squares)
                {
                    q += d * d;
                }
            }

            sum = Vector.Sum(s);
            sq = Vector.Sum(q);
            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            var d = values[i] - shift - centre;
            sum += d;
            sq += squares ? d * d : 0;
        }

        sumOfSquares = sq;
        return sum;
    }

    private static void ThrowNotFinite(ReadOnlySpan<double> values)
    {
        for (var j = 0; j < values.Length; j++)
        {
            if (!double.IsFinite(values[j]))
            {
                throw new ArgumentOutOfRangeException(nameof(values), values[j], $"The value at index {j} must be a finite number (not NaN or infinity).");
            }
        }

        throw Overflow();
    }

    /// <summary>Adds the observations of another accumulator (the pairwise update of Chan, Golub and LeVeque).</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="OverflowException">The count would exceed <see cref="long.MaxValue"/>, or a sum exceeds the range of <see cref="double"/>; the accumulator is unchanged.</exception>
    public void Merge(in MeanAccumulator other)
    {
        var count = Check.Sum(_count, other._count, "observations");
        if (other._sumOfWeights == 0)
        {
            _count = count;
            return;
        }

        if (_sumOfWeights == 0)
        {
            this = other with { _count = count };
            return;
        }

        var total = _sumOfWeights + other._sumOfWeights;
        var delta = (other._shift - _shift) + (other._offset - _offset);
        var share = other._sumOfWeights / total;
        var offset = _offset + (delta * share);
        var m2 = CheckedSum(_m2 + other._m2, delta * delta * (_sumOfWeights * share));
        var w2 = CheckedSum(_sumOfSquaredWeights, other._sumOfSquaredWeights);
        if (!double.IsFinite(total) || !double.IsFinite(delta))
        {
            throw Overflow();
        }

        (_count, _sumOfWeights, _sumOfSquaredWeights, _offset, _m2) = (count, total, w2, offset, m2);
    }

    private static double CheckedSum(double a, double b)
    {
        var sum = a + b;
        return double.IsFinite(sum) ? sum : throw Overflow();
    }

    private static OverflowException Overflow() =>
        new("The spread or the weights of the values exceed the range of a double (a variance above about 1e308); rescale the values.");

    /// <summary>
    /// Writes the compact binary state: format version 1, kind 2, the count as an unsigned LEB128 varint, then Σw, Σw²,
    /// the shift, the offset and M2 as little-endian IEEE 754 doubles (see <c>docs/scoring.md</c>).
    /// </summary>
    /// <param name="destination">Where to write; <see cref="MaxBinarySize"/> bytes always suffice.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 when the destination is too small.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public readonly bool TryWriteTo(Span<byte> destination, out int bytesWritten)
    {
        var writer = BinaryState.Writer(destination, BinaryKind.Mean);
        writer.WriteVarint(_count);
        writer.WriteDouble(_sumOfWeights);
        writer.WriteDouble(_sumOfSquaredWeights);
        writer.WriteDouble(_shift);
        writer.WriteDouble(_offset);
        writer.WriteDouble(_m2);
        bytesWritten = writer.Ok ? writer.Position : 0;
        return writer.Ok;
    }

    /// <summary>Reads a state written by <see cref="TryWriteTo"/>.</summary>
    /// <param name="source">The bytes; the state is read from their start.</param>
    /// <param name="value">The accumulator read; empty when the bytes are not a valid state.</param>
    /// <param name="bytesRead">How many bytes the state took.</param>
    /// <returns><see langword="false"/> when the bytes are truncated or malformed, of another version or kind, or inconsistent (a negative or non-finite sum).</returns>
    public static bool TryReadFrom(ReadOnlySpan<byte> source, out MeanAccumulator value, out int bytesRead)
    {
        var reader = BinaryState.Reader(source, BinaryKind.Mean);
        var count = reader.ReadVarint();
        var (w, w2, shift, offset, m2) = (reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        if (reader.Ok && TryRestore(count, w, w2, shift, offset, m2, out value))
        {
            bytesRead = reader.Position;
            return true;
        }

        value = default;
        bytesRead = 0;
        return false;
    }

    /// <summary>Returns the merge of two accumulators.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the observations of both.</returns>
    /// <exception cref="OverflowException">The merged count or sums exceed their range.</exception>
    public static MeanAccumulator Combine(in MeanAccumulator first, in MeanAccumulator second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>Computes the mean, variance and t interval.</summary>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The result; no mean when there are no observations (or no weight), no variance with fewer than two.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public readonly MeanResult GetResult(double level = 0.95) =>
        MeanResult.FromMoments(_count, _sumOfWeights, _sumOfSquaredWeights, _shift + _offset, _m2, level);

    /// <inheritdoc />
    public readonly bool Equals(MeanAccumulator other) =>
        _count == other._count && _sumOfWeights.Equals(other._sumOfWeights) && _sumOfSquaredWeights.Equals(other._sumOfSquaredWeights)
        && _shift.Equals(other._shift) && _offset.Equals(other._offset) && _m2.Equals(other._m2);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is MeanAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(_count, _sumOfWeights, _sumOfSquaredWeights, _shift, _offset, _m2);

    /// <summary>Returns whether two accumulators hold the same state.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(MeanAccumulator left, MeanAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators differ.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MeanAccumulator left, MeanAccumulator right) => !left.Equals(right);
}

/// <summary>The JSON state of a <see cref="MeanAccumulator"/>: the version, the count and the five sums, exactly.</summary>
internal sealed class MeanAccumulatorJsonConverter : JsonConverter<MeanAccumulator>
{
    public override MeanAccumulator Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var state = (Count: 0L, W: 0.0, W2: 0.0, Shift: 0.0, Offset: 0.0, M2: 0.0, Seen: 0);
        JsonState.ReadObject(ref reader, "mean accumulator", ref state, static (ref Utf8JsonReader r, string name, ref (long Count, double W, double W2, double Shift, double Offset, double M2, int Seen) s) =>
        {
            switch (name)
            {
                case "count": s.Count = JsonState.ReadCount(ref r, name); break;
                case "sumOfWeights": s.W = JsonState.ReadDouble(ref r, name); break;
                case "sumOfSquaredWeights": s.W2 = JsonState.ReadDouble(ref r, name); break;
                case "shift": s.Shift = JsonState.ReadDouble(ref r, name); break;
                case "offset": s.Offset = JsonState.ReadDouble(ref r, name); break;
                case "m2": s.M2 = JsonState.ReadDouble(ref r, name); break;
                default: return false;
            }

            s.Seen++;
            return true;
        });
        return state.Seen == 6 && MeanAccumulator.TryRestore(state.Count, state.W, state.W2, state.Shift, state.Offset, state.M2, out var value)
            ? value
            : throw new JsonException("A mean accumulator state needs count, sumOfWeights, sumOfSquaredWeights, shift, offset and m2, each once and consistent (sums ≥ 0, 0 when empty).");
    }

    public override void Write(Utf8JsonWriter writer, MeanAccumulator value, JsonSerializerOptions options)
    {
        JsonState.WriteStart(writer);
        writer.WriteNumber("count", value.Count);
        writer.WriteNumber("sumOfWeights", value.SumOfWeights);
        writer.WriteNumber("sumOfSquaredWeights", value.SumOfSquaredWeights);
        writer.WriteNumber("shift", value.Shift);
        writer.WriteNumber("offset", value.Offset);
        writer.WriteNumber("m2", value.SumOfSquaredDeviations);
        writer.WriteEndObject();
    }
}
