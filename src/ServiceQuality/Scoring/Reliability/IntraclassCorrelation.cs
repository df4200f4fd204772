namespace ServiceQuality.Scoring.Reliability;

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
/// <param name="Form">The form.</param>
/// <param name="Value">The ICC.</param>
/// <param name="F">The F statistic.</param>
/// <param name="Df1">The numerator degrees of freedom.</param>
/// <param name="Df2">The denominator degrees of freedom.</param>
/// <param name="PValue">The p-value of the F test of ICC = 0.</param>
/// <param name="Interval">The interval of McGraw and Wong (1996), with Satterthwaite degrees of freedom for ICC(2,·).</param>
public readonly record struct IccEstimate(IccForm Form, double Value, double F, double Df1, double Df2, double PValue, ConfidenceInterval Interval);

/// <summary>
/// Intraclass correlations for a targets × raters matrix in the six forms of Shrout and Fleiss (1979), with the F
/// tests and intervals of pingouin's <c>intraclass_corr</c> (and R psych's <c>ICC</c>).
/// </summary>
public static class IntraclassCorrelation
{
    /// <summary>Computes the six ICCs.</summary>
    /// <param name="ratings">Rows are targets (n ≥ 2), columns raters (k ≥ 2); complete and finite.</param>
    /// <param name="level">The confidence level of the intervals.</param>
    /// <returns>The six estimates, indexed by <see cref="IccForm"/>.</returns>
    /// <exception cref="ArgumentException">Fewer than two targets or raters, or no variance between or within targets.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is not finite, or the level is outside (0, 1).</exception>
    public static IReadOnlyList<IccEstimate> Compute(double[,] ratings, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        Check.Level(level, nameof(level));
        int n = ratings.GetLength(0), k = ratings.GetLength(1);
        if (n < 2 || k < 2)
        {
            throw new ArgumentException("The ICC needs at least 2 targets (rows) and 2 raters (columns).", nameof(ratings));
        }

        var rowMeans = new double[n];
        var colMeans = new double[k];
        double grand = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var x = ratings[i, j];
                Check.Finite(x, nameof(ratings));
                rowMeans[i] += x / k;
                colMeans[j] += x / n;
                grand += x;
            }
        }

        grand /= n * k;
        double ssr = 0, ssc = 0, sst = 0;
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
                sst += (ratings[i, j] - grand) * (ratings[i, j] - grand);
            }
        }

        if (!(sst - ssr > 0) || !(ssr > 0))
        {
            throw new ArgumentException("The ratings need variance both between and within targets: the ICC is undefined otherwise (for example when every rating is equal).", nameof(ratings));
        }

        double dfr = n - 1, dfc = k - 1, dfe = (n - 1.0) * (k - 1), dfw = n * (k - 1.0);
        var msr = ssr / dfr;
        var msc = ssc / dfc;
        var mse = (sst - ssr - ssc) / dfe;
        var msw = (sst - ssr) / dfw;

        var icc1 = (msr - msw) / (msr + ((k - 1) * msw));
        var icc2 = (msr - mse) / (msr + ((k - 1) * mse) + (k * (msc - mse) / n));
        var icc3 = (msr - mse) / (msr + ((k - 1) * mse));
        var icc1k = (msr - msw) / msr;
        var icc2k = (msr - mse) / (msr + ((msc - mse) / n));
        var icc3k = (msr - mse) / msr;

        var a = 1 - level;
        var f1 = msr / msw;
        var f3 = msr / mse;
        var p1 = Distributions.FUpperTail(f1, dfr, dfw);
        var p3 = Distributions.FUpperTail(f3, dfr, dfe);

        // ICC(1,·) and ICC(3,·): exact F intervals.
        var f1L = f1 / Distributions.FQuantile(1 - (a / 2), dfr, dfw);
        var f1U = f1 * Distributions.FQuantile(1 - (a / 2), dfw, dfr);
        var f3L = f3 / Distributions.FQuantile(1 - (a / 2), dfr, dfe);
        var f3U = f3 * Distributions.FQuantile(1 - (a / 2), dfe, dfr);

        // ICC(2,·): McGraw and Wong (1996) with Satterthwaite's degrees of freedom.
        var fj = msc / mse;
        var b = (n * (1 + ((k - 1) * icc2))) - (k * icc2);
        var v = dfe * Math.Pow((k * icc2 * fj) + b, 2) / ((dfr * Math.Pow(k * icc2 * fj, 2)) + (b * b));
        var f2U = Distributions.FQuantile(1 - (a / 2), dfr, v);
        var f2L = Distributions.FQuantile(1 - (a / 2), v, dfr);
        var l2 = n * (msr - (f2U * mse)) / ((f2U * ((k * msc) + (((k * n) - k - n) * mse))) + (n * msr));
        var u2 = n * ((f2L * msr) - mse) / ((k * msc) + (((k * n) - k - n) * mse) + (n * f2L * msr));

        ConfidenceInterval Ci(double lo, double hi) => new(lo, hi, level);
        double Single(double f) => (f - 1) / (f + (k - 1));
        double Average(double f) => 1 - (1 / f);
        double SpearmanBrown(double r) => r * k / (1 + (r * (k - 1)));

        return
        [
            new IccEstimate(IccForm.Single1, icc1, f1, dfr, dfw, p1, Ci(Single(f1L), Single(f1U))),
            new IccEstimate(IccForm.Single2, icc2, f3, dfr, dfe, p3, Ci(l2, u2)),
            new IccEstimate(IccForm.Single3, icc3, f3, dfr, dfe, p3, Ci(Single(f3L), Single(f3U))),
            new IccEstimate(IccForm.Average1, icc1k, f1, dfr, dfw, p1, Ci(Average(f1L), Average(f1U))),
            new IccEstimate(IccForm.Average2, icc2k, f3, dfr, dfe, p3, Ci(SpearmanBrown(l2), SpearmanBrown(u2))),
            new IccEstimate(IccForm.Average3, icc3k, f3, dfr, dfe, p3, Ci(Average(f3L), Average(f3U))),
        ];
    }
}
