namespace ServiceQuality.Scoring.Decay;

/// <summary>Which of the two published parametrisations of exponential decay a <see cref="TimeDecay"/> uses.</summary>
public enum DecayDefinition
{
    /// <summary>
    /// weight = 0.5^(age / h): a response loses half its weight every h (the physical half-life; pandas'
    /// <c>ewm(halflife=…)</c>). The default.
    /// </summary>
    HalfLife = 0,

    /// <summary>
    /// weight = exp(-age / τ): τ is the mean lifetime (e-folding time), after which a response keeps 1/e ≈ 37% of its
    /// weight; τ = h / ln 2. Some write-ups call τ a "half-life"; choose this to match them.
    /// </summary>
    MeanLifetime = 1,
}

/// <summary>
/// Exponential time decay of response weights, read against an explicit instant (never the system clock): feed the
/// weights to <see cref="Means.MeanAccumulator.Add(double, double)"/> for a time-decayed mean. Accumulators merged together
/// must use the same <c>asOf</c>.
/// </summary>
/// <param name="Period">The half-life h (or the mean lifetime τ); must be positive.</param>
/// <param name="Definition">How <paramref name="Period"/> is read; <see cref="DecayDefinition.HalfLife"/> by default.</param>
public readonly record struct TimeDecay(TimeSpan Period, DecayDefinition Definition = DecayDefinition.HalfLife)
{
    /// <summary>The weight of a response of the given age.</summary>
    /// <param name="age">The age, ≥ 0.</param>
    /// <returns>A weight in (0, 1]; 1 at age 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The age is negative, the period is not positive, or the definition is not a defined <see cref="DecayDefinition"/>.</exception>
    public double Weight(TimeSpan age)
    {
        Check.Defined(Definition, nameof(Definition));
        if (Period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Period), Period, "The decay period must be positive.");
        }

        if (age < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, "The age must be ≥ 0: a response cannot come after the instant the score is read at.");
        }

        var ratio = age.Ticks / (double)Period.Ticks;
        return Definition == DecayDefinition.MeanLifetime ? Math.Exp(-ratio) : Math.Pow(0.5, ratio);
    }

    /// <summary>The weight of a response observed at <paramref name="observedAt"/>, read at <paramref name="asOf"/>.</summary>
    /// <param name="observedAt">When the response was given.</param>
    /// <param name="asOf">The instant the score is read at (from a <see cref="TimeProvider"/> in a host).</param>
    /// <returns>A weight in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observedAt"/> is after <paramref name="asOf"/>.</exception>
    public double Weight(DateTimeOffset observedAt, DateTimeOffset asOf) => Weight(asOf - observedAt);
}
