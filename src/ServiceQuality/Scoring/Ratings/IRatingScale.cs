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
