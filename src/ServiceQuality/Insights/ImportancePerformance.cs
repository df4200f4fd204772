using System.Text.Json.Serialization;
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

/// <summary>One attribute placed on the importance-performance grid.</summary>
/// <typeparam name="TAttribute">The attributes analysed (a client want, a service feature of the host's own).</typeparam>
public readonly record struct IpaPoint<TAttribute>
{
    [JsonConstructor]
    internal IpaPoint(TAttribute attribute, double importance, double performance, IpaQuadrant quadrant)
    {
        Attribute = attribute;
        Importance = importance;
        Performance = performance;
        Quadrant = quadrant;
    }

    /// <summary>Gets the attribute.</summary>
    public TAttribute Attribute { get; }

    /// <summary>Gets its importance (stated mean, or derived correlation).</summary>
    public double Importance { get; }

    /// <summary>Gets its mean performance rating.</summary>
    public double Performance { get; }

    /// <summary>Gets the quadrant; a value on a crosshair counts as high.</summary>
    public IpaQuadrant Quadrant { get; }

    /// <summary>
    /// Gets the gap P − I: below 0 the attribute performs worse than it matters (the shortfall to close first). It is
    /// meaningful when importance and performance are rated on the same scale (stated importance), not with a derived
    /// correlation.
    /// </summary>
    public double Gap => Performance - Importance;
}

/// <summary>The result of an importance-performance analysis.</summary>
/// <typeparam name="TAttribute">The attributes analysed.</typeparam>
public sealed class IpaResult<TAttribute>
{
    [JsonConstructor]
    internal IpaResult(IReadOnlyList<IpaPoint<TAttribute>> points, double importanceCrosshair, double performanceCrosshair)
    {
        Points = points;
        ImportanceCrosshair = importanceCrosshair;
        PerformanceCrosshair = performanceCrosshair;
    }

    /// <summary>Gets one point per attribute, in the order given.</summary>
    public IReadOnlyList<IpaPoint<TAttribute>> Points { get; }

    /// <summary>Gets the importance value that splits high from low.</summary>
    public double ImportanceCrosshair { get; }

    /// <summary>Gets the performance value that splits high from low.</summary>
    public double PerformanceCrosshair { get; }

    /// <summary>Gets the attributes in the "concentrate here" quadrant, most important first.</summary>
    public IEnumerable<TAttribute> ConcentrateHere =>
        Points.Where(p => p.Quadrant == IpaQuadrant.ConcentrateHere).OrderByDescending(p => p.Importance).Select(p => p.Attribute);

    /// <summary>Gets the points by gap P − I, the largest shortfall (most negative gap) first.</summary>
    public IEnumerable<IpaPoint<TAttribute>> ByGap => Points.OrderBy(p => p.Gap);
}

