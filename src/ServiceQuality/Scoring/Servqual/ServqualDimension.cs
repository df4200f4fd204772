namespace ServiceQuality.Scoring.Servqual;

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
/// <param name="Id">A name for the item, e.g. "R1".</param>
/// <param name="Dimension">The dimension it measures.</param>
/// <param name="ReverseScored">Whether it is worded negatively: a rating x is read as min + max - x (PZB 1988 worded about half the items negatively).</param>
public readonly record struct ServqualItem(string Id, ServqualDimension Dimension, bool ReverseScored = false);

/// <summary>The score of one dimension.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Perception">The mean perception over the answered items; <see langword="null"/> when too few were answered.</param>
/// <param name="Expectation">The mean expectation (SERVQUAL only).</param>
/// <param name="Score">The gap P - E (SERVQUAL) or the perception (SERVPERF); <see langword="null"/> when too few items were answered.</param>
/// <param name="ItemsAnswered">How many of the dimension's items were used.</param>
/// <param name="Weight">The importance weight of the dimension (normalised to sum to 1 over the instrument).</param>
public readonly record struct ServqualDimensionScore(ServqualDimension Dimension, double? Perception, double? Expectation, double? Score, int ItemsAnswered, double Weight);

/// <summary>A respondent's (or a mean respondent's) SERVQUAL or SERVPERF result.</summary>
/// <param name="Model">SERVQUAL or SERVPERF.</param>
/// <param name="ItemScores">Per item: the gap P - E (SERVQUAL) or P (SERVPERF) after reverse scoring; NaN when missing.</param>
/// <param name="Dimensions">The five dimension scores, in <see cref="ServqualDimension"/> order.</param>
/// <param name="UnweightedScore">The mean of the available dimension scores (PZB 1988); <see langword="null"/> when none is available.</param>
/// <param name="WeightedScore">Σ weight·score over the available dimensions divided by the sum of their weights (PZB 1991's weighted score).</param>
public sealed record ServqualResult(ServqualModel Model, IReadOnlyList<double> ItemScores, IReadOnlyList<ServqualDimensionScore> Dimensions, double? UnweightedScore, double? WeightedScore);
