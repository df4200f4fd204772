using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>The source-generated System.Text.Json context behind <see cref="ScoringJson"/>.</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    Converters = [typeof(RatingAccumulatorJsonConverter<NpsScale>), typeof(RatingAccumulatorJsonConverter<CsatScale>), typeof(RatingAccumulatorJsonConverter<CesScale>)])]
[JsonSerializable(typeof(RatingAccumulator<NpsScale>))]
[JsonSerializable(typeof(RatingAccumulator<CsatScale>))]
[JsonSerializable(typeof(RatingAccumulator<CesScale>))]
[JsonSerializable(typeof(NpsAccumulator))]
[JsonSerializable(typeof(MeanAccumulator))]
[JsonSerializable(typeof(ProportionAccumulator))]
[JsonSerializable(typeof(NpsResult))]
[JsonSerializable(typeof(NpsPosterior))]
[JsonSerializable(typeof(CsatResult))]
[JsonSerializable(typeof(MeanResult))]
[JsonSerializable(typeof(ProportionResult))]
[JsonSerializable(typeof(DifferenceTest))]
[JsonSerializable(typeof(AlphaResult))]
[JsonSerializable(typeof(IReadOnlyList<IccEstimate>))]
[JsonSerializable(typeof(GroupAgreementResult))]
internal sealed partial class ScoringJsonContext : JsonSerializerContext;
