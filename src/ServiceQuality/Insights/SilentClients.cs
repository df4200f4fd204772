using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>Options for silent-client detection.</summary>
public sealed class SilenceOptions
{
    /// <summary>Gets or sets the probability below which a drop is flagged as silence.</summary>
    /// <value>0.05.</value>
    public double Threshold { get; set; } = 0.05;

    /// <summary>Gets or sets the fewest baseline events a client needs before silence can be judged (fewer: not enough history).</summary>
    /// <value>5.</value>
    public long MinimumBaselineEvents { get; set; } = 5;
}

/// <summary>A client's activity: complaints and contacts in a baseline period and in the recent window.</summary>
public readonly record struct ClientActivity
{
    /// <summary>Gets the number of complaints and contacts in the baseline period.</summary>
    public required long BaselineEvents { get; init; }

    /// <summary>Gets the length of the baseline period.</summary>
    public required TimeSpan BaselineDuration { get; init; }

    /// <summary>Gets the number of complaints and contacts in the recent window.</summary>
    public required long RecentEvents { get; init; }

    /// <summary>Gets the length of the recent window.</summary>
    public required TimeSpan RecentDuration { get; init; }
}

/// <summary>The assessment of one client's recent silence.</summary>
public readonly record struct SilenceAssessment
{
    [JsonConstructor]
    internal SilenceAssessment(double expected, long observed, double probability, bool isSilent, bool hasEnoughHistory)
    {
        Expected = expected;
        Observed = observed;
        Probability = probability;
        IsSilent = isSilent;
        HasEnoughHistory = hasEnoughHistory;
    }

    /// <summary>Gets the events expected in the recent window at the client's own baseline rate, λ.</summary>
    public double Expected { get; }

    /// <summary>Gets the events observed.</summary>
    public long Observed { get; }

    /// <summary>Gets the probability P(X ≤ observed) for X ~ Poisson(λ): how likely a drop this deep is by chance.</summary>
    public double Probability { get; }

    /// <summary>Gets whether the client is flagged: enough history and <see cref="Probability"/> below the threshold.</summary>
    public bool IsSilent { get; }

    /// <summary>Gets whether the baseline had at least the minimum number of events.</summary>
    public bool HasEnoughHistory { get; }
}

/// <summary>
/// Silent clients ("complaints are a gift; silence is more worrying than complaints"): a client whose complaints and
/// contacts stop is compared against their own baseline rate under a Poisson model, and flagged with the probability
/// of a silence that deep by chance.
/// </summary>
public static class SilentClients
{
    /// <summary>Assesses one client.</summary>
    /// <param name="activity">The client's baseline and recent activity.</param>
    /// <param name="options">The threshold and minimum history; the defaults when <see langword="null"/>.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, a duration is not positive, or the threshold is outside (0, 1).</exception>
    public static SilenceAssessment Assess(in ClientActivity activity, SilenceOptions? options = null)
    {
        options ??= new SilenceOptions();
        Check.NonNegative(activity.BaselineEvents, nameof(activity.BaselineEvents));
        Check.NonNegative(activity.RecentEvents, nameof(activity.RecentEvents));
        Check.Level(options.Threshold, nameof(options.Threshold));
        if (activity.BaselineDuration <= TimeSpan.Zero || activity.RecentDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(activity), "The baseline and recent durations must be positive.");
        }

        var expected = activity.BaselineEvents * (activity.RecentDuration / activity.BaselineDuration);
        var probability = Distributions.PoissonCdf(activity.RecentEvents, expected);
        var enough = activity.BaselineEvents >= options.MinimumBaselineEvents;
        return new SilenceAssessment(expected, activity.RecentEvents, probability, enough && probability < options.Threshold && activity.RecentEvents < expected, enough);
    }
}
