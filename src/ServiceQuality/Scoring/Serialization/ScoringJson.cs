using System.Text.Json.Serialization.Metadata;

namespace ServiceQuality.Scoring;

/// <summary>
/// System.Text.Json metadata for the scoring accumulators and results, from a source-generated context (Native AOT and
/// trimming safe): <c>JsonSerializer.Serialize(accumulator, ScoringJson.MeanAccumulator)</c> and
/// <c>JsonSerializer.Deserialize(json, ScoringJson.MeanAccumulator)</c>, or add <see cref="Resolver"/> to a host's
/// <c>JsonSerializerOptions.TypeInfoResolverChain</c>. The accumulators write their versioned state exactly (see
/// <c>docs/scoring.md</c>, "Serialization"), so partial results computed on different machines or stored in a database
/// can be merged; results are written as their properties, enums by name.
/// </summary>
public static class ScoringJson
{
    /// <summary>Gets the resolver of every type below, to chain into a host's options.</summary>
    public static IJsonTypeInfoResolver Resolver => ScoringJsonContext.Default;

    /// <summary>Gets the metadata of the 0-10 NPS rating accumulator.</summary>
    public static JsonTypeInfo<RatingAccumulator<NpsScale>> NpsRatings => ScoringJsonContext.Default.RatingAccumulatorNpsScale;

    /// <summary>Gets the metadata of the 1-5 CSAT rating accumulator.</summary>
    public static JsonTypeInfo<RatingAccumulator<CsatScale>> CsatRatings => ScoringJsonContext.Default.RatingAccumulatorCsatScale;

    /// <summary>Gets the metadata of the 1-7 CES rating accumulator.</summary>
    public static JsonTypeInfo<RatingAccumulator<CesScale>> CesRatings => ScoringJsonContext.Default.RatingAccumulatorCesScale;

    /// <summary>Gets the metadata of the NPS category accumulator.</summary>
    public static JsonTypeInfo<NpsAccumulator> NpsAccumulator => ScoringJsonContext.Default.NpsAccumulator;

    /// <summary>Gets the metadata of the mean accumulator.</summary>
    public static JsonTypeInfo<MeanAccumulator> MeanAccumulator => ScoringJsonContext.Default.MeanAccumulator;

    /// <summary>Gets the metadata of the proportion accumulator.</summary>
    public static JsonTypeInfo<ProportionAccumulator> ProportionAccumulator => ScoringJsonContext.Default.ProportionAccumulator;

    /// <summary>Gets the metadata of an NPS result.</summary>
    public static JsonTypeInfo<NpsResult> NpsResult => ScoringJsonContext.Default.NpsResult;

    /// <summary>Gets the metadata of an NPS posterior.</summary>
    public static JsonTypeInfo<NpsPosterior> NpsPosterior => ScoringJsonContext.Default.NpsPosterior;

    /// <summary>Gets the metadata of a CSAT result.</summary>
    public static JsonTypeInfo<CsatResult> CsatResult => ScoringJsonContext.Default.CsatResult;

    /// <summary>Gets the metadata of a mean result.</summary>
    public static JsonTypeInfo<MeanResult> MeanResult => ScoringJsonContext.Default.MeanResult;

    /// <summary>Gets the metadata of a proportion result.</summary>
    public static JsonTypeInfo<ProportionResult> ProportionResult => ScoringJsonContext.Default.ProportionResult;

    /// <summary>Gets the metadata of a difference test.</summary>
    public static JsonTypeInfo<DifferenceTest> DifferenceTest => ScoringJsonContext.Default.DifferenceTest;

    /// <summary>Gets the metadata of Cronbach's alpha.</summary>
    public static JsonTypeInfo<AlphaResult> AlphaResult => ScoringJsonContext.Default.AlphaResult;

    /// <summary>Gets the metadata of the six intraclass correlations.</summary>
    public static JsonTypeInfo<IReadOnlyList<IccEstimate>> IccEstimates => ScoringJsonContext.Default.IReadOnlyListIccEstimate;

    /// <summary>Gets the metadata of a group agreement result.</summary>
    public static JsonTypeInfo<GroupAgreementResult> GroupAgreementResult => ScoringJsonContext.Default.GroupAgreementResult;
}
