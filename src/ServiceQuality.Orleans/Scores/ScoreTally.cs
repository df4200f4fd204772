using ServiceQuality.Complaints;
using ServiceQuality.Insights;
using ServiceQuality.Scoring;

namespace ServiceQuality.Orleans.Scores;

/// <summary>A tally of survey responses and complaint measures: one silo's partial, or the merge of all of them.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ScoreTally")]
public sealed class ScoreTally
{
    internal ScoreTally(ScorecardAccumulator surveys, ComplaintMeasures complaints, int partitions)
    {
        Surveys = surveys;
        Complaints = complaints;
        Partitions = partitions;
    }

    /// <summary>Gets the survey responses' accumulator.</summary>
    [Id(0)]
    public ScorecardAccumulator Surveys { get; }

    /// <summary>Gets the complaint measures' sufficient statistics.</summary>
    [Id(1)]
    public ComplaintMeasures Complaints { get; }

    /// <summary>Gets how many partial tallies were merged into this one (1 for a partial).</summary>
    [Id(2)]
    public int Partitions { get; }

    /// <summary>Computes the scorecard of the tally, with first-contact resolution and the reopen rate from the complaint measures.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="slaAttainment">The share of complaints handled within their SLA, if measured.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ScorecardResult GetScorecard(ScorecardOptions? options = null, ProportionResult? slaAttainment = null) => Surveys.GetResult(
        options,
        slaAttainment,
        Complaints.Closed == 0 ? null : Proportion.FromCounts(Complaints.FirstContactResolutions, Complaints.Closed),
        Complaints.EverResolved == 0 ? null : Proportion.FromCounts(Complaints.Reopened, Complaints.EverResolved));
}
