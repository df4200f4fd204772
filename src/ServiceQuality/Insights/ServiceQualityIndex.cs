using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>The three families of the Service Quality Index.</summary>
public enum IndexFamily
{
    /// <summary>How clients feel: CSAT, NPS, CES.</summary>
    Hospitality = 0,

    /// <summary>What is done for them: SLA attainment, first-contact resolution, reopen rate.</summary>
    Service = 1,

    /// <summary>The seven client wants, weighted by importance.</summary>
    ClientWants = 2,
}

/// <summary>A client want's performance and importance, an input of the index.</summary>
public readonly record struct WantRating
{
    /// <summary>Gets the mean performance rating on the want scale.</summary>
    public required MeanResult Performance { get; init; }

    /// <summary>Gets its importance (stated mean or derived correlation), ≥ 0.</summary>
    public required double Importance { get; init; }
}

/// <summary>
/// The inputs of the Service Quality Index. Any may be missing (<see langword="null"/> or without data); the index
/// then uses the rest. The service inputs come from the complaint measures as plain proportions.
/// </summary>
public sealed class ServiceQualityInputs
{
    /// <summary>Gets or sets the CSAT top-box share.</summary>
    /// <value><see langword="null"/>: not measured.</value>
    public ProportionResult? Csat { get; set; }

    /// <summary>Gets or sets the Net Promoter Score.</summary>
    /// <value><see langword="null"/>: not measured.</value>
    public NpsResult? Nps { get; set; }

    /// <summary>Gets or sets the mean customer effort (lower is better).</summary>
    /// <value><see langword="null"/>: not measured.</value>
    public MeanResult? Ces { get; set; }

    /// <summary>Gets or sets the share of complaints handled within their SLA.</summary>
    /// <value><see langword="null"/>: not measured.</value>
    public ProportionResult? SlaAttainment { get; set; }

    /// <summary>Gets or sets the share of complaints resolved at first contact.</summary>
    /// <value><see langword="null"/>: not measured.</value>
    public ProportionResult? FirstContactResolution { get; set; }

    /// <summary>Gets or sets the share of resolved complaints that were reopened (lower is better).</summary>
    /// <value><see langword="null"/>: not measured.</value>
    public ProportionResult? ReopenRate { get; set; }

    /// <summary>Gets the ratings of the client wants.</summary>
    /// <value>Empty: not measured.</value>
    public IDictionary<ClientWant, WantRating> Wants { get; } = new Dictionary<ClientWant, WantRating>();
}

/// <summary>Options for the Service Quality Index.</summary>
public sealed class ServiceQualityIndexOptions
{
    /// <summary>Gets or sets the relative weight of the hospitality family.</summary>
    /// <value>1 (the three families weigh the same).</value>
    public double HospitalityWeight { get; set; } = 1;

    /// <summary>Gets or sets the relative weight of the service family.</summary>
    /// <value>1.</value>
    public double ServiceWeight { get; set; } = 1;

    /// <summary>Gets or sets the relative weight of the client-wants family.</summary>
    /// <value>1.</value>
    public double ClientWantsWeight { get; set; } = 1;

    /// <summary>Gets or sets the lowest CES rating.</summary>
    /// <value>1.</value>
    public double CesScaleMinimum { get; set; } = 1;

    /// <summary>Gets or sets the highest CES rating.</summary>
    /// <value>7.</value>
    public double CesScaleMaximum { get; set; } = 7;

    /// <summary>
    /// Gets or sets which end of the CES scale is the easy one. CES 2.0 (Gartner/CEB) asks for agreement with "the
    /// company made it easy for me to handle my issue" on 1-7, so 7 is easiest; CES 1.0 asked how much effort it took,
    /// so 1 is easiest — choose <see cref="RatingDirection.LowerIsBetter"/> for that wording.
    /// </summary>
    /// <value><see cref="RatingDirection.HigherIsBetter"/> (CES 2.0).</value>
    public RatingDirection CesDirection { get; set; } = RatingDirection.HigherIsBetter;

    /// <summary>Gets or sets the lowest want rating.</summary>
    /// <value>1.</value>
    public double WantScaleMinimum { get; set; } = 1;

    /// <summary>Gets or sets the highest want rating.</summary>
    /// <value>5.</value>
    public double WantScaleMaximum { get; set; } = 5;

    /// <summary>Gets or sets the confidence level of the interval.</summary>
    /// <value>0.95.</value>
    public double ConfidenceLevel { get; set; } = 0.95;
}

