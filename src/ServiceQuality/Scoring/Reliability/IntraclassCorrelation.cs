using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>The six intraclass correlations of Shrout and Fleiss (1979).</summary>
public enum IccForm
{
    /// <summary>ICC(1,1): one-way random effects, single rater (each target rated by different raters).</summary>
    Single1 = 0,

    /// <summary>ICC(2,1): two-way random effects, absolute agreement, single rater.</summary>
    Single2 = 1,

    /// <summary>ICC(3,1): two-way mixed effects, consistency, single rater (a fixed set of raters).</summary>
    Single3 = 2,

    /// <summary>ICC(1,k): the reliability of the mean of k raters under the one-way model.</summary>
    Average1 = 3,

    /// <summary>ICC(2,k): the reliability of the mean of k random raters, absolute agreement.</summary>
    Average2 = 4,

    /// <summary>ICC(3,k): the reliability of the mean of k fixed raters, consistency (equals Cronbach's alpha).</summary>
    Average3 = 5,
}

/// <summary>One intraclass correlation with its F test and interval (as pingouin's <c>intraclass_corr</c> reports it).</summary>
public readonly record struct IccEstimate
{
    [JsonConstructor]
    internal IccEstimate(IccForm form, double? estimate, double? f, double df1, double df2, double? pValue, ConfidenceInterval? interval, UndefinedReason undefined)
    {
        Form = form;
        Estimate = estimate;
        F = f;
        Df1 = df1;
        Df2 = df2;
        PValue = pValue;
        Interval = interval;
        Undefined = undefined;
    }

    /// <summary>Gets the form.</summary>
    public IccForm Form { get; }

    /// <summary>Gets the ICC; <see langword="null"/> when its denominator is 0 (no variance between targets, or none at all).</summary>
    public double? Estimate { get; }

    /// <summary>Gets the F statistic; <see langword="null"/> when the error mean square is 0.</summary>
    public double? F { get; }

    /// <summary>Gets the numerator degrees of freedom.</summary>
    public double Df1 { get; }

    /// <summary>Gets the denominator degrees of freedom.</summary>
    public double Df2 { get; }

    /// <summary>Gets the p-value of the F test of ICC = 0; <see langword="null"/> with <see cref="F"/>.</summary>
    public double? PValue { get; }

    /// <summary>Gets the interval of McGraw and Wong (1996), with Satterthwaite degrees of freedom for ICC(2,·); <see langword="null"/> when a mean square it divides by is 0.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets why a statistic is missing: <see cref="UndefinedReason.NoVariance"/> when any statistic is missing; <see cref="UndefinedReason.None"/> otherwise.</summary>
    public UndefinedReason Undefined { get; }

    /// <summary>Gets whether there is an ICC.</summary>
    public bool HasValue => Estimate.HasValue;
}

