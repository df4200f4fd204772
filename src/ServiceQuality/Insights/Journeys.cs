using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>A client-visible interaction, rated: help-desk voice, web link, email, hallway — every one counts.</summary>
public readonly record struct MomentOfTruth
{
    /// <summary>Gets when it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the channel, e.g. "phone", "email", "portal", "in person".</summary>
    public required string Channel { get; init; }

    /// <summary>Gets what kind of moment, e.g. "acknowledgement", "status update", "fix".</summary>
    public required string Kind { get; init; }

    /// <summary>Gets how it was rated, on the journey scale.</summary>
    public required double Rating { get; init; }
}

/// <summary>What counts as the "peak" of a journey; the peak-end literature uses all three.</summary>
public enum PeakDefinition
{
    /// <summary>The moment furthest from the scale midpoint, good or bad (Kahneman's most intense moment; the default).</summary>
    MostExtreme = 0,

    /// <summary>The worst-rated moment: the lowest rating, or the highest when lower is better (<see cref="JourneyOptions.Direction"/>).</summary>
    Worst = 1,

    /// <summary>The best-rated moment: the highest rating, or the lowest when lower is better.</summary>
    Best = 2,
}

/// <summary>Options for peak-end journey scores.</summary>
public sealed class JourneyOptions
{
    /// <summary>Gets or sets the lowest rating.</summary>
    /// <value>1.</value>
    public double ScaleMinimum { get; set; } = 1;

    /// <summary>Gets or sets the highest rating.</summary>
    /// <value>5.</value>
    public double ScaleMaximum { get; set; } = 5;

    /// <summary>
    /// Gets or sets which end of the scale is good: a journey of effort ratings (CES 1.0 wording) or of waiting times
    /// has lower as better.
    /// </summary>
    /// <value><see cref="RatingDirection.HigherIsBetter"/>.</value>
    public RatingDirection Direction { get; set; } = RatingDirection.HigherIsBetter;

    /// <summary>Gets or sets which moment is the peak.</summary>
    /// <value><see cref="PeakDefinition.MostExtreme"/>; ties go to the earlier moment in time.</value>
    public PeakDefinition Peak { get; set; } = PeakDefinition.MostExtreme;

    /// <summary>Gets or sets the weight of the peak; the end gets 1 - this.</summary>
    /// <value>0.5: the plain average of peak and end (Kahneman, Fredrickson et al. 1993).</value>
    public double PeakWeight { get; set; } = 0.5;
}

/// <summary>The peak-end score of one journey.</summary>
public readonly record struct JourneyScore
{
    [JsonConstructor]
    internal JourneyScore(long sampleSize, double? estimate, MomentOfTruth? peak, MomentOfTruth? end, double? mean, double? normalized)
    {
        SampleSize = sampleSize;
        Estimate = estimate;
        Peak = peak;
        End = end;
        Mean = mean;
        Normalized = normalized;
    }

    /// <summary>Gets the number of moments.</summary>
    public long SampleSize { get; }

    /// <summary>Gets the peak-end score, PeakWeight·peak + (1 - PeakWeight)·end; <see langword="null"/> for an empty journey.</summary>
    public double? Estimate { get; }

    /// <summary>Gets the peak moment.</summary>
    public MomentOfTruth? Peak { get; }

    /// <summary>Gets the last moment (latest <see cref="MomentOfTruth.At"/>).</summary>
    public MomentOfTruth? End { get; }

    /// <summary>Gets the plain mean rating, for comparison.</summary>
    public double? Mean { get; }

    /// <summary>Gets the score on 0-100 with 100 the best end of the scale whatever its range and direction, to compare journeys rated on different scales.</summary>
    public double? Normalized { get; }

    /// <summary>Gets whether there is a score (the journey has a moment).</summary>
    public bool HasValue => Estimate.HasValue;

    /// <summary>Gets why there is no score: <see cref="UndefinedReason.NoObservations"/> for an empty journey; <see cref="UndefinedReason.None"/> otherwise.</summary>
    public UndefinedReason Undefined => HasValue ? UndefinedReason.None : UndefinedReason.NoObservations;
}

/// <summary>The ratings of one kind of moment across journeys.</summary>
public readonly record struct MomentKindSummary
{
    [JsonConstructor]
    internal MomentKindSummary(string kind, MeanResult rating)
    {
        Kind = kind;
        Rating = rating;
    }

    /// <summary>Gets the kind.</summary>
    public string Kind { get; }

    /// <summary>Gets the mean rating with its interval.</summary>
    public MeanResult Rating { get; }
}

