namespace ServiceQuality.Scoring;

/// <summary>How an interval for a binomial proportion is computed (R <c>binom::binom.confint</c>, statsmodels <c>proportion_confint</c>).</summary>
public enum ProportionIntervalMethod
{
    /// <summary>
    /// The Wilson score interval (Wilson 1927): binom's <c>"wilson"</c>, statsmodels' <c>method="wilson"</c>. Stays in
    /// [0, 1] by construction and keeps its coverage for small n and extreme proportions. The default.
    /// </summary>
    Wilson = 0,

    /// <summary>
    /// The Agresti-Coull interval (Agresti and Coull 1998): the Wald interval around the Wilson centre with n + z²
    /// trials; binom's <c>"agresti-coull"</c>, statsmodels' <c>method="agresti_coull"</c>. Can leave [0, 1]; see
    /// <see cref="ProportionOptions.ClipInterval"/>.
    /// </summary>
    AgrestiCoull = 1,

    /// <summary>
    /// The Wald (normal approximation) interval p ± z·√(p(1-p)/n): binom's <c>"asymptotic"</c>, statsmodels'
    /// <c>method="normal"</c>. Poor coverage for small n or extreme p; offered for comparison with spreadsheets.
    /// </summary>
    Wald = 2,

    /// <summary>
    /// The Wilson score interval with continuity correction: Newcombe (1998) method 4; R's
    /// <c>prop.test(x, n, correct = TRUE)</c>, scipy's <c>proportion_ci(method="wilsoncc")</c>. Wider than Wilson, aiming at
    /// a minimum coverage near the nominal level.
    /// </summary>
    WilsonContinuityCorrected = 3,

    /// <summary>
    /// The Clopper-Pearson "exact" interval from Beta quantiles: [B(a/2; x, n-x+1), B(1-a/2; x+1, n-x)], 0 at x = 0 and 1 at
    /// x = n; statsmodels' <c>method="beta"</c>, R binom's <c>"exact"</c>, scipy's <c>"exact"</c>. Coverage at least the
    /// nominal level; conservative.
    /// </summary>
    ClopperPearson = 4,

    /// <summary>
    /// The Jeffreys interval: the equal-tailed credible interval of the Beta(x + ½, n - x + ½) posterior; statsmodels'
    /// <c>method="jeffreys"</c>. At x = 0 the lower bound is 0 and at x = n the upper bound is 1 (Brown, Cai and DasGupta
    /// 2001; statsmodels keeps the central quantile there, which excludes the estimate).
    /// </summary>
    Jeffreys = 5,
}
