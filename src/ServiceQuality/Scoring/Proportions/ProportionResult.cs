namespace ServiceQuality.Scoring.Proportions;

/// <summary>A proportion with its count and interval. With no trials there is no estimate (<see langword="null"/>), never 0.</summary>
/// <param name="Successes">The number of successes.</param>
/// <param name="SampleSize">The number of trials.</param>
/// <param name="Estimate">Successes / SampleSize; <see langword="null"/> when <paramref name="SampleSize"/> = 0.</param>
/// <param name="Interval">The confidence interval; <see langword="null"/> when <paramref name="SampleSize"/> = 0.</param>
/// <param name="WilsonLowerBound">The lower bound of the Wilson interval at the same level, for ranking; 0 when <paramref name="SampleSize"/> = 0 (no evidence ranks last).</param>
/// <param name="Undefined"><see cref="UndefinedReason.NoObservations"/> when <paramref name="SampleSize"/> = 0; <see cref="UndefinedReason.None"/> otherwise.</param>
public readonly record struct ProportionResult(long Successes, long SampleSize, double? Estimate, ConfidenceInterval? Interval, double WilsonLowerBound, UndefinedReason Undefined)
{
    /// <summary>Gets whether there is an estimate (<see cref="SampleSize"/> &gt; 0).</summary>
    public bool HasValue => Estimate.HasValue;
}
