namespace ServiceQuality.Scoring.Nps;

/// <summary>
/// A Net Promoter Score with its counts and uncertainty. The score is on R <c>NPS</c>'s scale [-1, 1] (multiply by
/// 100 for the usual presentation, or read <see cref="EstimatePoints"/>). With no responses there is no score:
/// <see cref="Estimate"/> is <see langword="null"/>, never 0.
/// </summary>
/// <param name="SampleSize">The number of responses.</param>
/// <param name="Detractors">The number of detractors.</param>
/// <param name="Passives">The number of passives.</param>
/// <param name="Promoters">The number of promoters.</param>
/// <param name="Estimate">The score: the share of promoters minus the share of detractors, in [-1, 1]; <see langword="null"/> when <paramref name="SampleSize"/> = 0.</param>
/// <param name="Variance">The variance of one response scored -1/0/+1, (p_pro + p_det) - (p_pro - p_det)² (R <c>nps_var</c>).</param>
/// <param name="StandardError">√(Variance/SampleSize) (R <c>nps_se</c>).</param>
/// <param name="Interval">The confidence interval; <see langword="null"/> when <paramref name="SampleSize"/> = 0.</param>
/// <param name="Undefined"><see cref="UndefinedReason.NoObservations"/> when <paramref name="SampleSize"/> = 0; <see cref="UndefinedReason.None"/> otherwise.</param>
public readonly record struct NpsResult(long SampleSize, long Detractors, long Passives, long Promoters, double? Estimate, double? Variance, double? StandardError, ConfidenceInterval? Interval, UndefinedReason Undefined)
{
    /// <summary>Gets whether there is a score (<see cref="SampleSize"/> &gt; 0).</summary>
    public bool HasValue => Estimate.HasValue;

    /// <summary>Gets the score on the presentation scale [-100, 100]; <see langword="null"/> when <see cref="SampleSize"/> = 0.</summary>
    public double? EstimatePoints => Estimate * 100;
}
