using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>
/// A mergeable accumulator of integer ratings on the scale <typeparamref name="TScale"/>: the count of each rating,
/// so thresholds (NPS breaks, top-box) are chosen when a result is computed. This is the NPS, CSAT and CES
/// accumulator: <c>RatingAccumulator&lt;NpsScale&gt;</c> with <c>GetNps</c> (<c>ServiceQuality.Scoring.Nps</c>),
/// <c>RatingAccumulator&lt;CsatScale&gt;</c> with <c>GetCsat</c> (<c>ServiceQuality.Scoring.Csat</c>),
/// <c>RatingAccumulator&lt;CesScale&gt;</c> with <c>GetCes</c> (<c>ServiceQuality.Scoring.Ces</c>) or <see cref="GetMean"/>. <see cref="Merge"/> adds counts: exactly associative and commutative, with
/// <see langword="default"/> as identity, so the result over any partition merged in any order equals the result
/// over all of the ratings. The bulk path over bytes is vectorized. The state travels as JSON
/// (<see cref="RatingAccumulatorJsonConverter{TScale}"/>) or as compact binary (<see cref="TryWriteTo"/>, <see cref="TryReadFrom"/>).
/// </summary>
/// <typeparam name="TScale">The rating scale.</typeparam>
[JsonConverter(typeof(RatingAccumulatorJsonConverterFactory))]
public struct RatingAccumulator<TScale> : IEquatable<RatingAccumulator<TScale>>
    where TScale : IRatingScale
{
    /// <summary>The most bytes <see cref="TryWriteTo"/> writes: version, kind, the scale's bounds and up to eleven varint counts.</summary>
    public const int MaxBinarySize = 4 + (RatingHistogram.Bins * BinaryState.MaxVarintSize);

    private RatingHistogram _histogram;

    /// <summary>Gets the number of ratings.</summary>
    public readonly long Count => _histogram.Count;

    /// <summary>Gets the number of ratings equal to <paramref name="rating"/>.</summary>
    /// <param name="rating">A rating on the scale.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rating is off the scale.</exception>
    public readonly long CountOf(int rating)
    {
        Check.InRange(rating, Min, Max, nameof(rating));
        return _histogram[rating];
    }

    /// <summary>Gets the number of ratings in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="minimum">The lowest rating counted.</param>
    /// <param name="maximum">The highest rating counted.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is off the scale or they are out of order.</exception>
    public readonly long CountBetween(int minimum, int maximum)
    {
        Check.InRange(minimum, Min, Max, nameof(minimum));
        Check.InRange(maximum, minimum, Max, nameof(maximum));
        return _histogram.CountBetween(minimum, maximum);
    }

    private static int Min => ValidScale ? TScale.Minimum : throw InvalidScale();

    private static int Max => TScale.Maximum;

    private static bool ValidScale => TScale.Minimum >= 0 && TScale.Maximum <= RatingHistogram.Bins - 1 && TScale.Minimum < TScale.Maximum;

    /// <summary>Adds one rating.</summary>
    /// <param name="rating">An integer on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is off the scale; the message names the range.</exception>
    public void Add(int rating) => _histogram.Add(rating, Min, Max, nameof(rating));

    /// <summary>Adds <paramref name="count"/> ratings with the same value.</summary>
    /// <param name="rating">An integer on the scale.</param>
    /// <param name="count">How many, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is off the scale or the count is negative.</exception>
    public void Add(int rating, long count) => _histogram.Add(rating, count, Min, Max);

    /// <summary>Adds many ratings held as bytes: the vectorized bulk path. Nothing is added when any rating is invalid.</summary>
    /// <param name="ratings">Integers on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rating is off the scale; the message gives its index.</exception>
    public void Add(ReadOnlySpan<byte> ratings) => _histogram.Add(ratings, Min, Max, nameof(ratings));

    /// <summary>Adds many ratings. Nothing is added when any rating is invalid.</summary>
    /// <param name="ratings">Integers on the scale.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rating is off the scale; the message gives its index.</exception>
    public void Add(ReadOnlySpan<int> ratings) => _histogram.Add(ratings, Min, Max, nameof(ratings));

    /// <summary>Adds the ratings of another accumulator.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    public void Merge(in RatingAccumulator<TScale> other) => _histogram.Merge(other._histogram);

    /// <summary>Returns the merge of two accumulators, leaving both unchanged.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the ratings of both.</returns>
    public static RatingAccumulator<TScale> Combine(in RatingAccumulator<TScale> first, in RatingAccumulator<TScale> second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>The mean rating with its Student-t interval (for CES: the mean effort, lower is better).</summary>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The mean; no mean when there are no ratings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public readonly MeanResult GetMean(double level = 0.95)
    {
        // Two passes over the bins: the mean, then the squared deviations from it (exact for any count).
        double n = _histogram.Count, sum = 0;
        for (var r = Min; r <= Max; r++)
        {
            sum += r * (double)_histogram[r];
        }

        var mean = n > 0 ? sum / n : 0;
        double m2 = 0;
        for (var r = Min; r <= Max; r++)
        {
            m2 += _histogram[r] * (r - mean) * (r - mean);
        }

        return MeanResult.FromMoments(_histogram.Count, n, n, mean, m2, level);
    }

    /// <summary>The share of ratings in [<paramref name="minimum"/>, <paramref name="maximum"/>] (top-box, bottom-box, "low effort").</summary>
    /// <param name="minimum">The lowest rating counted.</param>
    /// <param name="maximum">The highest rating counted.</param>
    /// <param name="options">The interval options; Wilson, 95%, clipped when <see langword="null"/>.</param>
    /// <returns>The proportion; no estimate when there are no ratings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is off the scale, or an option is out of range.</exception>
    public readonly ProportionResult GetShare(int minimum, int maximum, ProportionOptions? options = null) =>
        Proportion.FromCounts(CountBetween(minimum, maximum), Count, options);

    /// <summary>
    /// The ratings as an unweighted <see cref="MeanAccumulator"/> (count, mean and sum of squared deviations, exact from
    /// the counts): the sufficient statistics of a one-way ANOVA across groups of ratings.
    /// </summary>
    /// <returns>The accumulator; empty when there are no ratings.</returns>
    public readonly MeanAccumulator ToMeanAccumulator()
    {
        var mean = GetMean();
        return mean.SampleSize == 0 ? default : MeanAccumulator.FromMoments(mean.SampleSize, mean.Estimate!.Value, (mean.Variance ?? 0) * (mean.SampleSize - 1));
    }

    /// <summary>
    /// Writes the compact binary state: format version 1, kind 1, the scale's minimum and maximum as bytes, then the
    /// count of each rating from minimum to maximum as an unsigned LEB128 varint (see <c>docs/scoring.md</c>).
    /// </summary>
    /// <param name="destination">Where to write; <see cref="MaxBinarySize"/> bytes always suffice.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 when the destination is too small.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public readonly bool TryWriteTo(Span<byte> destination, out int bytesWritten)
    {
        var writer = BinaryState.Writer(destination, BinaryKind.Ratings);
        writer.WriteByte((byte)Min);
        writer.WriteByte((byte)Max);
        for (var r = Min; r <= Max; r++)
        {
            writer.WriteVarint(_histogram[r]);
        }

        bytesWritten = writer.Ok ? writer.Position : 0;
        return writer.Ok;
    }

    /// <summary>Reads a state written by <see cref="TryWriteTo"/>.</summary>
    /// <param name="source">The bytes; the state is read from their start.</param>
    /// <param name="value">The accumulator read; empty when the bytes are not a valid state.</param>
    /// <param name="bytesRead">How many bytes the state took.</param>
    /// <returns>
    /// <see langword="false"/> when the bytes are truncated or malformed, of another format version or kind, of another
    /// scale, or their counts sum past <see cref="long.MaxValue"/>.
    /// </returns>
    public static bool TryReadFrom(ReadOnlySpan<byte> source, out RatingAccumulator<TScale> value, out int bytesRead)
    {
        value = default;
        bytesRead = 0;
        var reader = BinaryState.Reader(source, BinaryKind.Ratings);
        if (!reader.Ok || reader.ReadByte() != Min || reader.ReadByte() != Max)
        {
            return false;
        }

        Span<long> counts = stackalloc long[RatingHistogram.Bins];
        counts.Clear();
        for (var r = Min; r <= Max; r++)
        {
            counts[r] = reader.ReadVarint();
        }

        if (!reader.Ok || !RatingHistogram.TryRestore(counts, out var histogram))
        {
            return false;
        }

        value._histogram = histogram;
        bytesRead = reader.Position;
        return true;
    }

    /// <summary>Restores an accumulator from the counts of ratings minimum..maximum; false when a count is negative or they overflow.</summary>
    internal static bool TryRestore(ReadOnlySpan<long> countsFromMinimum, out RatingAccumulator<TScale> value)
    {
        value = default;
        if (countsFromMinimum.Length != Max - Min + 1)
        {
            return false;
        }

        Span<long> counts = stackalloc long[RatingHistogram.Bins];
        counts.Clear();
        countsFromMinimum.CopyTo(counts[Min..]);
        if (!RatingHistogram.TryRestore(counts, out var histogram))
        {
            return false;
        }

        value._histogram = histogram;
        return true;
    }

    /// <summary>Gets the scale's lowest rating (validating the scale).</summary>
    internal static int ScaleMinimum => Min;

    /// <summary>Gets the scale's highest rating.</summary>
    internal static int ScaleMaximum => Max;

    private static InvalidOperationException InvalidScale() =>
        new($"The rating scale {typeof(TScale).Name} must satisfy 0 ≤ Minimum < Maximum ≤ 10 (it is {TScale.Minimum}..{TScale.Maximum}).");

    /// <inheritdoc />
    public readonly bool Equals(RatingAccumulator<TScale> other) => _histogram.Equals(other._histogram);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is RatingAccumulator<TScale> other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => _histogram.GetHashCode();

    /// <summary>Returns whether two accumulators hold the same counts.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when every count is equal.</returns>
    public static bool operator ==(RatingAccumulator<TScale> left, RatingAccumulator<TScale> right) => left.Equals(right);

    /// <summary>Returns whether two accumulators differ.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when any count differs.</returns>
    public static bool operator !=(RatingAccumulator<TScale> left, RatingAccumulator<TScale> right) => !left.Equals(right);
}
