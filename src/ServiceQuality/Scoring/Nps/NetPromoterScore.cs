
namespace ServiceQuality.Scoring;

/// <summary>
/// Net Promoter Score computations matching R package <c>NPS</c> (Brendan Rocks): <c>nps</c>, <c>nps_var</c>,
/// <c>nps_se</c>, the Wald and adjusted-Wald intervals (Rocks 2016) and <c>nps_test</c>'s two-sample test, plus the
/// Bayesian Dirichlet posterior of the score.
/// </summary>
public static class NetPromoterScore
{
    /// <summary>
    /// Computes the Net Promoter Score of ratings on any scale of up to 0-10 (the 0-10 likelihood-to-recommend scale,
    /// <see cref="NpsScale"/>, or a host's own); for wider scales classify with an <see cref="NpsClassifier"/> into an
    /// <see cref="NpsAccumulator"/>.
    /// </summary>
    /// <typeparam name="TScale">The rating scale.</typeparam>
    /// <param name="ratings">The ratings.</param>
    /// <param name="options">The breaks, confidence level, interval method and clipping; the defaults when <see langword="null"/>.</param>
    /// <returns>The result; no score when there are no ratings.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or the breaks are not inside the scale.</exception>
    public static NpsResult GetNps<TScale>(this in RatingAccumulator<TScale> ratings, NpsOptions? options = null)
        where TScale : IRatingScale
    {
        options ??= NpsOptions.Default;
        options.Validate();
        var breaks = options.Breaks;
        breaks.Validate(TScale.Minimum, TScale.Maximum);
        var detractors = ratings.CountBetween(TScale.Minimum, breaks.DetractorMaximum);
        var promoters = ratings.CountBetween(breaks.PromoterMinimum, TScale.Maximum);
        return FromCounts(detractors, ratings.Count - detractors - promoters, promoters, options);
    }

    /// <summary>
    /// The one-sample Wald test of the score against a hypothesised value, as R <c>NPS::nps_test(x)</c> with no
    /// <c>y</c>: z = (NPS - NPS₀)/SE with SE = √(var/n), the two-sided p-value and the Wald interval NPS ± z·SE (the
    /// interval is of the score; <see cref="DifferenceTest.Difference"/> is NPS - NPS₀).
    /// </summary>
    /// <param name="result">The score; must have responses.</param>
    /// <param name="hypothesized">NPS₀ on [-1, 1]; 0 by default (as many promoters as detractors).</param>
    /// <param name="level">The confidence level of the interval.</param>
    /// <returns>The test; undefined (<see cref="UndefinedReason.NoVariance"/>) when every response is in the same category.</returns>
    /// <exception cref="ArgumentException">The result has no responses.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The hypothesised value is outside [-1, 1] or the level outside (0, 1).</exception>
    public static DifferenceTest Test(in NpsResult result, double hypothesized = 0, double level = 0.95)
    {
        Check.Level(level, nameof(level));
        Check.InRange(hypothesized, -1, 1, nameof(hypothesized));
        if (!result.HasValue)
        {
            throw new ArgumentException("A one-sample test needs at least one response.", nameof(result));
        }

        var se = result.StandardError!.Value;
        var test = DifferenceTest.Z(result.Estimate!.Value - hypothesized, se, se, level);
        var half = Check.Z(level) * se;
        return new DifferenceTest(test.Difference, test.StandardError, test.Statistic, test.PValue, new ConfidenceInterval(result.Estimate.Value - half, result.Estimate.Value + half, level), test.DegreesOfFreedom, test.Undefined);
    }

    /// <summary>Computes the result from category counts.</summary>
    /// <param name="detractors">The number of detractors, ≥ 0.</param>
    /// <param name="passives">The number of passives, ≥ 0.</param>
    /// <param name="promoters">The number of promoters, ≥ 0.</param>
    /// <param name="options">The options (confidence level, interval method, clipping); the defaults when <see langword="null"/>.</param>
    /// <returns>The result; no score when all counts are 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or an option is out of range.</exception>
    /// <exception cref="OverflowException">The counts sum to more than <see cref="long.MaxValue"/>.</exception>
    public static NpsResult FromCounts(long detractors, long passives, long promoters, NpsOptions? options = null)
    {
        options ??= NpsOptions.Default;
        options.Validate();
        Check.NonNegative(detractors, nameof(detractors));
        Check.NonNegative(passives, nameof(passives));
        Check.NonNegative(promoters, nameof(promoters));
        var n = Check.Sum(Check.Sum(detractors, passives, "responses"), promoters, "responses");
        if (n == 0)
        {
            return new NpsResult(0, 0, 0, 0, null, null, null, null, UndefinedReason.NoObservations);
        }

        var score = Score(detractors, promoters, n);
        var variance = Variance(detractors, promoters, n);
        var se = Math.Sqrt(variance / n);
        var z = Check.Z(options.ConfidenceLevel);
        ConfidenceInterval interval;
        if (options.IntervalMethod == NpsIntervalMethod.Wald)
        {
            interval = new ConfidenceInterval(score - (z * se), score + (z * se), options.ConfidenceLevel);
        }
        else
        {
            // Rocks (2016): n + 3 responses, with 3/4 added to detractors and to promoters (and 3/2 to passives).
            var nAdj = n + 3.0;
            var dAdj = detractors + 0.75;
            var pAdj = promoters + 0.75;
            var scoreAdj = Score(dAdj, pAdj, nAdj);
            var seAdj = Math.Sqrt(Variance(dAdj, pAdj, nAdj) / nAdj);
            interval = new ConfidenceInterval(scoreAdj - (z * seAdj), scoreAdj + (z * seAdj), options.ConfidenceLevel);
        }

        if (options.ClipInterval)
        {
            interval = interval.Clip(-1, 1);
        }

        return new NpsResult(n, detractors, passives, promoters, score, variance, se, interval, UndefinedReason.None);
    }

