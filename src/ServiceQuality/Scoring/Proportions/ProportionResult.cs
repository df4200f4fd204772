using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>A proportion with its count and interval. With no trials there is no estimate (<see langword="null"/>), never 0.</summary>
public readonly record struct ProportionResult
{
    [JsonConstructor]
    internal ProportionResult(long successes, long sampleSize, double? estimate, ConfidenceInterval? interval, double wilsonLowerBound, UndefinedReason undefined)
    {
        Successes = successes;
        SampleSize = sampleSize;
        Estimate = estimate;
        Interval = interval;
        WilsonLowerBound = wilsonLowerBound;
        Undefined = undefined;
    }

    /// <summary>Gets the number of successes.</summary>
    public long Successes { get; }

    /// <summary>Gets the number of trials.</summary>
    public long SampleSize { get; }

    /// <summary>Gets the proportion Successes / SampleSize; <see langword="null"/> when <see cref="SampleSize"/> = 0.</summary>
    public double? Estimate { get; }

    /// <summary>Gets the confidence interval; <see langword="null"/> when <see cref="SampleSize"/> = 0.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets the lower bound of the Wilson interval at the same level, for ranking; 0 when <see cref="SampleSize"/> = 0 (no evidence ranks last).</summary>
    public double WilsonLowerBound { get; }

    /// <summary>Gets why a statistic is missing: <see cref="UndefinedReason.NoObservations"/> when <see cref="SampleSize"/> = 0; <see cref="UndefinedReason.None"/> otherwise.</summary>
    public UndefinedReason Undefined { get; }

    /// <summary>Gets whether there is an estimate (<see cref="SampleSize"/> &gt; 0).</summary>
    public bool HasValue => Estimate.HasValue;
}
