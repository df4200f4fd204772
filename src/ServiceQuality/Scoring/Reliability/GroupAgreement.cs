namespace ServiceQuality.Scoring.Reliability;

/// <summary>
/// Team-level consistency of ratings nested in groups (agents or teams), as R <c>multilevel</c>'s <c>ICC1</c> and
/// <c>ICC2</c> compute them from a one-way ANOVA: how much of the variance lies between groups (ICC1: the "we"
/// mentality is a small ICC1 — clients get the same experience whoever they meet) and how reliably the group means
/// differ (ICC2).
/// </summary>
/// <param name="Icc1">(MSB - MSW) / (MSB + (n̄ - 1)·MSW) with n̄ = N / G, the mean group size (multilevel's GSIZE).</param>
/// <param name="Icc2">(MSB - MSW) / MSB: the reliability of the group means.</param>
/// <param name="F">MSB / MSW.</param>
/// <param name="Df1">G - 1.</param>
/// <param name="Df2">N - G.</param>
/// <param name="PValue">The p-value of the F test of no group differences.</param>
/// <param name="Groups">The number of groups G.</param>
/// <param name="N">The number of ratings N.</param>
public readonly record struct GroupAgreementResult(double Icc1, double Icc2, double F, double Df1, double Df2, double PValue, int Groups, long N);

/// <summary>Computes <see cref="GroupAgreementResult"/> (reference: R <c>multilevel::ICC1</c>, <c>ICC2</c>).</summary>
public static class GroupAgreement
{
    /// <summary>Computes ICC1 and ICC2 for ratings nested in groups.</summary>
    /// <param name="groups">The group of each rating (any non-negative id).</param>
    /// <param name="ratings">The ratings, finite, same length as <paramref name="groups"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The lengths differ, fewer than 2 groups, or no within-group replication.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is not finite.</exception>
    public static GroupAgreementResult Compute(ReadOnlySpan<int> groups, ReadOnlySpan<double> ratings)
    {
        if (groups.Length != ratings.Length)
        {
            throw new ArgumentException("There must be one group id per rating.", nameof(groups));
        }

        var stats = new Dictionary<int, (long N, double Sum, double SumSq)>();
        double grand = 0;
        for (var i = 0; i < ratings.Length; i++)
        {
            Check.Finite(ratings[i], nameof(ratings));
            stats.TryGetValue(groups[i], out var s);
            stats[groups[i]] = (s.N + 1, s.Sum + ratings[i], s.SumSq + (ratings[i] * ratings[i]));
            grand += ratings[i];
        }

        long n = ratings.Length;
        var g = stats.Count;
        if (g < 2 || n - g < 1)
        {
            throw new ArgumentException("ICC1/ICC2 need at least 2 groups and more ratings than groups.", nameof(groups));
        }

        grand /= n;
        double ssb = 0, ssw = 0;
        foreach (var (count, sum, sumSq) in stats.Values)
        {
            var mean = sum / count;
            ssb += count * (mean - grand) * (mean - grand);
            ssw += sumSq - (sum * mean);
        }

        double df1 = g - 1, df2 = n - g;
        var msb = ssb / df1;
        var msw = Math.Max(0, ssw) / df2;
        var gsize = (double)n / g;
        var icc1 = (msb - msw) / (msb + ((gsize - 1) * msw));
        var icc2 = (msb - msw) / msb;
        var f = msb / msw;
        return new GroupAgreementResult(icc1, icc2, f, df1, df2, Distributions.FUpperTail(f, df1, df2), g, n);
    }
}
