namespace ServiceQuality.Scoring;

/// <summary>Which end of a rating scale is the good one.</summary>
public enum RatingDirection
{
    /// <summary>Higher ratings are better (CSAT; CES 2.0's 1-7 agreement scale, where 7 is "very easy").</summary>
    HigherIsBetter = 0,

    /// <summary>Lower ratings are better (CES 1.0's effort scale, where 1 is "very low effort").</summary>
    LowerIsBetter = 1,
}
