namespace ServiceQuality.Scoring;

/// <summary>
/// An integer rating scale for <see cref="RatingAccumulator{TScale}"/>, declared as a type so that accumulators of
/// different scales cannot be merged by mistake. Hosts may declare their own; 0 ≤ <see cref="Minimum"/> &lt;
/// <see cref="Maximum"/> ≤ 10.
/// </summary>
public interface IRatingScale
{
    /// <summary>Gets the lowest rating, ≥ 0.</summary>
    static abstract int Minimum { get; }

    /// <summary>Gets the highest rating, ≤ 10.</summary>
    static abstract int Maximum { get; }
}

/// <summary>The 0-10 likelihood-to-recommend scale of the Net Promoter Score.</summary>
public readonly struct NpsScale : IRatingScale
{
    /// <summary>Gets 0.</summary>
    public static int Minimum => 0;

    /// <summary>Gets 10.</summary>
    public static int Maximum => 10;
}

/// <summary>The 1-5 customer-satisfaction (CSAT) scale.</summary>
public readonly struct CsatScale : IRatingScale
{
    /// <summary>Gets 1.</summary>
    public static int Minimum => 1;

    /// <summary>Gets 5.</summary>
    public static int Maximum => 5;
}

/// <summary>The 1-7 customer-effort (CES) scale, where 1 is the least effort: lower is better.</summary>
public readonly struct CesScale : IRatingScale
{
    /// <summary>Gets 1.</summary>
    public static int Minimum => 1;

    /// <summary>Gets 7.</summary>
    public static int Maximum => 7;
}
