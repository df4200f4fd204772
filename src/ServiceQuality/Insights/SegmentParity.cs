using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>The effect-size measure reported with a parity test.</summary>
public enum EffectSizeKind
{
    /// <summary>Cohen's h = 2·asin√p₁ - 2·asin√p₂, for proportions (0.2 small, 0.5 medium, 0.8 large).</summary>
    CohensH = 0,

    /// <summary>Cohen's d with the pooled standard deviation, for means and for NPS (scores -1/0/+1).</summary>
    CohensD = 1,
}

/// <summary>A parity comparison of a segment against another (first minus second).</summary>
public readonly record struct ParityResult
{
    [JsonConstructor]
    internal ParityResult(DifferenceTest test, double? effectSize, EffectSizeKind kind)
    {
        Test = test;
        EffectSize = effectSize;
        Kind = kind;
    }

    /// <summary>Gets the significance test of the difference.</summary>
    public DifferenceTest Test { get; }

    /// <summary>Gets the effect size; its sign follows the difference. <see langword="null"/> for Cohen's d when neither segment varies (the pooled standard deviation is 0).</summary>
    public double? EffectSize { get; }

    /// <summary>Gets which effect-size measure.</summary>
    public EffectSizeKind Kind { get; }
}

/// <summary>
/// Segment parity ("internal and external clients deserve the same service"): a segment's score against another's,
/// with the significance test and an effect size, so a large but insignificant gap and a tiny but significant one are
/// both visible.
/// </summary>
public static class SegmentParity
{
    /// <summary>Compares two proportions (CSAT top-box, SLA attainment, first-contact resolution): z test and Cohen's h.</summary>
    /// <param name="first">The first segment.</param>
    /// <param name="second">The second segment.</param>
    /// <param name="level">The confidence level.</param>
    /// <returns>The comparison.</returns>
    public static ParityResult CompareProportions(in ProportionResult first, in ProportionResult second, double level = 0.95)
    {
        var test = Proportion.Compare(first, second, level);
        var h = (2 * Math.Asin(Math.Sqrt(first.Estimate!.Value))) - (2 * Math.Asin(Math.Sqrt(second.Estimate!.Value)));
        return new ParityResult(test, h, EffectSizeKind.CohensH);
    }

    /// <summary>Compares two means (CES, ratings): Welch's t test and Cohen's d with the pooled standard deviation.</summary>
    /// <param name="first">The first segment.</param>
    /// <param name="second">The second segment.</param>
    /// <param name="level">The confidence level.</param>
    /// <returns>The comparison.</returns>
    public static ParityResult CompareMeans(in MeanResult first, in MeanResult second, double level = 0.95)
    {
        var test = Mean.Compare(first, second, level);
        var pooled = Math.Sqrt((((first.EffectiveSampleSize - 1) * first.Variance!.Value) + ((second.EffectiveSampleSize - 1) * second.Variance!.Value)) / (first.EffectiveSampleSize + second.EffectiveSampleSize - 2));
        return new ParityResult(test, pooled > 0 ? test.Difference / pooled : null, EffectSizeKind.CohensD);
    }

    /// <summary>Compares two Net Promoter Scores: R NPS's two-sample z test and Cohen's d on the -1/0/+1 scores.</summary>
    /// <param name="first">The first segment.</param>
    /// <param name="second">The second segment.</param>
    /// <param name="level">The confidence level.</param>
    /// <returns>The comparison.</returns>
    public static ParityResult CompareNps(in NpsResult first, in NpsResult second, double level = 0.95)
    {
        var test = NetPromoterScore.Compare(first, second, level);
        var v1 = first.Variance!.Value * first.SampleSize / Math.Max(1, first.SampleSize - 1);
        var v2 = second.Variance!.Value * second.SampleSize / Math.Max(1, second.SampleSize - 1);
        var pooled = Math.Sqrt((((first.SampleSize - 1) * v1) + ((second.SampleSize - 1) * v2)) / Math.Max(1, first.SampleSize + second.SampleSize - 2));
        return new ParityResult(test, pooled > 0 ? test.Difference / pooled : null, EffectSizeKind.CohensD);
    }

    /// <summary>Compares every segment's proportion with a reference segment's (host-defined segments).</summary>
    /// <typeparam name="TSegment">The segment type.</typeparam>
    /// <param name="segments">The proportion of each segment.</param>
    /// <param name="reference">The reference segment; must be present.</param>
    /// <param name="level">The confidence level.</param>
    /// <returns>Each other segment's comparison with the reference (segment minus reference).</returns>
    /// <exception cref="ArgumentException">The reference is missing.</exception>
    public static IReadOnlyDictionary<TSegment, ParityResult> CompareToReference<TSegment>(IReadOnlyDictionary<TSegment, ProportionResult> segments, TSegment reference, double level = 0.95)
        where TSegment : notnull
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (!segments.TryGetValue(reference, out var baseline))
        {
            throw new ArgumentException($"The reference segment {reference} is not among the segments.", nameof(reference));
        }

        return segments.Where(kv => !EqualityComparer<TSegment>.Default.Equals(kv.Key, reference))
            .ToDictionary(kv => kv.Key, kv => CompareProportions(kv.Value, baseline, level));
    }
}
