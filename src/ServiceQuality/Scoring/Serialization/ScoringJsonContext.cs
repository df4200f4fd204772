using System.Text.Json.Serialization;
using ServiceQuality.Scoring.Ces;
using ServiceQuality.Scoring.Csat;
using ServiceQuality.Scoring.Means;
using ServiceQuality.Scoring.Nps;
using ServiceQuality.Scoring.Proportions;
using ServiceQuality.Scoring.Ratings;
using ServiceQuality.Scoring.Reliability;

namespace ServiceQuality.Scoring.Serialization;

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
