using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>A client's rating of one of the seven client wants: how much it matters and how well it is served (1-5 each).</summary>
public readonly record struct WantAnswer
{
    /// <summary>Gets how much the want matters to the client, 1-5.</summary>
    public required int Importance { get; init; }

    /// <summary>Gets how well it is served, 1-5.</summary>
    public required int Performance { get; init; }
}

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
public readonly record struct WantScore
{
    [JsonConstructor]
    internal WantScore(ClientWant want, double importance, MeanResult performance, IpaQuadrant quadrant)
    {
        Want = want;
        Importance = importance;
        Performance = performance;
        Quadrant = quadrant;
    }

    /// <summary>Gets the want.</summary>
    public ClientWant Want { get; }

    /// <summary>Gets the mean stated importance.</summary>
    public double Importance { get; }

    /// <summary>Gets the performance ratings.</summary>
    public MeanResult Performance { get; }

    /// <summary>Gets where it falls in the importance-performance grid.</summary>
    public IpaQuadrant Quadrant { get; }
}

/// <summary>One agent's (or team's) scores.</summary>
public readonly record struct AgentScore
{
    [JsonConstructor]
    internal AgentScore(string agent, long sampleSize, NpsResult nps, CsatResult csat)
    {
        Agent = agent;
        SampleSize = sampleSize;
        Nps = nps;
        Csat = csat;
    }

    /// <summary>Gets the agent.</summary>
    public string Agent { get; }

    /// <summary>Gets the number of responses.</summary>
    public long SampleSize { get; }

    /// <summary>Gets their NPS.</summary>
    public NpsResult Nps { get; }

    /// <summary>Gets their CSAT.</summary>
    public CsatResult Csat { get; }
}

/// <summary>How consistent one measure is across agents: ICC1 is the share of its variance that depends on who served the client (0 = the same whoever you meet).</summary>
public readonly record struct ConsistencyScore
{
    [JsonConstructor]
    internal ConsistencyScore(string area, GroupAgreementResult agreement)
    {
        Area = area;
        Agreement = agreement;
    }

    /// <summary>Gets "CSAT", "NPS", "CES" or a want's name.</summary>
    public string Area { get; }

    /// <summary>Gets ICC1, ICC2 and the F test (reference: R <c>multilevel</c>).</summary>
    public GroupAgreementResult Agreement { get; }
}

/// <summary>Internal against external clients on the hospitality measures.</summary>
public readonly record struct SegmentParityScores
{
    [JsonConstructor]
    internal SegmentParityScores(ParityResult? nps, ParityResult? csat, ParityResult? ces)
    {
        Nps = nps;
        Csat = csat;
        Ces = ces;
    }

    /// <summary>Gets the NPS comparison: internal minus external, with its test and Cohen's d.</summary>
    public ParityResult? Nps { get; }

    /// <summary>Gets the CSAT top-box comparison: internal minus external, with its test and Cohen's h.</summary>
    public ParityResult? Csat { get; }

    /// <summary>Gets the CES mean comparison: internal minus external (read with the CES direction of the options), with Welch's test and Cohen's d.</summary>
    public ParityResult? Ces { get; }
}

/// <summary>Everything a service-quality scorecard shows, each figure with its n and uncertainty.</summary>
public sealed class ScorecardResult
{
    [JsonConstructor]
    internal ScorecardResult(long sampleSize, NpsResult nps, CsatResult csat, MeanResult ces, IReadOnlyList<WantScore> wants, IpaResult<ClientWant>? importancePerformance, ServiceQualityIndexResult index, SegmentParityScores parity, IReadOnlyList<AgentScore> agents, IReadOnlyList<ConsistencyScore> consistency)
    {
        SampleSize = sampleSize;
        Nps = nps;
        Csat = csat;
        Ces = ces;
        Wants = wants;
        ImportancePerformance = importancePerformance;
        Index = index;
        Parity = parity;
        Agents = agents;
        Consistency = consistency;
    }

    /// <summary>Gets the number of survey responses.</summary>
    public long SampleSize { get; }

    /// <summary>Gets the Net Promoter Score.</summary>
    public NpsResult Nps { get; }

    /// <summary>Gets CSAT: the top-box share and the mean.</summary>
    public CsatResult Csat { get; }

    /// <summary>Gets customer effort: the mean CES rating (which end is easy: <see cref="ServiceQualityIndexOptions.CesDirection"/>).</summary>
    public MeanResult Ces { get; }

    /// <summary>Gets the seven client wants, in the enum's order (those with answers).</summary>
    public IReadOnlyList<WantScore> Wants { get; }

    /// <summary>Gets the importance-performance analysis, or <see langword="null"/> with fewer than two wants answered.</summary>
    public IpaResult<ClientWant>? ImportancePerformance { get; }

    /// <summary>Gets the Service Quality Index with each part's contribution.</summary>
    public ServiceQualityIndexResult Index { get; }

    /// <summary>Gets internal against external clients.</summary>
    public SegmentParityScores Parity { get; }

    /// <summary>Gets the agents with at least <see cref="ScorecardOptions.MinimumResponsesPerAgent"/> responses, by name.</summary>
    public IReadOnlyList<AgentScore> Agents { get; }

    /// <summary>Gets the consistency across agents per measure, least consistent first (the areas to work on for a "we" experience).</summary>
    public IReadOnlyList<ConsistencyScore> Consistency { get; }
}

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