/// <summary>
/// Intraclass correlations for a targets × raters matrix in the six forms of Shrout and Fleiss (1979), with the F
/// tests and intervals of pingouin's <c>intraclass_corr</c> (and R psych's <c>ICC</c>).
/// </summary>
/// <remarks>
/// The sums of squares are computed from deviations of values shifted by the first rating (two passes), so ratings
/// offset by a large constant or scaled by a positive one give the same ICCs. A statistic that would divide by a zero
/// mean square (every rating equal, or no variance within targets) is <see langword="null"/>, never NaN or ±∞.
/// </remarks>
public static class IntraclassCorrelation
{
    /// <summary>Computes the six ICCs.</summary>
    /// <param name="ratings">Rows are targets (n ≥ 2), columns raters (k ≥ 2); complete and finite.</param>
    /// <param name="level">The confidence level of the intervals.</param>
    /// <returns>The six estimates, indexed by <see cref="IccForm"/>.</returns>
    /// <exception cref="ArgumentException">Fewer than two targets or raters (an empty matrix included).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is not finite, or the level is outside (0, 1).</exception>
    public static IReadOnlyList<IccEstimate> Compute(double[,] ratings, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        Check.Level(level, nameof(level));
        int n = ratings.GetLength(0), k = ratings.GetLength(1);
        if (n < 2 || k < 2)
        {
            throw new ArgumentException($"The ICC needs at least 2 targets (rows) and 2 raters (columns); the matrix is {n} × {k}.", nameof(ratings));
        }

        // Pass 1: row, column and grand means of the ratings shifted by the first one.
        var shift = ratings[0, 0];
        var rowMeans = new double[n];
        var colMeans = new double[k];
        double grand = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var x = ratings[i, j];
                Check.Finite(x, nameof(ratings));
                var y = x - shift;
                rowMeans[i] += y;
                colMeans[j] += y;
                grand += y;
            }
        }

        for (var i = 0; i < n; i++)
        {
            rowMeans[i] /= k;
        }

        for (var j = 0; j < k; j++)
        {
            colMeans[j] /= n;
        }

        grand /= n * (double)k;

        // Pass 2: the sums of squares from deviations (the residual and within sums directly, so they are never negative).
        double ssr = 0, ssc = 0, sse = 0, ssw = 0;
        foreach (var m in rowMeans)
        {
            ssr += k * (m - grand) * (m - grand);
        }

        foreach (var m in colMeans)
        {
            ssc += n * (m - grand) * (m - grand);
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var y = ratings[i, j] - shift;
                var within = y - rowMeans[i];
                var residual = within - colMeans[j] + grand;
                ssw += within * within;
                sse += residual * residual;
            }
        }

        if (!double.IsFinite(ssr + ssc + sse + ssw))
        {
            throw new OverflowException("The spread of the ratings exceeds the range of a double; rescale them.");
        }

        double dfr = n - 1, dfc = k - 1, dfe = (n - 1.0) * (k - 1), dfw = n * (k - 1.0);
        var msr = ssr / dfr;
        var msc = ssc / dfc;
        var mse = sse / dfe;
        var msw = ssw / dfw;

        var icc1 = (msr - msw) / (msr + ((k - 1) * msw));
        var icc2 = (msr - mse) / (msr + ((k - 1) * mse) + (k * (msc - mse) / n));
        var icc3 = (msr - mse) / (msr + ((k - 1) * mse));
        var icc1k = (msr - msw) / msr;
        var icc2k = (msr - mse) / (msr + ((msc - mse) / n));
        var icc3k = (msr - mse) / msr;

        var a = 1 - level;
        var f1 = msr / msw;
        var f3 = msr / mse;
        var p1 = double.IsFinite(f1) ? Distributions.FUpperTail(f1, dfr, dfw) : double.NaN;
        var p3 = double.IsFinite(f3) ? Distributions.FUpperTail(f3, dfr, dfe) : double.NaN;

        // ICC(1,·) and ICC(3,·): exact F intervals.
        var f1L = f1 / Distributions.FQuantile(1 - (a / 2), dfr, dfw);
        var f1U = f1 * Distributions.FQuantile(1 - (a / 2), dfw, dfr);
        var f3L = f3 / Distributions.FQuantile(1 - (a / 2), dfr, dfe);
        var f3U = f3 * Distributions.FQuantile(1 - (a / 2), dfe, dfr);

        // ICC(2,·): McGraw and Wong (1996) with Satterthwaite's degrees of freedom.
        double l2 = double.NaN, u2 = double.NaN;
        var fj = msc / mse;
        if (double.IsFinite(icc2) && double.IsFinite(fj))
        {
            var b = (n * (1 + ((k - 1) * icc2))) - (k * icc2);
            var v = dfe * Math.Pow((k * icc2 * fj) + b, 2) / ((dfr * Math.Pow(k * icc2 * fj, 2)) + (b * b));
            if (double.IsFinite(v) && v > 0)
            {
                var f2U = Distributions.FQuantile(1 - (a / 2), dfr, v);
                var f2L = Distributions.FQuantile(1 - (a / 2), v, dfr);
                l2 = n * (msr - (f2U * mse)) / ((f2U * ((k * msc) + (((k * n) - k - n) * mse))) + (n * msr));
                u2 = n * ((f2L * msr) - mse) / ((k * msc) + (((k * n) - k - n) * mse) + (n * f2L * msr));
            }
        }

        double Single(double f) => (f - 1) / (f + (k - 1));
        double Average(double f) => 1 - (1 / f);
        double SpearmanBrown(double r) => r * k / (1 + (r * (k - 1)));

        return
        [
            Estimate(IccForm.Single1, icc1, f1, dfr, dfw, p1, Single(f1L), Single(f1U), level),
            Estimate(IccForm.Single2, icc2, f3, dfr, dfe, p3, l2, u2, level),
            Estimate(IccForm.Single3, icc3, f3, dfr, dfe, p3, Single(f3L), Single(f3U), level),
            Estimate(IccForm.Average1, icc1k, f1, dfr, dfw, p1, Average(f1L), Average(f1U), level),
            Estimate(IccForm.Average2, icc2k, f3, dfr, dfe, p3, SpearmanBrown(l2), SpearmanBrown(u2), level),
            Estimate(IccForm.Average3, icc3k, f3, dfr, dfe, p3, Average(f3L), Average(f3U), level),
        ];
    }

    /// <summary>An estimate whose non-finite parts (a division by a zero mean square) are reported as undefined.</summary>
    private static IccEstimate Estimate(IccForm form, double value, double f, double df1, double df2, double p, double lower, double upper, double level)
    {
        double? Defined(double x) => double.IsFinite(x) ? x : null;
        var interval = double.IsFinite(lower) && double.IsFinite(upper) ? new ConfidenceInterval(lower, upper, level) : (ConfidenceInterval?)null;
        double? icc = Defined(value), fStatistic = Defined(f), pValue = Defined(p);
        var complete = icc.HasValue && fStatistic.HasValue && pValue.HasValue && interval.HasValue;
        return new IccEstimate(form, icc, fStatistic, df1, df2, pValue, interval, complete ? UndefinedReason.None : UndefinedReason.NoVariance);
    }
}