/// <summary>
/// Importance-performance analysis (Martilla and James 1977) over any attribute set — the seven client wants ("go ask
/// those you support; the answers show where to focus") or a host's own — with the quadrants and the gap P − I.
/// Importance is stated (the mean importance rating) or derived (the Pearson correlation of each attribute's performance
/// rating with overall satisfaction, <see cref="DeriveImportance"/>).
/// </summary>
public static class ImportancePerformance
{
    /// <summary>Places each attribute in its quadrant.</summary>
    /// <typeparam name="TAttribute">The attributes analysed; an enum's values must be defined.</typeparam>
    /// <param name="attributes">Importance and performance per attribute, in the order the points should keep; at least one.</param>
    /// <param name="options">Crosshair placement and scales; the defaults when <see langword="null"/>.</param>
    /// <returns>The points and crosshairs.</returns>
    /// <exception cref="ArgumentException">No attributes were given, or one is given twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, an enum attribute or the crosshair placement is undefined, or a scale has no range.</exception>
    public static IpaResult<TAttribute> Analyze<TAttribute>(IEnumerable<KeyValuePair<TAttribute, (double Importance, double Performance)>> attributes, ImportancePerformanceOptions? options = null)
        where TAttribute : notnull
    {
        ArgumentNullException.ThrowIfNull(attributes);
        options ??= new ImportancePerformanceOptions();
        var items = attributes.ToList();
        if (items.Count == 0)
        {
            throw new ArgumentException("At least one attribute is needed.", nameof(attributes));
        }

        Check.Defined(options.Crosshairs, nameof(options.Crosshairs));
        Check.Scale(options.ImportanceScaleMinimum, options.ImportanceScaleMaximum, nameof(options.ImportanceScaleMinimum));
        Check.Scale(options.PerformanceScaleMinimum, options.PerformanceScaleMaximum, nameof(options.PerformanceScaleMinimum));
        var seen = new HashSet<TAttribute>();
        foreach (var (attribute, (importance, performance)) in items)
        {
            CheckDefined(attribute, nameof(attributes));
            if (!seen.Add(attribute))
            {
                throw new ArgumentException($"The attribute {attribute} is given twice.", nameof(attributes));
            }

            Check.Finite(importance, nameof(attributes));
            Check.Finite(performance, nameof(attributes));
        }

        var (ic, pc) = options.Crosshairs == CrosshairPlacement.ScaleMidpoint
            ? ((options.ImportanceScaleMinimum + options.ImportanceScaleMaximum) / 2, (options.PerformanceScaleMinimum + options.PerformanceScaleMaximum) / 2)
            : (items.Average(v => v.Value.Importance), items.Average(v => v.Value.Performance));
        var points = items.Select(kv =>
        {
            var (imp, perf) = kv.Value;
            var quadrant = (imp >= ic, perf >= pc) switch
            {
                (true, false) => IpaQuadrant.ConcentrateHere,
                (true, true) => IpaQuadrant.KeepUpTheGoodWork,
                (false, false) => IpaQuadrant.LowPriority,
                _ => IpaQuadrant.PossibleOverkill,
            };
            return new IpaPoint<TAttribute>(kv.Key, imp, perf, quadrant);
        }).ToArray();
        return new IpaResult<TAttribute>(points, ic, pc);
    }

    /// <summary>
    /// Derived importance: the Pearson correlation of each attribute's ratings with overall satisfaction over the same
    /// respondents. An attribute (or an overall rating) without variance has no correlation: <see langword="null"/>, not 0.
    /// </summary>
    /// <typeparam name="TAttribute">The attributes analysed; an enum's values must be defined.</typeparam>
    /// <param name="ratings">Per attribute, one rating per respondent.</param>
    /// <param name="overall">Overall satisfaction, one per respondent.</param>
    /// <returns>The correlation per attribute, in [-1, 1], or <see langword="null"/> when undefined.</returns>
    /// <exception cref="ArgumentException">The lengths differ or there are fewer than 3 respondents.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is not finite or an enum attribute is undefined.</exception>
    public static IReadOnlyDictionary<TAttribute, double?> DeriveImportance<TAttribute>(IReadOnlyDictionary<TAttribute, double[]> ratings, IReadOnlyList<double> overall)
        where TAttribute : notnull
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(overall);
        if (overall.Count < 3)
        {
            throw new ArgumentException($"Derived importance needs at least 3 respondents (got {overall.Count}).", nameof(overall));
        }

        var result = new Dictionary<TAttribute, double?>();
        foreach (var (attribute, values) in ratings)
        {
            CheckDefined(attribute, nameof(ratings));
            if (values.Length != overall.Count)
            {
                throw new ArgumentException($"The ratings of {attribute} must have one value per respondent ({overall.Count}).", nameof(ratings));
            }

            result[attribute] = Pearson(values, overall);
        }

        return result;
    }

    /// <summary>The two-pass Pearson correlation; <see langword="null"/> when either side has no variance.</summary>
    internal static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        foreach (var v in x)
        {
            Check.Finite(v, nameof(x));
        }

        foreach (var v in y)
        {
            Check.Finite(v, nameof(y));
        }

        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : null;
    }

    /// <summary>An attribute of an enum type must be one of its defined values (a ClientWant of 99 is refused, naming it).</summary>
    private static void CheckDefined<TAttribute>(TAttribute attribute, string name)
    {
        if (attribute is Enum value && !Enum.IsDefined(value.GetType(), value))
        {
            throw new ArgumentOutOfRangeException(name, attribute, $"{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)} is not a defined {value.GetType().Name}; valid: {string.Join(", ", Enum.GetNames(value.GetType()))}.");
        }
    }
}
