using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>
/// A Net Promoter Score with its counts and uncertainty. The score is on R <c>NPS</c>'s scale [-1, 1] (multiply by
/// 100 for the usual presentation, or read <see cref="EstimatePoints"/>). With no responses there is no score:
/// <see cref="Estimate"/> is <see langword="null"/>, never 0.
/// </summary>
public readonly record struct NpsResult
{
    [JsonConstructor]
    internal NpsResult(long sampleSize, long detractors, long passives, long promoters, double? estimate, double? variance, double? standardError, ConfidenceInterval? interval, UndefinedReason undefined)
    {
        SampleSize = sampleSize;
        Detractors = detractors;
        Passives = passives;
        Promoters = promoters;
        Estimate = estimate;
        Variance = variance;
        StandardError = standardError;
        Interval = interval;
        Undefined = undefined;
    }

    /// <summary>Gets the number of responses.</summary>
    public long SampleSize { get; }

    /// <summary>Gets the number of detractors.</summary>
    public long Detractors { get; }

    /// <summary>Gets the number of passives.</summary>
    public long Passives { get; }

    /// <summary>Gets the number of promoters.</summary>
    public long Promoters { get; }

    /// <summary>Gets the score: the share of promoters minus the share of detractors, in [-1, 1]; <see langword="null"/> when <see cref="SampleSize"/> = 0.</summary>
    public double? Estimate { get; }

    /// <summary>Gets the variance of one response scored -1/0/+1, (p_pro + p_det) - (p_pro - p_det)² (R <c>nps_var</c>).</summary>
    public double? Variance { get; }

    /// <summary>Gets the standard error √(Variance/SampleSize) (R <c>nps_se</c>).</summary>
    public double? StandardError { get; }

    /// <summary>Gets the confidence interval; <see langword="null"/> when <see cref="SampleSize"/> = 0.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets why a statistic is missing: <see cref="UndefinedReason.NoObservations"/> when <see cref="SampleSize"/> = 0; <see cref="UndefinedReason.None"/> otherwise.</summary>
    public UndefinedReason Undefined { get; }

    /// <summary>Gets whether there is a score (<see cref="SampleSize"/> &gt; 0).</summary>
    public bool HasValue => Estimate.HasValue;

    /// <summary>Gets the score on the presentation scale [-100, 100]; <see langword="null"/> when <see cref="SampleSize"/> = 0.</summary>
    public double? EstimatePoints => Estimate * 100;
}
