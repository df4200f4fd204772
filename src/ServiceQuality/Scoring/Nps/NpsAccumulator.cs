namespace ServiceQuality.Scoring.Nps;

/// <summary>
/// A mergeable Net Promoter Score accumulator: the counts of each rating 0..10, so the category breaks are chosen when
/// the result is computed. <see cref="Merge"/> adds counts: associative, commutative, with <see langword="default"/>
/// as identity, so the score over any partition of the responses merged in any order equals the score over all of them.
/// </summary>
public struct NpsAccumulator : IEquatable<NpsAccumulator>
{
    private const int Min = 0;
    private const int Max = 10;
    private RatingHistogram _histogram;

    /// <summary>Gets the number of responses.</summary>
    public readonly long Count => _histogram.Count;

    /// <summary>Gets the number of responses with the given rating.</summary>
    /// <param name="rating">A rating in [0, 10].</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside [0, 10].</exception>
    public readonly long CountOf(int rating)
    {
        Check.InRange(rating, Min, Max, nameof(rating));
        return _histogram[rating];
    }

    /// <summary>Adds one response.</summary>
    /// <param name="rating">The likelihood to recommend, an integer in [0, 10].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is outside [0, 10].</exception>
    public void Add(int rating) => _histogram.Add(rating, Min, Max, nameof(rating));

    /// <summary>Adds <paramref name="count"/> responses with the same rating.</summary>
    /// <param name="rating">The likelihood to recommend, an integer in [0, 10].</param>
    /// <param name="count">How many responses, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is outside [0, 10] or the count is negative.</exception>
    public void Add(int rating, long count) => _histogram.Add(rating, count, Min, Max);

    /// <summary>Adds many responses held as bytes: the vectorized bulk path. Nothing is added when any rating is invalid.</summary>
    /// <param name="ratings">Ratings in [0, 10].</param>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside [0, 10]; the message gives its index.</exception>
    public void Add(ReadOnlySpan<byte> ratings) => _histogram.Add(ratings, Min, Max, nameof(ratings));

    /// <summary>Adds many responses. Nothing is added when any rating is invalid.</summary>
    /// <param name="ratings">Ratings in [0, 10].</param>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside [0, 10]; the message gives its index.</exception>
    public void Add(ReadOnlySpan<int> ratings) => _histogram.Add(ratings, Min, Max, nameof(ratings));

    /// <summary>Adds the responses of another accumulator.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    public void Merge(in NpsAccumulator other) => _histogram.Merge(other._histogram);

    /// <summary>Returns the merge of two accumulators, leaving both unchanged.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the responses of both.</returns>
    public static NpsAccumulator Combine(in NpsAccumulator first, in NpsAccumulator second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>Computes the score with the default options.</summary>
    /// <returns>The result; no score when there are no responses.</returns>
    public readonly NpsResult GetResult() => GetResult(NpsOptions.Default);

    /// <summary>Computes the score.</summary>
    /// <param name="options">The breaks, confidence level, interval method and clipping.</param>
    /// <returns>The result; no score when there are no responses.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public readonly NpsResult GetResult(NpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var breaks = options.Breaks;
        var detractors = _histogram.CountBetween(Min, breaks.DetractorMaximum);
        var promoters = _histogram.CountBetween(breaks.PromoterMinimum, Max);
        var n = _histogram.Count;
        return Nps.FromCounts(detractors, n - detractors - promoters, promoters, options);
    }

    /// <inheritdoc />
    public readonly bool Equals(NpsAccumulator other) => _histogram.Equals(other._histogram);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is NpsAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => _histogram.GetHashCode();

    /// <summary>Returns whether two accumulators hold the same counts.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when every count is equal.</returns>
    public static bool operator ==(NpsAccumulator left, NpsAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators differ.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when any count differs.</returns>
    public static bool operator !=(NpsAccumulator left, NpsAccumulator right) => !left.Equals(right);
}
