
namespace ServiceQuality.Scoring;

/// <summary>The 1-7 customer-effort (CES) scale. Which end is easy depends on the wording (CES 2.0: 7 is "very easy"; CES 1.0: 1 is "very low effort"); see <see cref="RatingDirection"/>.</summary>
public readonly struct CesScale : IRatingScale
{
    /// <summary>Gets 1.</summary>
    public static int Minimum => 1;

    /// <summary>Gets 7.</summary>
    public static int Maximum => 7;
}
