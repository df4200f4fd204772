using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>The five SERVQUAL dimensions (Parasuraman, Zeithaml and Berry 1988).</summary>
public enum ServqualDimension
{
    /// <summary>Physical facilities, equipment and appearance of personnel.</summary>
    Tangibles = 0,

    /// <summary>Ability to perform the promised service dependably and accurately.</summary>
    Reliability = 1,

    /// <summary>Willingness to help clients and provide prompt service.</summary>
    Responsiveness = 2,

    /// <summary>Knowledge and courtesy of staff and their ability to inspire trust and confidence.</summary>
    Assurance = 3,

    /// <summary>Caring, individualized attention.</summary>
    Empathy = 4,
}

/// <summary>Which model a <see cref="ServqualResult"/> was computed with.</summary>
public enum ServqualModel
{
    /// <summary>SERVQUAL (Parasuraman, Zeithaml and Berry 1988): the gap perception - expectation.</summary>
    Servqual = 0,

    /// <summary>SERVPERF (Cronin and Taylor 1992): perceptions only.</summary>
    Servperf = 1,
}

/// <summary>One questionnaire item.</summary>
public readonly record struct ServqualItem
{
    /// <summary>Gets a name for the item, e.g. "R1".</summary>
    public required string Id { get; init; }

    /// <summary>Gets the dimension it measures.</summary>
    public required ServqualDimension Dimension { get; init; }

    /// <summary>Gets a value indicating whether it is worded negatively: a rating x is read as min + max - x (PZB 1988 worded about half the items negatively).</summary>
    /// <value><see langword="false"/>.</value>
    public bool ReverseScored { get; init; }
}

/// <summary>The score of one dimension.</summary>
public readonly record struct ServqualDimensionScore
{
    [JsonConstructor]
    internal ServqualDimensionScore(ServqualDimension dimension, double? perception, double? expectation, double? score, int itemsAnswered, double weight)
    {
        Dimension = dimension;
        Perception = perception;
        Expectation = expectation;
        Score = score;
        ItemsAnswered = itemsAnswered;
        Weight = weight;
    }

    /// <summary>Gets the dimension.</summary>
    public ServqualDimension Dimension { get; }

    /// <summary>Gets the mean perception over the answered items; <see langword="null"/> when too few were answered.</summary>
    public double? Perception { get; }

    /// <summary>Gets the mean expectation (SERVQUAL only).</summary>
    public double? Expectation { get; }

    /// <summary>Gets the gap P - E (SERVQUAL) or the perception (SERVPERF); <see langword="null"/> when too few items were answered.</summary>
    public double? Score { get; }

    /// <summary>Gets how many of the dimension's items were used.</summary>
    public int ItemsAnswered { get; }

    /// <summary>Gets the importance weight of the dimension (normalised to sum to 1 over the instrument).</summary>
    public double Weight { get; }
}

/// <summary>A respondent's (or a mean respondent's) SERVQUAL or SERVPERF result.</summary>
public sealed class ServqualResult
{
    internal ServqualResult(ServqualModel model, IReadOnlyList<double> itemScores, IReadOnlyList<ServqualDimensionScore> dimensions, double? unweightedScore, double? weightedScore)
    {
        Model = model;
        ItemScores = itemScores;
        Dimensions = dimensions;
        UnweightedScore = unweightedScore;
        WeightedScore = weightedScore;
    }

    /// <summary>Gets the model: SERVQUAL or SERVPERF.</summary>
    public ServqualModel Model { get; }

    /// <summary>Gets the item scores: the gap P - E (SERVQUAL) or P (SERVPERF) after reverse scoring; NaN when missing.</summary>
    public IReadOnlyList<double> ItemScores { get; }

    /// <summary>Gets the five dimension scores, in <see cref="ServqualDimension"/> order.</summary>
    public IReadOnlyList<ServqualDimensionScore> Dimensions { get; }

    /// <summary>Gets the mean of the available dimension scores (PZB 1988); <see langword="null"/> when none is available.</summary>
    public double? UnweightedScore { get; }

    /// <summary>Gets Σ weight·score over the available dimensions divided by the sum of their weights (PZB 1991's weighted score).</summary>
    public double? WeightedScore { get; }
}
