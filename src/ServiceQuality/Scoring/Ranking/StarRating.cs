
namespace ServiceQuality.Scoring;

/// <summary>
/// Ranking by star ratings: the lower bound of Evan Miller's Bayesian approximation for K-star ratings ("Ranking Items
/// With Star Ratings", 2014), beside the Wilson lower bound of up/down ratings
/// (<see cref="ProportionIntervals.WilsonLowerBound"/>). With a Dirichlet(1, …, 1) prior over the K ratings,
/// S = Σ s_k·p_k - z·√((Σ s_k²·p_k - (Σ s_k·p_k)²)/(N + K + 1)) with p_k = (n_k + 1)/(N + K) and s_k the points of
/// rating k: an item with one perfect rating does not outrank one with hundreds of very good ones, and an item with no
/// ratings sits at the middle of the scale minus its uncertainty.
/// </summary>
public static class StarRating
{
    /// <summary>The lower bound of the average rating.</summary>
    /// <param name="counts">The number of ratings worth <paramref name="lowestPoints"/>, <paramref name="lowestPoints"/> + 1, …; at least two ratings levels.</param>
    /// <param name="level">
    /// The one-sided probability that the average rating is at least the bound, in (0, 1): z = Φ⁻¹(level). Evan Miller's
    /// z = 1.65 is a level of about 0.95 ("95% of the time, the item will have an average rating greater than X").
    /// </param>
    /// <param name="lowestPoints">The points of the lowest rating; 1 for 1-5 stars.</param>
    /// <returns>The bound, on the scale of the points.</returns>
    /// <exception cref="ArgumentException">Fewer than two rating levels.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the level is outside (0, 1).</exception>
    /// <exception cref="OverflowException">The counts sum past <see cref="long.MaxValue"/>.</exception>
    public static double LowerBound(ReadOnlySpan<long> counts, double level = 0.95, int lowestPoints = 1)
    {
        Check.Level(level, nameof(level));
        return LowerBoundAtZ(counts, Distributions.NormalQuantile(level), lowestPoints);
    }

    /// <summary>The lower bound of the average rating of an accumulator, each rating worth its value.</summary>
    /// <typeparam name="TScale">The rating scale.</typeparam>
    /// <param name="ratings">The ratings.</param>
    /// <param name="level">The one-sided probability that the average rating is at least the bound, in (0, 1).</param>
    /// <returns>The bound, on the rating scale.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static double GetStarRatingLowerBound<TScale>(this in RatingAccumulator<TScale> ratings, double level = 0.95)
        where TScale : IRatingScale
    {
        Span<long> counts = stackalloc long[TScale.Maximum - TScale.Minimum + 1];
        for (var r = TScale.Minimum; r <= TScale.Maximum; r++)
        {
            counts[r - TScale.Minimum] = ratings.CountOf(r);
        }

        return LowerBound(counts, level, TScale.Minimum);
    }

    /// <summary>The bound for a given critical value z (Evan Miller's examples use z = 1.65).</summary>
    internal static double LowerBoundAtZ(ReadOnlySpan<long> counts, double z, int lowestPoints)
    {
        if (counts.Length < 2)
        {
            throw new ArgumentException($"A star rating needs at least 2 rating levels (got {counts.Length}).", nameof(counts));
        }

        long n = 0;
        foreach (var c in counts)
        {
            Check.NonNegative(c, nameof(counts));
            n = Check.Sum(n, c, "ratings");
        }

        double total = (double)n + counts.Length, mean = 0, second = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            var share = (counts[k] + 1.0) / total;
            double points = lowestPoints + k;
            mean += points * share;
            second += points * points * share;
        }

        return mean - (z * Math.Sqrt(Math.Max(0, second - (mean * mean)) / (total + 1)));
    }
}
