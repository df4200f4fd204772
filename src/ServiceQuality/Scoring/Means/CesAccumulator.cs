namespace ServiceQuality.Scoring.Means;

/// <summary>
/// A mergeable customer-effort (CES) accumulator for ratings 1-7, where 1 is the least effort: lower is better. It
/// keeps the count of each rating. <see cref="Merge"/> adds counts: associative, commutative, <see langword="default"/>
/// the identity.
/// </summary>
public struct CesAccumulator : IEquatable<CesAccumulator>
{
    /// <summary>The lowest rating, 1.</summary>
    public const int Minimum = 1;

    /// <summary>The highest rating, 7.</summary>
    public const int Maximum = 7;

    private RatingHistogram _histogram;

    /// <summary>Gets the number of ratings.</summary>
    public readonly long Count => _histogram.Count;

    /// <summary>Gets the number of ratings equal to <paramref name="rating"/>.</summary>
    /// <param name="rating">A rating in [1, 7].</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside [1, 7].</exception>
    public readonly long CountOf(int rating)
    {
        Check.InRange(rating, Minimum, Maximum, nameof(rating));
        return _histogram[rating];
    }

    /// <summary>Adds one rating.</summary>
    /// <param name="rating">An integer in [1, 7].</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside [1, 7].</exception>
    public void Add(int rating) => _histogram.Add(rating, Minimum, Maximum, nameof(rating));

    /// <summary>Adds many ratings held as bytes (vectorized). Nothing is added when a rating is invalid.</summary>
    /// <param name="ratings">Integers in [1, 7].</param>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside [1, 7]; the message gives its index.</exception>
    public void Add(ReadOnlySpan<byte> ratings) => _histogram.Add(ratings, Minimum, Maximum, nameof(ratings));

    /// <summary>Adds many ratings. Nothing is added when a rating is invalid.</summary>
    /// <param name="ratings">Integers in [1, 7].</param>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside [1, 7]; the message gives its index.</exception>
    public void Add(ReadOnlySpan<int> ratings) => _histogram.Add(ratings, Minimum, Maximum, nameof(ratings));

    /// <summary>Adds the ratings of another accumulator.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    public void Merge(in CesAccumulator other) => _histogram.Merge(other._histogram);

    /// <summary>Returns the merge of two accumulators.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the ratings of both.</returns>
    public static CesAccumulator Combine(in CesAccumulator first, in CesAccumulator second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>Computes the mean effort with its t interval (lower is better).</summary>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <returns>The result; no mean when there are no ratings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public readonly MeanResult GetResult(double level = 0.95) => RatingScale.Mean(_histogram, Minimum, Maximum, level);

    /// <summary>Gets the share of ratings at or below <paramref name="maximum"/> ("low effort"), with its Wilson interval.</summary>
    /// <param name="maximum">The highest rating counted as low effort, in [1, 7]; 3 by default.</param>
    /// <returns>The proportion; no estimate when there are no ratings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximum"/> is outside [1, 7].</exception>
    public readonly Proportions.ProportionResult LowEffortShare(int maximum = 3)
    {
        Check.InRange(maximum, Minimum, Maximum, nameof(maximum));
        return Proportions.Proportion.FromCounts(_histogram.CountBetween(Minimum, maximum), _histogram.Count);
    }

    /// <inheritdoc />
    public readonly bool Equals(CesAccumulator other) => _histogram.Equals(other._histogram);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is CesAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => _histogram.GetHashCode();

    /// <summary>Returns whether two accumulators hold the same counts.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CesAccumulator left, CesAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators differ.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CesAccumulator left, CesAccumulator right) => !left.Equals(right);
}