/// <summary>One part of the index and what it contributes.</summary>
public readonly record struct IndexComponent
{
    [JsonConstructor]
    internal IndexComponent(string name, IndexFamily family, double score, double weight, double contribution, double standardError)
    {
        Name = name;
        Family = family;
        Score = score;
        Weight = weight;
        Contribution = contribution;
        StandardError = standardError;
    }

    /// <summary>Gets "CSAT", "NPS", "CES", "SLA attainment", "First-contact resolution", "Reopen rate" or the want's name.</summary>
    public string Name { get; }

    /// <summary>Gets its family.</summary>
    public IndexFamily Family { get; }

    /// <summary>Gets the part on 0-100 (higher is better).</summary>
    public double Score { get; }

    /// <summary>Gets its final weight; the weights of the parts sum to 1.</summary>
    public double Weight { get; }

    /// <summary>Gets the contribution Weight × Score: the points it adds to the index.</summary>
    public double Contribution { get; }

    /// <summary>Gets the standard error of <see cref="Score"/> (0 when unknown, e.g. one response).</summary>
    public double StandardError { get; }
}

/// <summary>The Service Quality Index with its parts.</summary>
public sealed class ServiceQualityIndexResult
{
    [JsonConstructor]
    internal ServiceQualityIndexResult(double? estimate, double? standardError, ConfidenceInterval? interval, IReadOnlyList<IndexComponent> components)
    {
        Estimate = estimate;
        StandardError = standardError;
        Interval = interval;
        Components = components;
    }

    /// <summary>Gets the index on 0-100; <see langword="null"/> when no input has data.</summary>
    public double? Estimate { get; }

    /// <summary>Gets its standard error by the delta method.</summary>
    public double? StandardError { get; }

    /// <summary>Gets the interval Estimate ± z·SE, limited to [0, 100].</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets the parts, whose contributions sum to the index.</summary>
    public IReadOnlyList<IndexComponent> Components { get; }

    /// <summary>Gets whether there is an index (some input has data).</summary>
    public bool HasValue => Estimate.HasValue;

    /// <summary>Gets why there is no index: <see cref="UndefinedReason.NoObservations"/> when no input has data; <see cref="UndefinedReason.None"/> otherwise.</summary>
    public UndefinedReason Undefined => HasValue ? UndefinedReason.None : UndefinedReason.NoObservations;
}

