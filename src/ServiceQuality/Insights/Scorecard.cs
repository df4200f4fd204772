using ServiceQuality.Scoring.Csat;
using ServiceQuality.Scoring.Means;
using ServiceQuality.Scoring.Nps;
using ServiceQuality.Scoring.Proportions;
using ServiceQuality.Scoring.Reliability;

namespace ServiceQuality.Insights;

/// <summary>A client's rating of one of the seven client wants: how much it matters and how well it is served (1-5 each).</summary>
/// <param name="Importance">How much the want matters to the client, 1-5.</param>
/// <param name="Performance">How well it is served, 1-5.</param>
public readonly record struct WantAnswer(int Importance, int Performance);

/// <summary>One survey response: any of NPS (0-10), CSAT (1-5), CES (1-7) and the seven client wants, with who answered and who served them.</summary>
public sealed record SurveyResponse
{
    /// <summary>Gets the client who answered.</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the client's segment.</summary>
    public ClientSegment Segment { get; init; }

    /// <summary>Gets the agent (or team) who served the client, if known.</summary>
    public string? Agent { get; init; }

    /// <summary>Gets when the response was given.</summary>
    public DateTimeOffset AnsweredAt { get; init; }

    /// <summary>Gets the likelihood to recommend, 0-10, if asked.</summary>
    public int? Nps { get; init; }

    /// <summary>Gets the satisfaction rating, 1-5, if asked.</summary>
    public int? Csat { get; init; }

    /// <summary>Gets the effort rating on the 1-7 CES scale, if asked; which end is easy is <see cref="ServiceQualityIndexOptions.CesDirection"/> (7 with CES 2.0, the default).</summary>
    public int? Ces { get; init; }

    /// <summary>Gets the ratings of the client wants that were asked.</summary>
    public IReadOnlyDictionary<ClientWant, WantAnswer>? Wants { get; init; }
}

/// <summary>Options for <see cref="Scorecard.Compute"/>.</summary>
public sealed class ScorecardOptions
{
    /// <summary>Gets or sets the NPS options.</summary>
    /// <value><see cref="NpsOptions.Default"/>.</value>
    public NpsOptions Nps { get; set; } = NpsOptions.Default;

    /// <summary>Gets or sets the CSAT options.</summary>
    /// <value><see cref="CsatOptions.Default"/> (top-2 box).</value>
    public CsatOptions Csat { get; set; } = CsatOptions.Default;

    /// <summary>Gets or sets the importance-performance options.</summary>
    /// <value>Crosshairs at the data means.</value>
    public ImportancePerformanceOptions ImportancePerformance { get; set; } = new();

    /// <summary>Gets or sets the Service Quality Index options.</summary>
    /// <value>The three families weigh the same.</value>
    public ServiceQualityIndexOptions Index { get; set; } = new();

    /// <summary>Gets or sets the fewest responses an agent needs to be scored and to enter the consistency analysis.</summary>
    /// <value>5. Valid: 2 or more.</value>
    public int MinimumResponsesPerAgent { get; set; } = 5;
}

/// <summary>A want's scores: stated importance (mean), performance (mean with interval) and the IPA quadrant.</summary>
/// <param name="Want">The want.</param>
/// <param name="Importance">The mean stated importance.</param>
/// <param name="Performance">The performance ratings.</param>
/// <param name="Quadrant">Where it falls in the importance-performance grid.</param>
public readonly record struct WantScore(ClientWant Want, double Importance, MeanResult Performance, IpaQuadrant Quadrant);

/// <summary>One agent's (or team's) scores.</summary>
/// <param name="Agent">The agent.</param>
/// <param name="SampleSize">The number of responses.</param>
/// <param name="Nps">Their NPS.</param>
/// <param name="Csat">Their CSAT.</param>
public readonly record struct AgentScore(string Agent, long SampleSize, NpsResult Nps, CsatResult Csat);

/// <summary>How consistent one measure is across agents: ICC1 is the share of its variance that depends on who served the client (0 = the same whoever you meet).</summary>
/// <param name="Area">"CSAT", "NPS", "CES" or a want's name.</param>
/// <param name="Agreement">ICC1, ICC2 and the F test (reference: R <c>multilevel</c>).</param>
public readonly record struct ConsistencyScore(string Area, GroupAgreementResult Agreement);

/// <summary>Internal against external clients on the hospitality measures.</summary>
/// <param name="Nps">NPS: internal minus external, with its test and Cohen's d.</param>
/// <param name="Csat">CSAT top box: internal minus external, with its test and Cohen's h.</param>
/// <param name="Ces">CES mean: internal minus external (read with the CES direction of the options), with Welch's test and Cohen's d.</param>
public readonly record struct SegmentParityScores(ParityResult? Nps, ParityResult? Csat, ParityResult? Ces);

/// <summary>Everything a service-quality scorecard shows, each figure with its n and uncertainty.</summary>
/// <param name="SampleSize">The number of survey responses.</param>
/// <param name="Nps">The Net Promoter Score.</param>
/// <param name="Csat">CSAT: top-box share and mean.</param>
/// <param name="Ces">Customer effort: the mean CES rating (which end is easy: <see cref="ServiceQualityIndexOptions.CesDirection"/>).</param>
/// <param name="Wants">The seven client wants, in the enum's order (those with answers).</param>
/// <param name="ImportancePerformance">The importance-performance analysis, or <see langword="null"/> with fewer than two wants answered.</param>
/// <param name="Index">The Service Quality Index with each part's contribution.</param>
/// <param name="Parity">Internal against external clients.</param>
/// <param name="Agents">Agents with at least <see cref="ScorecardOptions.MinimumResponsesPerAgent"/> responses, by name.</param>
/// <param name="Consistency">Consistency across agents per measure, least consistent first (the areas to work on for a "we" experience).</param>
public sealed record ScorecardResult(
    long SampleSize,
    NpsResult Nps,
    CsatResult Csat,
    MeanResult Ces,
    IReadOnlyList<WantScore> Wants,
    IpaResult<ClientWant>? ImportancePerformance,
    ServiceQualityIndexResult Index,
    SegmentParityScores Parity,
    IReadOnlyList<AgentScore> Agents,
    IReadOnlyList<ConsistencyScore> Consistency);

/// <summary>
/// Builds a <see cref="ScorecardResult"/> from survey responses and the service measures of complaint handling. To build
/// one from partial results (hosts, silos, batches), accumulate each part in a <see cref="ScorecardAccumulator"/> and merge.
/// </summary>
public static class Scorecard
{
    /// <summary>Computes the scorecard.</summary>
    /// <param name="responses">The survey responses.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="slaAttainment">The share of complaints handled within their SLA, if measured.</param>
    /// <param name="firstContactResolution">The share of complaints resolved at first contact, if measured.</param>
    /// <param name="reopenRate">The share of resolved complaints that were reopened, if measured.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside its scale (the message names the scale), a segment or want is undefined, or an option is out of range.</exception>
    public static ScorecardResult Compute(
        IEnumerable<SurveyResponse> responses,
        ScorecardOptions? options = null,
        ProportionResult? slaAttainment = null,
        ProportionResult? firstContactResolution = null,
        ProportionResult? reopenRate = null)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var accumulator = new ScorecardAccumulator();
        accumulator.Add(responses);
        return accumulator.GetResult(options, slaAttainment, firstContactResolution, reopenRate);
    }
}
