namespace ServiceQuality.Scoring.Intervals;

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
    /// <see cref="Proportions.ProportionOptions.ClipInterval"/>.
    /// </summary>
    AgrestiCoull = 1,

    /// <summary>
    /// The Wald (normal approximation) interval p ± z·√(p(1-p)/n): binom's <c>"asymptotic"</c>, statsmodels'
    /// <c>method="normal"</c>. Poor coverage for small n or extreme p; offered for comparison with spreadsheets.
    /// </summary>
    Wald = 2,
}
