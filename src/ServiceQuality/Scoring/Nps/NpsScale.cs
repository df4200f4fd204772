
namespace ServiceQuality.Scoring;

/// <summary>The 0-10 likelihood-to-recommend scale of the Net Promoter Score.</summary>
public readonly struct NpsScale : IRatingScale
{
    /// <summary>Gets 0.</summary>
    public static int Minimum => 0;

    /// <summary>Gets 10.</summary>
    public static int Maximum => 10;
}
