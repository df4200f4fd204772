namespace ServiceQuality.Scoring.Proportions;

/// <summary>
/// A mergeable customer-satisfaction (CSAT) accumulator for ratings 1-5: the count of each rating, so the top-box
/// threshold is chosen when the result is computed. <see cref="Merge"/> adds counts: associative, commutative,
/// <see langword="default"/> the identity.
/// </summary>
public struct CsatAccumulator : IEquatable<CsatAccumulator>
{
    /// <summary>The lowest rating, 1.</summary>
    public const int Minimum = 1;

    /// <summary>The highest rating, 5.</summary>
    public const int Maximum = 5;

    private RatingHistogram _histogram;

    /// <summary>Gets the number of ratings.</summary>
    public readonly long Count => _histogram.Count;

    /// <summary>Gets the number of ratings equal to <paramref name="rating"/>.</summary>
    /// <param name="rating">A rating in [1, 5].</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside [1, 5].</exception>
    public readonly long CountOf(int rating)
    {
        Check.InRange(rating, Minimum, Maximum, nameof(rating));
        return _histogram[rating];
    }

    /// <summary>Adds one rating.</summary>
    /// <param name="rating">An integer in [1, 5].</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside [1, 5].</exception>
    public void Add(int rating) => _histogram.Add(rating, Minimum, Maximum, nameof(rating));

    /// <summary>Adds many ratings held as bytes (vectorized). Nothing is added when a rating is invalid.</summary>
    /// <param name="ratings">Integers in [1, 5].</param>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside [1, 5]; the message gives its index.</exception>
    public void Add(ReadOnlySpan<byte> ratings) => _histogram.Add(ratings, Minimum, Maximum, nameof(ratings));

    /// <summary>Adds many ratings. Nothing is added when a rating is invalid.</summary>
    /// <param name="ratings">Integers in [1, 5].</param>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside [1, 5]; the message gives its index.</exception>
    public void Add(ReadOnlySpan<int> ratings) => _histogram.Add(ratings, Minimum, Maximum, nameof(ratings));

    /// <summary>Adds the ratings of another accumulator.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    public void Merge(in CsatAccumulator other) => _histogram.Merge(other._histogram);

    /// <summary>Returns the merge of two accumulators.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the ratings of both.</returns>
    public static CsatAccumulator Combine(in CsatAccumulator first, in CsatAccumulator second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>Computes the result with the default options (top-2-box, Wilson, 95%).</summary>
    /// <returns>The result; no score when there are no ratings.</returns>
    public readonly CsatResult GetResult() => GetResult(CsatOptions.Default);

    /// <summary>Computes the top-box share and the mean rating.</summary>
    /// <param name="options">The top-box threshold and the proportion options.</param>
    /// <returns>The result; no score when there are no ratings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public readonly CsatResult GetResult(CsatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var top = Proportion.FromCounts(_histogram.CountBetween(options.TopBoxMinimum, Maximum), _histogram.Count, options.Proportion);
        return new CsatResult(top, RatingScale.Mean(_histogram, Minimum, Maximum, options.Proportion.ConfidenceLevel));
    }

    /// <inheritdoc />
    public readonly bool Equals(CsatAccumulator other) => _histogram.Equals(other._histogram);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is CsatAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => _histogram.GetHashCode();

    /// <summary>Returns whether two accumulators hold the same counts.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CsatAccumulator left, CsatAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators differ.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CsatAccumulator left, CsatAccumulator right) => !left.Equals(right);
}
