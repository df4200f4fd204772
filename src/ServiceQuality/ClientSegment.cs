namespace ServiceQuality;

/// <summary>
/// Whether a client is inside or outside the organisation. Both deserve the same service: complaints record it, and
/// segment parity compares scores and SLA attainment across it. Hosts may compare any segment type of their own with
/// <see cref="Insights.SegmentParity.CompareToReference{TSegment}(IReadOnlyDictionary{TSegment, Scoring.ProportionResult}, TSegment, double)"/>.
/// </summary>
public enum ClientSegment
{
    /// <summary>A client inside the organisation.</summary>
    Internal = 0,

    /// <summary>A client outside the organisation.</summary>
    External = 1,
}
