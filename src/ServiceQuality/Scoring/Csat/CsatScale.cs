
namespace ServiceQuality.Scoring;

/// <summary>The 1-5 customer-satisfaction (CSAT) scale.</summary>
public readonly struct CsatScale : IRatingScale
{
    /// <summary>Gets 1.</summary>
    public static int Minimum => 1;

    /// <summary>Gets 5.</summary>
    public static int Maximum => 5;
}
