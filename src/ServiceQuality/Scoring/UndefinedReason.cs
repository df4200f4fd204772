namespace ServiceQuality.Scoring;

/// <summary>
/// Why a statistic in a result has no value. The library's one policy for undefined statistics: bad input throws an
/// <see cref="ArgumentException"/> naming the valid range; valid input for which a statistic has no value (no data, one
/// observation for a variance, no spread in a denominator) gives a result whose statistic is <see langword="null"/> and
/// whose reason says why — never NaN or ±∞, never a silent 0. See <c>docs/scoring.md</c>.
/// </summary>
public enum UndefinedReason
{
    /// <summary>Every statistic of the result has a value.</summary>
    None = 0,

    /// <summary>There are no observations (n = 0): no score, never 0.</summary>
    NoObservations = 1,

    /// <summary>
    /// There are too few observations for the statistic: one observation has a mean but no variance; a variance over
    /// the effective sample size needs Kish's n_eff &gt; 1.
    /// </summary>
    TooFewObservations = 2,

    /// <summary>The observations carry no weight (every weight is 0): there is no mean.</summary>
    NoWeight = 3,

    /// <summary>
    /// A variance in a denominator is 0 (for example, every rating is equal): the statistic divides by it and has no value.
    /// </summary>
    NoVariance = 4,
}
