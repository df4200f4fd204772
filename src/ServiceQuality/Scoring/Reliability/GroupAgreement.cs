using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>
/// Team-level consistency of ratings nested in groups (agents or teams), as R <c>multilevel</c>'s <c>ICC1</c> and
/// <c>ICC2</c> compute them from a one-way ANOVA: how much of the variance lies between groups (ICC1: the "we"
/// mentality is a small ICC1 — clients get the same experience whoever they meet) and how reliably the group means
/// differ (ICC2).
/// </summary>
public readonly record struct GroupAgreementResult
{
    [JsonConstructor]
    internal GroupAgreementResult(double? icc1, double? icc2, double? f, double df1, double df2, double? pValue, int groups, long sampleSize, UndefinedReason undefined)
    {
        Icc1 = icc1;
        Icc2 = icc2;
        F = f;
        Df1 = df1;
        Df2 = df2;
        PValue = pValue;
        Groups = groups;
        SampleSize = sampleSize;
        Undefined = undefined;
    }

    /// <summary>
    /// Gets ICC1, (MSB - MSW) / (MSB + (n̄ - 1)·MSW) with n̄ = N / G, the mean group size (multilevel's GSIZE); <see langword="null"/>
    /// when MSB = MSW = 0 (every rating equal) or there are too few groups or ratings.
    /// </summary>
    public double? Icc1 { get; }

    /// <summary>Gets ICC2, (MSB - MSW) / MSB: the reliability of the group means; <see langword="null"/> when MSB = 0 (every group has the same mean).</summary>
    public double? Icc2 { get; }

    /// <summary>Gets the F statistic MSB / MSW; <see langword="null"/> when MSW = 0 (no variance within groups).</summary>
    public double? F { get; }

    /// <summary>Gets the numerator degrees of freedom, G - 1.</summary>
    public double Df1 { get; }

    /// <summary>Gets the denominator degrees of freedom, N - G.</summary>
    public double Df2 { get; }

    /// <summary>Gets the p-value of the F test of no group differences; <see langword="null"/> with <see cref="F"/>.</summary>
    public double? PValue { get; }

    /// <summary>Gets the number of groups G (groups with at least one rating).</summary>
    public int Groups { get; }

    /// <summary>Gets the number of ratings N.</summary>
    public long SampleSize { get; }

    /// <summary>
    /// Gets why a statistic is missing: <see cref="UndefinedReason.TooFewObservations"/> with fewer than 2 groups or no more ratings than groups,
    /// <see cref="UndefinedReason.NoVariance"/> when a mean square the statistics divide by is 0, <see cref="UndefinedReason.None"/> otherwise.
    /// </summary>
    public UndefinedReason Undefined { get; }

    /// <summary>Gets whether there is an ICC1 (<see cref="Icc2"/> and <see cref="F"/> may still be missing; <see cref="Undefined"/> says why).</summary>
    public bool HasValue => Icc1.HasValue;
}

/// <summary>
/// Computes <see cref="GroupAgreementResult"/> (reference: R <c>multilevel::ICC1</c>, <c>ICC2</c>) from raw ratings or
/// from each group's sufficient statistics (count, mean, sum of squared deviations), so agreement can be computed from
/// merged partial tallies without the raw ratings.
/// </summary>
/// <remarks>
/// Each group is accumulated with the stable updates of <see cref="MeanAccumulator"/> and the group means are compared
/// against a common shift, so ratings offset by 1e9 give the same ICCs as the unshifted ratings. A between- or
/// within-group sum of squares below 1e-12 of the total is rounding and taken as 0, so groups with equal means give an
/// undefined ICC2 whatever order their tallies were merged in.
/// </remarks>
public static class GroupAgreement
{
    /// <summary>A between- or within-group sum of squares below this share of the total is rounding, taken as 0.</summary>
    internal const double RoundingTolerance = 1e-12;