    /// <summary>
    /// Tests the difference between two scores (first minus second) with R <c>NPS::nps_test</c>'s two-sample Wald
    /// z test: SE = √(var₁/n₁ + var₂/n₂). R reports the absolute difference; this reports it signed.
    /// </summary>
    /// <param name="first">The first result; must have a score.</param>
    /// <param name="second">The second result; must have a score.</param>
    /// <param name="level">The confidence level of the interval for the difference.</param>
    /// <returns>The difference, its standard error, z, the two-sided p-value and the interval.</returns>
    /// <exception cref="ArgumentException">A result has no responses.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    public static DifferenceTest Compare(in NpsResult first, in NpsResult second, double level = 0.95)
    {
        Check.Level(level, nameof(level));
        if (!first.HasValue || !second.HasValue)
        {
            throw new ArgumentException("Both results need at least one response to be compared.", first.HasValue ? nameof(second) : nameof(first));
        }

        var se = Math.Sqrt((first.Variance!.Value / first.SampleSize) + (second.Variance!.Value / second.SampleSize));
        return DifferenceTest.Z(first.Estimate!.Value - second.Estimate!.Value, se, se, level);
    }

    /// <summary>
    /// The Bayesian posterior of the score: the category shares have a Dirichlet(prior + counts) posterior and the
    /// score is θ_promoter - θ_detractor. Mean and variance are exact; the equal-tailed credible interval inverts the
    /// exact posterior CDF of the score, P(θp - θd ≤ t) = E[I_{(t+θd)/(1-θd)}(αp, αpas)] over θd ~ Beta(αd, αp+αpas),
    /// evaluated by midpoint quadrature over 512 quantiles of θd (accurate to about 1e-3).
    /// </summary>
    /// <param name="detractors">The number of detractors.</param>
    /// <param name="passives">The number of passives.</param>
    /// <param name="promoters">The number of promoters.</param>
    /// <param name="prior">The Dirichlet prior; <see cref="DirichletPrior.Uniform"/> when <see langword="null"/>.</param>
    /// <param name="level">The credibility level of the interval.</param>
    /// <returns>The posterior summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, a prior concentration is not &gt; 0, or the level is outside (0, 1).</exception>
    public static NpsPosterior Posterior(long detractors, long passives, long promoters, DirichletPrior? prior = null, double level = 0.95)
    {
        Check.NonNegative(detractors, nameof(detractors));
        Check.NonNegative(passives, nameof(passives));
        Check.NonNegative(promoters, nameof(promoters));
        Check.Level(level, nameof(level));
        var n = Check.Sum(Check.Sum(detractors, passives, "responses"), promoters, "responses");
        var p = prior ?? DirichletPrior.Uniform;
        p.Validate();
        var ad = p.Detractors + detractors;
        var ap = p.Promoters + promoters;
        var apas = p.Passives + passives;
        var a0 = ad + ap + apas;
        var mean = (ap - ad) / a0;
        var variance = ((ap * (a0 - ap)) + (ad * (a0 - ad)) + (2 * ap * ad)) / (a0 * a0 * (a0 + 1));

        const int nodes = 512;
        var thetaD = new double[nodes];
        for (var j = 0; j < nodes; j++)
        {
            thetaD[j] = Distributions.BetaQuantile((j + 0.5) / nodes, ad, ap + apas);
        }

        double Cdf(double t)
        {
            var sum = 0.0;
            foreach (var d in thetaD)
            {
                var h = (t + d) / (1 - d);
                sum += h <= 0 ? 0 : h >= 1 ? 1 : Distributions.RegularizedBeta(h, ap, apas);
            }

            return sum / nodes;
        }

        double Quantile(double q)
        {
            double lo = -1, hi = 1;
            for (var i = 0; i < 60 && hi - lo > 1e-12; i++)
            {
                var mid = 0.5 * (lo + hi);
                if (Cdf(mid) < q)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            return 0.5 * (lo + hi);
        }

        var tail = (1 - level) / 2;
        var interval = new ConfidenceInterval(Quantile(tail), Quantile(1 - tail), level);
        return new NpsPosterior(n, mean, variance, interval, new DirichletPrior(ad, apas, ap));
    }

    internal static double Score(double detractors, double promoters, double n) => (promoters - detractors) / n;

    internal static double Variance(double detractors, double promoters, double n)
    {
        var pp = promoters / n;
        var pd = detractors / n;
        return Math.Max(0, pp + pd - ((pp - pd) * (pp - pd)));
    }
}
