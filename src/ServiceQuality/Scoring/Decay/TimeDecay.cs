using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

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
/// weights to <see cref="MeanAccumulator.Add(double, double)"/> for a time-decayed mean. Accumulators merged together
/// must use the same <c>asOf</c>.
/// </summary>
public readonly record struct TimeDecay
{
    /// <summary>Initializes a decay with its period and how the period is read.</summary>
    /// <param name="period">The half-life h (or the mean lifetime τ); must be positive (checked when a weight is read).</param>
    /// <param name="definition">How <paramref name="period"/> is read.</param>
    [SetsRequiredMembers]
    public TimeDecay(TimeSpan period, DecayDefinition definition = DecayDefinition.HalfLife)
    {
        Period = period;
        Definition = definition;
    }

    /// <summary>Gets the half-life h (or the mean lifetime τ); must be positive (checked when a weight is read).</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>Gets how <see cref="Period"/> is read.</summary>
    /// <value><see cref="DecayDefinition.HalfLife"/>.</value>
    public DecayDefinition Definition { get; init; }

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

    /// <summary>
    /// The running time-decayed mean after each observation: at each observation's time, the mean of every observation
    /// so far weighted by its decay to that time — pandas' <c>Series.ewm(halflife=h, times=t).mean()</c> (adjust=True)
    /// with <see cref="DecayDefinition.HalfLife"/>. Updated stably: m ← m + (x - m)/W with W ← W·decay + 1.
    /// </summary>
    /// <param name="values">The observations in time order (equal times allowed).</param>
    /// <returns>One running value per observation, in the same order.</returns>
    /// <exception cref="ArgumentException">The observations are not in time order; the message gives the index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, the period is not positive or the definition is undefined.</exception>
    public IReadOnlyList<DecayedValue> Series(ReadOnlySpan<TimedValue> values)
    {
        var result = new DecayedValue[values.Length];
        double mean = 0, weight = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var at = values[i].At;
            var value = values[i].Value;
            Check.Finite(value, nameof(values));
            if (i > 0 && at < values[i - 1].At)
            {
                throw new ArgumentException($"The observations must be in time order; the one at index {i} ({at:O}) is before the one at index {i - 1} ({values[i - 1].At:O}).", nameof(values));
            }

            weight = (i == 0 ? 0 : weight * Weight(at - values[i - 1].At)) + 1;
            mean += (value - mean) / weight;
            result[i] = new DecayedValue(at, mean, weight);
        }

        if (values.IsEmpty)
        {
            Weight(TimeSpan.Zero); // validates the period and definition even with nothing to decay
        }

        return result;
    }
}

/// <summary>An observation at an instant, for <see cref="TimeDecay.Series"/>.</summary>
public readonly record struct TimedValue
{
    /// <summary>Gets when it was observed.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the value, finite.</summary>
    public required double Value { get; init; }
}

/// <summary>The running time-decayed mean at an observation's time.</summary>
public readonly record struct DecayedValue
{
    [JsonConstructor]
    internal DecayedValue(DateTimeOffset at, double estimate, double weight)
    {
        At = at;
        Estimate = estimate;
        Weight = weight;
    }

    /// <summary>Gets the observation's time.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Gets the decayed mean of every observation up to this one.</summary>
    public double Estimate { get; }

    /// <summary>Gets the total decayed weight behind it (1 for the first observation; grows toward h/ln 2 per unit time for a steady stream).</summary>
    public double Weight { get; }
}
