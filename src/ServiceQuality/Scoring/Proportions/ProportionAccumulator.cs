namespace ServiceQuality.Scoring.Proportions;

/// <summary>
/// A mergeable count of successes in trials, for CSAT top-box shares and any yes/no measure (first-contact resolution,
/// SLA attained, reopened). <see cref="Merge"/> adds counts: associative, commutative, <see langword="default"/> the identity.
/// </summary>
public struct ProportionAccumulator : IEquatable<ProportionAccumulator>
{
    /// <summary>Gets the number of successes.</summary>
    public long Successes { readonly get; private set; }

    /// <summary>Gets the number of trials.</summary>
    public long Trials { readonly get; private set; }

    /// <summary>Adds one trial.</summary>
    /// <param name="success">Whether it was a success.</param>
    /// <exception cref="OverflowException">The number of trials would exceed <see cref="long.MaxValue"/>.</exception>
    public void Add(bool success)
    {
        Trials = Check.Sum(Trials, 1, "trials");
        if (success)
        {
            Successes++;
        }
    }

    /// <summary>Adds counted trials.</summary>
    /// <param name="successes">The successes, 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">The trials, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative or successes exceed trials.</exception>
    /// <exception cref="OverflowException">The number of trials would exceed <see cref="long.MaxValue"/>; nothing is added.</exception>
    public void Add(long successes, long trials)
    {
        Check.NonNegative(trials, nameof(trials));
        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"The number of successes must be in the range [0, {trials}].");
        }

        Trials = Check.Sum(Trials, trials, "trials");
        Successes += successes;
    }

    /// <summary>Adds many trials: the vectorized bulk path.</summary>
    /// <param name="outcomes">The outcomes.</param>
    /// <exception cref="OverflowException">The number of trials would exceed <see cref="long.MaxValue"/>; nothing is added.</exception>
    public void Add(ReadOnlySpan<bool> outcomes)
    {
        Span<long> counts = stackalloc long[RatingHistogram.Bins];
        counts.Clear();
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(outcomes);
        RatingHistogram.CountBytes(bytes, counts);
        Trials = Check.Sum(Trials, outcomes.Length, "trials");
        Successes += outcomes.Length - counts[0];
    }

    /// <summary>Adds the trials of another accumulator.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="OverflowException">The number of trials would exceed <see cref="long.MaxValue"/>; nothing is added.</exception>
    public void Merge(in ProportionAccumulator other)
    {
        Trials = Check.Sum(Trials, other.Trials, "trials");
        Successes += other.Successes;
    }

    /// <summary>Returns the merge of two accumulators.</summary>
    /// <param name="first">The first accumulator.</param>
    /// <param name="second">The second accumulator.</param>
    /// <returns>An accumulator holding the trials of both.</returns>
    public static ProportionAccumulator Combine(in ProportionAccumulator first, in ProportionAccumulator second)
    {
        var result = first;
        result.Merge(second);
        return result;
    }

    /// <summary>Computes the proportion with the default options (Wilson, 95%).</summary>
    /// <returns>The result; no estimate when there are no trials.</returns>
    public readonly ProportionResult GetResult() => GetResult(ProportionOptions.Default);

    /// <summary>Computes the proportion.</summary>
    /// <param name="options">The confidence level, interval method and clipping.</param>
    /// <returns>The result; no estimate when there are no trials.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public readonly ProportionResult GetResult(ProportionOptions options) => Proportion.FromCounts(Successes, Trials, options);

    /// <inheritdoc />
    public readonly bool Equals(ProportionAccumulator other) => Successes == other.Successes && Trials == other.Trials;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is ProportionAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Successes, Trials);

    /// <summary>Returns whether two accumulators hold the same counts.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ProportionAccumulator left, ProportionAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators differ.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ProportionAccumulator left, ProportionAccumulator right) => !left.Equals(right);
}
