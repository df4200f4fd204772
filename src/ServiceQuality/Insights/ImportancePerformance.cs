using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>The four quadrants of an importance-performance analysis (Martilla and James 1977).</summary>
public enum IpaQuadrant
{
    /// <summary>Important to clients and performing below the crosshair: focus improvement here.</summary>
    ConcentrateHere = 0,

    /// <summary>Important and performing well.</summary>
    KeepUpTheGoodWork = 1,

    /// <summary>Less important and performing below the crosshair.</summary>
    LowPriority = 2,

    /// <summary>Less important but performing well: effort that may be better spent elsewhere.</summary>
    PossibleOverkill = 3,
}

/// <summary>Where the crosshairs that split the quadrants are placed; the literature uses both.</summary>
public enum CrosshairPlacement
{
    /// <summary>At the means of the importance and performance values over the wants (data-centred; the default).</summary>
    DataMeans = 0,

    /// <summary>At the midpoints of the rating scales (scale-centred, as in Martilla and James's original grid).</summary>
    ScaleMidpoint = 1,
}

/// <summary>Options for <see cref="ImportancePerformance"/>.</summary>
public sealed class ImportancePerformanceOptions
{
    /// <summary>Gets or sets where the crosshairs go.</summary>
    /// <value><see cref="CrosshairPlacement.DataMeans"/>.</value>
    public CrosshairPlacement Crosshairs { get; set; } = CrosshairPlacement.DataMeans;

    /// <summary>Gets or sets the lowest rating of the performance scale (used for the scale midpoint).</summary>
    /// <value>1.</value>
    public double PerformanceScaleMinimum { get; set; } = 1;

    /// <summary>Gets or sets the highest rating of the performance scale.</summary>
    /// <value>5.</value>
    public double PerformanceScaleMaximum { get; set; } = 5;

    /// <summary>Gets or sets the lowest value of the importance scale (1 for stated 1-5 ratings, -1 for derived correlations).</summary>
    /// <value>1.</value>
    public double ImportanceScaleMinimum { get; set; } = 1;

    /// <summary>Gets or sets the highest value of the importance scale.</summary>
    /// <value>5.</value>
    public double ImportanceScaleMaximum { get; set; } = 5;
}

/// <summary>One client want placed on the importance-performance grid.</summary>
/// <param name="Want">The client want.</param>
/// <param name="Importance">Its importance (stated mean, or derived correlation).</param>
/// <param name="Performance">Its mean performance rating.</param>
/// <param name="Quadrant">The quadrant; a value on a crosshair counts as high.</param>
public readonly record struct IpaPoint(ClientWant Want, double Importance, double Performance, IpaQuadrant Quadrant);

/// <summary>The result of an importance-performance analysis.</summary>
/// <param name="Points">One point per want, in <see cref="ClientWant"/> order.</param>
/// <param name="ImportanceCrosshair">The importance value that splits high from low.</param>
/// <param name="PerformanceCrosshair">The performance value that splits high from low.</param>
public sealed record IpaResult(IReadOnlyList<IpaPoint> Points, double ImportanceCrosshair, double PerformanceCrosshair)
{
    /// <summary>Gets the wants in the "concentrate here" quadrant, most important first.</summary>
    public IEnumerable<ClientWant> ConcentrateHere =>
        Points.Where(p => p.Quadrant == IpaQuadrant.ConcentrateHere).OrderByDescending(p => p.Importance).Select(p => p.Want);
}

/// <summary>
/// Importance-performance analysis over the seven client wants ("go ask those you support; the answers show where to
/// focus"). Importance is stated (the mean importance rating) or derived (the Pearson correlation of each want's
/// performance rating with overall satisfaction, <see cref="DeriveImportance"/>).
/// </summary>
public static class ImportancePerformance
{
    /// <summary>Places each want in its quadrant.</summary>
    /// <param name="wants">Importance and performance per want; at least one.</param>
    /// <param name="options">Crosshair placement and scales; the defaults when <see langword="null"/>.</param>
    /// <returns>The points and crosshairs.</returns>
    /// <exception cref="ArgumentException">No wants were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, a want or the crosshair placement is undefined, or a scale has no range.</exception>
    public static IpaResult Analyze(IReadOnlyDictionary<ClientWant, (double Importance, double Performance)> wants, ImportancePerformanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(wants);
        options ??= new ImportancePerformanceOptions();
        if (wants.Count == 0)
        {
            throw new ArgumentException("At least one client want is needed.", nameof(wants));
        }

        Check.Defined(options.Crosshairs, nameof(options.Crosshairs));
        Check.Scale(options.ImportanceScaleMinimum, options.ImportanceScaleMaximum, nameof(options.ImportanceScaleMinimum));
        Check.Scale(options.PerformanceScaleMinimum, options.PerformanceScaleMaximum, nameof(options.PerformanceScaleMinimum));
        foreach (var (want, (importance, performance)) in wants)
        {
            Check.Defined(want, nameof(wants));
            Check.Finite(importance, nameof(wants));
            Check.Finite(performance, nameof(wants));
        }

        var (ic, pc) = options.Crosshairs == CrosshairPlacement.ScaleMidpoint
            ? ((options.ImportanceScaleMinimum + options.ImportanceScaleMaximum) / 2, (options.PerformanceScaleMinimum + options.PerformanceScaleMaximum) / 2)
            : (wants.Values.Average(v => v.Importance), wants.Values.Average(v => v.Performance));
        var points = wants.OrderBy(kv => kv.Key).Select(kv =>
        {
            var (imp, perf) = kv.Value;
            var quadrant = (imp >= ic, perf >= pc) switch
            {
                (true, false) => IpaQuadrant.ConcentrateHere,
                (true, true) => IpaQuadrant.KeepUpTheGoodWork,
                (false, false) => IpaQuadrant.LowPriority,
                _ => IpaQuadrant.PossibleOverkill,
            };
            return new IpaPoint(kv.Key, imp, perf, quadrant);
        }).ToArray();
        return new IpaResult(points, ic, pc);
    }

    /// <summary>
    /// Derived importance: the Pearson correlation of each want's ratings with overall satisfaction over the same
    /// respondents. A want with no variance gets 0 (it cannot explain satisfaction).
    /// </summary>
    /// <param name="wantRatings">Per want, one rating per respondent.</param>
    /// <param name="overall">Overall satisfaction, one per respondent.</param>
    /// <returns>The correlation per want, in [-1, 1].</returns>
    /// <exception cref="ArgumentException">The lengths differ or there are fewer than 3 respondents.</exception>
    public static IReadOnlyDictionary<ClientWant, double> DeriveImportance(IReadOnlyDictionary<ClientWant, double[]> wantRatings, IReadOnlyList<double> overall)
    {
        ArgumentNullException.ThrowIfNull(wantRatings);
        ArgumentNullException.ThrowIfNull(overall);
        if (overall.Count < 3)
        {
            throw new ArgumentException("Derived importance needs at least 3 respondents.", nameof(overall));
        }

        var result = new Dictionary<ClientWant, double>();
        foreach (var (want, ratings) in wantRatings)
        {
            if (ratings.Length != overall.Count)
            {
                throw new ArgumentException($"The ratings of {want} must have one value per respondent ({overall.Count}).", nameof(wantRatings));
            }

            result[want] = Pearson(ratings, overall);
        }

        return result;
    }

    internal static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            Check.Finite(x[i], nameof(x));
            Check.Finite(y[i], nameof(y));
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : 0;
    }
}
