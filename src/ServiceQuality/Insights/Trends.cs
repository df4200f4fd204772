using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>The change from one period to the next.</summary>
public readonly record struct PeriodChange
{
    [JsonConstructor]
    internal PeriodChange(int period, DifferenceTest? change)
    {
        Period = period;
        Change = change;
    }

    /// <summary>Gets the index of the later period (1 is the change from period 0 to period 1).</summary>
    public int Period { get; }

    /// <summary>Gets the test of the later period minus the earlier; <see langword="null"/> when either period has too little data.</summary>
    public DifferenceTest? Change { get; }
}

/// <summary>
/// Period-over-period trends ("client service is a process, not an event"): each period against the one before, with
/// the significance of the change. Each test is at the given level with no multiplicity correction; over many periods,
/// compare the p-values with a Holm or Bonferroni threshold.
/// </summary>
public static class Trends
{
    /// <summary>Changes of the Net Promoter Score (R NPS's two-sample z test).</summary>
    /// <param name="periods">The periods in time order.</param>
    /// <param name="level">The confidence level.</param>
    /// <returns>One change per period after the first.</returns>
    public static IReadOnlyList<PeriodChange> NpsPeriodOverPeriod(IReadOnlyList<NpsResult> periods, double level = 0.95) =>
        Changes(periods, level, static (a, b) => a.HasValue && b.HasValue, static (later, earlier, l) => NetPromoterScore.Compare(later, earlier, l));

    /// <summary>Changes of a proportion (two-proportion z test).</summary>
    /// <param name="periods">The periods in time order.</param>
    /// <param name="level">The confidence level.</param>
    /// <returns>One change per period after the first.</returns>
    public static IReadOnlyList<PeriodChange> ProportionPeriodOverPeriod(IReadOnlyList<ProportionResult> periods, double level = 0.95) =>
        Changes(periods, level, static (a, b) => a.HasValue && b.HasValue, static (later, earlier, l) => Proportion.Compare(later, earlier, l));

    /// <summary>Changes of a mean (Welch's t test).</summary>
    /// <param name="periods">The periods in time order.</param>
    /// <param name="level">The confidence level.</param>
    /// <returns>One change per period after the first.</returns>
    public static IReadOnlyList<PeriodChange> MeanPeriodOverPeriod(IReadOnlyList<MeanResult> periods, double level = 0.95) =>
        Changes(periods, level, static (a, b) => a.Variance.HasValue && b.Variance.HasValue, static (later, earlier, l) => Mean.Compare(later, earlier, l));

    private static PeriodChange[] Changes<T>(IReadOnlyList<T> periods, double level, Func<T, T, bool> comparable, Func<T, T, double, DifferenceTest> compare)
    {
        ArgumentNullException.ThrowIfNull(periods);
        Check.Level(level, nameof(level));
        var changes = new PeriodChange[Math.Max(0, periods.Count - 1)];
        for (var i = 1; i < periods.Count; i++)
        {
            changes[i - 1] = new PeriodChange(i, comparable(periods[i], periods[i - 1]) ? compare(periods[i], periods[i - 1], level) : null);
        }

        return changes;
    }
}
