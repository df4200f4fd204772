using System.Numerics;
using System.Runtime.InteropServices;

namespace ServiceQuality.Scoring.Means;

/// <summary>
/// A mergeable, optionally weighted mean: it keeps the count and the sums Σw, Σwx, Σwx², Σw². <see cref="Merge"/> adds
/// the sums: commutative, associative up to floating-point rounding (exactly, for integer ratings and weights), with
/// <see langword="default"/> as identity. Sums of squares are accumulated directly, which is exact for rating scales;
/// for data with a large offset relative to its spread, centre it first.
/// </summary>
public struct MeanAccumulator : IEquatable<MeanAccumulator>
{
    /// <summary>Gets the number of observations.</summary>
    public long Count { readonly get; private set; }

    /// <summary>Gets Σw.</summary>
    public double SumOfWeights { readonly get; private set; }

    /// <summary>Gets Σwx.</summary>
    public double WeightedSum { readonly get; private set; }

    /// <summary>Gets Σwx².</summary>
    public double WeightedSumOfSquares { readonly get; private set; }

    /// <summary>Gets Σw².</summary>
    public double SumOfSquaredWeights { readonly get; private set; }

    /// <summary>Adds one observation with weight 1.</summary>
    /// <param name="value">A finite value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public void Add(double value) => Add(value, 1);

    /// <summary>Adds one weighted observation (a reliability weight, e.g. a time-decay weight).</summary>
    /// <param name="value">A finite value.</param>
    /// <param name="weight">A finite weight ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or the weight is negative, NaN or infinite.</exception>
    public void Add(double value, double weight)
    {
        Check.Finite(value, nameof(value));
        Check.Weight(weight, nameof(weight));
        Count++;
        SumOfWeights += weight;
        WeightedSum += weight * value;
        WeightedSumOfSquares += weight * value * value;
        SumOfSquaredWeights += weight * weight;
    }

    /// <summary>Adds many observations with weight 1: the vectorized bulk path. Nothing is added when a value is not finite.</summary>
    /// <param name="values">Finite values.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite; the message gives its index.</exception>
    public void Add(ReadOnlySpan<double> values)
    {
        double sum = 0, sumSq = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            Vector<double> s = Vector<double>.Zero, q = Vector<double>.Zero;
            foreach (var v in vectors)
            {
                s += v;
                q += v * v;
            }

            sum = Vector.Sum(s);
            sumSq = Vector.Sum(q);
            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            sum += values[i];
            sumSq += values[i] * values[i];
        }

        if (!double.IsFinite(sumSq))
        {
            for (var j = 0; j < values.Length; j++)
            {
                if (!double.IsFinite(values[j]))
                {
                    throw new ArgumentOutOfRangeException(nameof(values), values[j], $"The value at index {j} must be a finite number (not NaN or infinity).");
                }
            }

            throw new ArgumentOutOfRangeException(nameof(values), "The sum of squares overflows; centre or rescale the values.");
        }

        Count += values.Length;
        SumOfWeights += values.Length;
        WeightedSum += sum;
        WeightedSumOfSquares += sumSq;
        SumOfSquaredWeights += values.Length;
    }

    /// <summary>Adds the observations of another accumulator.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    public void Merge(in MeanAccumulator other)
    {
        Count += other.Count;
        SumOfWeights += other.SumOfWeights;
        WeightedSum += other.WeightedSum;
        WeightedSumOfSquares += other.WeightedSumOfSquares;
        SumOfSquaredWeights += other.SumOfSquaredWeights;
    }

    /// <summary>Returns the merge of two accumulators.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the observations of both.</returns>
    public static MeanAccumulator Combine(in MeanAccumulator first, in MeanAccumulator second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>Computes the mean, variance and t interval.</summary>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The result; no mean when there are no observations.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public readonly MeanResult GetResult(double level = 0.95) =>
        MeanResult.FromSums(Count, SumOfWeights, WeightedSum, WeightedSumOfSquares, SumOfSquaredWeights, level);

    /// <inheritdoc />
    public readonly bool Equals(MeanAccumulator other) =>
        Count == other.Count && SumOfWeights.Equals(other.SumOfWeights) && WeightedSum.Equals(other.WeightedSum)
        && WeightedSumOfSquares.Equals(other.WeightedSumOfSquares) && SumOfSquaredWeights.Equals(other.SumOfSquaredWeights);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is MeanAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Count, SumOfWeights, WeightedSum, WeightedSumOfSquares, SumOfSquaredWeights);

    /// <summary>Returns whether two accumulators hold the same sums.</summary>
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