    /// <summary>Computes ICC1 and ICC2 for ratings nested in groups.</summary>
    /// <param name="groups">The group of each rating (any id).</param>
    /// <param name="ratings">The ratings, finite, same length as <paramref name="groups"/>.</param>
    /// <returns>The result; undefined statistics as documented on <see cref="GroupAgreementResult"/>.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is not finite.</exception>
    public static GroupAgreementResult Compute(ReadOnlySpan<int> groups, ReadOnlySpan<double> ratings)
    {
        if (groups.Length != ratings.Length)
        {
            throw new ArgumentException($"There must be one group id per rating ({groups.Length} ids for {ratings.Length} ratings).", nameof(groups));
        }

        var index = new Dictionary<int, int>();
        var stats = new List<MeanAccumulator>();
        for (var i = 0; i < ratings.Length; i++)
        {
            Check.Finite(ratings[i], nameof(ratings));
            if (!index.TryGetValue(groups[i], out var g))
            {
                index[groups[i]] = g = stats.Count;
                stats.Add(default);
            }

            var acc = stats[g];
            acc.Add(ratings[i]);
            stats[g] = acc;
        }

        return Compute(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stats));
    }

    /// <summary>
    /// Computes ICC1 and ICC2 from each group's unweighted accumulator (its count, mean and sum of squared deviations
    /// are the one-way ANOVA's sufficient statistics). Groups with no ratings are left out.
    /// </summary>
    /// <param name="groups">One accumulator per group, of ratings added with weight 1.</param>
    /// <returns>The result; undefined statistics as documented on <see cref="GroupAgreementResult"/>.</returns>
    /// <exception cref="ArgumentException">An accumulator holds weighted observations (the ANOVA needs unit weights).</exception>
    public static GroupAgreementResult Compute(ReadOnlySpan<MeanAccumulator> groups)
    {
        // Between groups: each group's mean minus the first group's, formed from their shifts and offsets (not from the
        // rounded means) so that an offset of 1e9 keeps every digit; SSB is then the count-weighted M2 of those differences.
        long n = 0;
        var g = 0;
        double referenceShift = 0, referenceOffset = 0, ssw = 0;
        MeanAccumulator centre = default;
        foreach (var group in groups)
        {
            if (group.Count == 0)
            {
                continue;
            }

            if (group.SumOfWeights != group.Count || group.SumOfSquaredWeights != group.Count)
            {
                throw new ArgumentException($"Group {g} holds weighted observations (Σw = {group.SumOfWeights} for {group.Count} ratings); the one-way ANOVA needs ratings added with weight 1.", nameof(groups));
            }

            if (g == 0)
            {
                (referenceShift, referenceOffset) = (group.Shift, group.Offset);
            }

            n = Check.Sum(n, group.Count, "ratings");
            ssw += group.SumOfSquaredDeviations;
            centre.Add((group.Shift - referenceShift) + (group.Offset - referenceOffset), group.Count);
            g++;
        }

        double df1 = g - 1, df2 = n - g;
        if (g < 2 || n - g < 1)
        {
            return new GroupAgreementResult(null, null, null, df1, df2, null, g, n, UndefinedReason.TooFewObservations);
        }

        // SSB = Σ nᵢ(meanᵢ - grand)²: the weighted squared deviations of the group means, accumulated stably above.
        var between = centre.SumOfSquaredDeviations;
        if (!double.IsFinite(between) || !double.IsFinite(ssw))
        {
            throw new OverflowException("The spread of the ratings exceeds the range of a double; rescale them.");
        }

        // A sum of squares that is zero up to rounding is zero: groups with equal means reached through different merge
        // orders give SSB ≈ 1e-32 instead of 0, which would turn "undefined" into ICC2 ≈ -1e31.
        var total = between + ssw;
        between = between <= RoundingTolerance * total ? 0 : between;
        ssw = ssw <= RoundingTolerance * total ? 0 : ssw;

        var msb = between / df1;
        var msw = ssw / df2;
        var gsize = (double)n / g;
        double? Defined(double x) => double.IsFinite(x) ? x : null;
        var icc1 = Defined((msb - msw) / (msb + ((gsize - 1) * msw)));
        var icc2 = Defined((msb - msw) / msb);
        var f = Defined(msb / msw);
        var p = f is { } value ? Distributions.FUpperTail(value, df1, df2) : (double?)null;
        var undefined = icc1.HasValue && icc2.HasValue && f.HasValue ? UndefinedReason.None : UndefinedReason.NoVariance;
        return new GroupAgreementResult(icc1, icc2, f, df1, df2, p, g, n, undefined);
    }
}