/// <summary>Peak-end scores of journeys of moments of truth ("clients remember the really good and the really bad").</summary>
public static class Journeys
{
    /// <summary>Scores one journey.</summary>
    /// <param name="moments">The moments, in any order.</param>
    /// <param name="options">The scale, the peak definition and the peak weight; the defaults when <see langword="null"/>.</param>
    /// <returns>The score; no score for an empty journey.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside the scale, the scale has no range, the peak weight is outside [0, 1], or the peak definition is undefined.</exception>
    public static JourneyScore Score(ReadOnlySpan<MomentOfTruth> moments, JourneyOptions? options = null)
    {
        options ??= new JourneyOptions();
        Check.InRange(options.PeakWeight, 0, 1, nameof(options.PeakWeight));
        Check.Scale(options.ScaleMinimum, options.ScaleMaximum, nameof(options));
        Check.Defined(options.Peak, nameof(options.Peak));
        Check.Defined(options.Direction, nameof(options.Direction));
        if (moments.IsEmpty)
        {
            return new JourneyScore(0, null, null, null, null, null);
        }

        var mid = (options.ScaleMinimum + options.ScaleMaximum) / 2;
        int peak = 0, end = 0;
        double sum = 0;
        for (var i = 0; i < moments.Length; i++)
        {
            var r = moments[i].Rating;
            Check.InRange(r, options.ScaleMinimum, options.ScaleMaximum, nameof(moments));
            sum += r;
            var intensity = Intensity(r, mid, options.Peak, options.Direction);
            var peakIntensity = Intensity(moments[peak].Rating, mid, options.Peak, options.Direction);
            var better = intensity > peakIntensity || (intensity == peakIntensity && moments[i].At < moments[peak].At);
            peak = better ? i : peak;
            end = moments[i].At >= moments[end].At ? i : end;
        }

        var score = (options.PeakWeight * moments[peak].Rating) + ((1 - options.PeakWeight) * moments[end].Rating);
        var goodness = options.Direction == RatingDirection.HigherIsBetter ? score - options.ScaleMinimum : options.ScaleMaximum - score;
        return new JourneyScore(moments.Length, score, moments[peak], moments[end], sum / moments.Length, 100 * goodness / (options.ScaleMaximum - options.ScaleMinimum));
    }

    /// <summary>How much a rating is the peak: the larger, the more; worst and best follow the scale's direction.</summary>
    private static double Intensity(double rating, double mid, PeakDefinition peak, RatingDirection direction)
    {
        var goodness = direction == RatingDirection.HigherIsBetter ? rating : -rating;
        return peak switch
        {
            PeakDefinition.Worst => -goodness,
            PeakDefinition.Best => goodness,
            _ => Math.Abs(rating - mid),
        };
    }

    /// <summary>The kinds of moment across journeys, weakest first: the lowest mean rating, or the highest when lower is better.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="level">The confidence level of each mean's interval.</param>
    /// <param name="options">The scale and its direction; the defaults when <see langword="null"/>.</param>
    /// <returns>One summary per kind, weakest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside the scale, the scale has no range or the direction is undefined.</exception>
    public static IReadOnlyList<MomentKindSummary> KindsByWeakness(IEnumerable<IEnumerable<MomentOfTruth>> journeys, double level = 0.95, JourneyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        options ??= new JourneyOptions();
        Check.Scale(options.ScaleMinimum, options.ScaleMaximum, nameof(options));
        Check.Defined(options.Direction, nameof(options.Direction));
        var byKind = new Dictionary<string, MeanAccumulator>(StringComparer.Ordinal);
        foreach (var moment in journeys.SelectMany(j => j))
        {
            Check.InRange(moment.Rating, options.ScaleMinimum, options.ScaleMaximum, nameof(journeys));
            byKind.TryGetValue(moment.Kind, out var acc);
            acc.Add(moment.Rating);
            byKind[moment.Kind] = acc;
        }

        var sign = options.Direction == RatingDirection.HigherIsBetter ? 1 : -1;
        return [.. byKind
            .Select(kv => new MomentKindSummary(kv.Key, kv.Value.GetResult(level)))
            .OrderBy(s => sign * s.Rating.Estimate)
            .ThenBy(s => s.Kind, StringComparer.Ordinal)];
    }
}