/// <summary>
/// The Service Quality Index: an explainable 0-100 composite of hospitality (CSAT, NPS, CES), service (SLA
/// attainment, first-contact resolution, reopen rate) and the seven client wants weighted by importance.
/// </summary>
/// <remarks>
/// <para>Each part is put on 0-100, higher better: CSAT, SLA and FCR as 100·p; NPS as 50·(score + 1); CES as
/// 100·(mean - min)/(max - min) when higher is easier (CES 2.0, the default) or 100·(max - mean)/(max - min) when lower
/// is (CES 1.0, <see cref="ServiceQualityIndexOptions.CesDirection"/>); reopen rate as 100·(1 - p); a want as
/// 100·(mean - min)/(max - min).</para>
/// <para>Weights: each family's relative weight is split equally among its parts with data (the wants by their
/// importance); a family with no data drops out and the remaining weights are renormalised to sum to 1.</para>
/// <para>Interval: the delta method, exact for this linear combination: Var = Σ wᵢ²·SEᵢ², treating the parts as
/// independent samples (they usually come from different surveys and systems); index ± z·√Var, limited to [0, 100].</para>
/// </remarks>
public static class ServiceQualityIndex
{
    /// <summary>Computes the index.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="options">The weights, scales and level; the defaults when <see langword="null"/>.</param>
    /// <returns>The index, its interval and its parts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A weight or importance is negative, a mean is off its scale, a scale has no range (e.g. 1..1), the CES direction or
    /// a client want is undefined, or the level is outside (0, 1).
    /// </exception>
    public static ServiceQualityIndexResult Compute(ServiceQualityInputs inputs, ServiceQualityIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new ServiceQualityIndexOptions();
        Check.Level(options.ConfidenceLevel, nameof(options.ConfidenceLevel));
        Check.Weight(options.HospitalityWeight, nameof(options.HospitalityWeight));
        Check.Weight(options.ServiceWeight, nameof(options.ServiceWeight));
        Check.Weight(options.ClientWantsWeight, nameof(options.ClientWantsWeight));
        Check.Scale(options.CesScaleMinimum, options.CesScaleMaximum, nameof(options.CesScaleMinimum));
        Check.Scale(options.WantScaleMinimum, options.WantScaleMaximum, nameof(options.WantScaleMinimum));
        Check.Defined(options.CesDirection, nameof(options.CesDirection));
        foreach (var want in inputs.Wants.Keys)
        {
            Check.Defined(want, nameof(inputs.Wants));
        }

        // (name, family, score 0-100, SE, relative weight inside the family)
        var parts = new List<(string Name, IndexFamily Family, double Score, double Se, double Within)>();
        AddProportion(parts, "CSAT", IndexFamily.Hospitality, inputs.Csat, higherIsBetter: true);
        if (inputs.Nps is { HasValue: true } nps)
        {
            parts.Add(("NPS", IndexFamily.Hospitality, 50 * (nps.Estimate!.Value + 1), 50 * nps.StandardError!.Value, 1));
        }

        if (inputs.Ces is { HasValue: true } ces)
        {
            var range = options.CesScaleMaximum - options.CesScaleMinimum;
            Check.InRange(ces.Estimate!.Value, options.CesScaleMinimum, options.CesScaleMaximum, nameof(inputs.Ces));
            var easiness = options.CesDirection == RatingDirection.HigherIsBetter ? ces.Estimate.Value - options.CesScaleMinimum : options.CesScaleMaximum - ces.Estimate.Value;
            parts.Add(("CES", IndexFamily.Hospitality, 100 * easiness / range, 100 * (ces.StandardError ?? 0) / range, 1));
        }

        AddProportion(parts, "SLA attainment", IndexFamily.Service, inputs.SlaAttainment, higherIsBetter: true);
        AddProportion(parts, "First-contact resolution", IndexFamily.Service, inputs.FirstContactResolution, higherIsBetter: true);
        AddProportion(parts, "Reopen rate", IndexFamily.Service, inputs.ReopenRate, higherIsBetter: false);

        var wants = inputs.Wants.Where(kv => kv.Value.Performance.HasValue).OrderBy(kv => kv.Key).ToArray();
        var importanceSum = wants.Sum(kv => kv.Value.Importance);
        foreach (var (want, rating) in wants)
        {
            Check.Weight(rating.Importance, nameof(inputs.Wants));
            var range = options.WantScaleMaximum - options.WantScaleMinimum;
            Check.InRange(rating.Performance.Estimate!.Value, options.WantScaleMinimum, options.WantScaleMaximum, nameof(inputs.Wants));
            var within = importanceSum > 0 ? rating.Importance / importanceSum : 1.0 / wants.Length;
            parts.Add((want.ToString(), IndexFamily.ClientWants, 100 * (rating.Performance.Estimate.Value - options.WantScaleMinimum) / range, 100 * (rating.Performance.StandardError ?? 0) / range, within));
        }

        double FamilyWeight(IndexFamily f) => f switch
        {
            IndexFamily.Hospitality => options.HospitalityWeight,
            IndexFamily.Service => options.ServiceWeight,
            _ => options.ClientWantsWeight,
        };

        var families = parts.GroupBy(p => p.Family).ToDictionary(g => g.Key, g => g.Sum(p => p.Within));
        var totalFamilyWeight = families.Keys.Sum(FamilyWeight);
        if (parts.Count == 0 || !(totalFamilyWeight > 0))
        {
            return new ServiceQualityIndexResult(null, null, null, []);
        }

        var components = parts.Select(p =>
        {
            var weight = FamilyWeight(p.Family) / totalFamilyWeight * (families[p.Family] > 0 ? p.Within / families[p.Family] : 0);
            return new IndexComponent(p.Name, p.Family, p.Score, weight, weight * p.Score, p.Se);
        }).ToArray();
        var index = components.Sum(c => c.Contribution);
        var se = Math.Sqrt(components.Sum(c => c.Weight * c.Weight * c.StandardError * c.StandardError));
        var half = Check.Z(options.ConfidenceLevel) * se;
        var interval = new ConfidenceInterval(index - half, index + half, options.ConfidenceLevel).Clip(0, 100);
        return new ServiceQualityIndexResult(index, se, interval, components);
    }

    private static void AddProportion(List<(string, IndexFamily, double, double, double)> parts, string name, IndexFamily family, ProportionResult? result, bool higherIsBetter)
    {
        if (result is not { HasValue: true } r)
        {
            return;
        }

        var p = r.Estimate!.Value;
        parts.Add((name, family, 100 * (higherIsBetter ? p : 1 - p), 100 * Math.Sqrt(p * (1 - p) / r.SampleSize), 1));
    }
}
