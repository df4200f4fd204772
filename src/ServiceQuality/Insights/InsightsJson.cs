using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ServiceQuality.Insights;

/// <summary>
/// System.Text.Json metadata for the scorecard's accumulator, tallies, responses and result, from a source-generated
/// context (Native AOT and trimming safe): <c>JsonSerializer.Serialize(accumulator, InsightsJson.ScorecardAccumulator)</c>.
/// The accumulator writes its versioned state exactly (see <c>docs/scoring.md</c>, "Serialization"), so partial
/// scorecards from several hosts can be stored, sent and merged.
/// </summary>
public static class InsightsJson
{
    /// <summary>Gets the resolver of every type below, to chain into a host's options.</summary>
    public static IJsonTypeInfoResolver Resolver => InsightsJsonContext.Default;

    /// <summary>Gets the metadata of the scorecard accumulator.</summary>
    public static JsonTypeInfo<ScorecardAccumulator> ScorecardAccumulator => InsightsJsonContext.Default.ScorecardAccumulator;

    /// <summary>Gets the metadata of one group's tally.</summary>
    public static JsonTypeInfo<SurveyTally> SurveyTally => InsightsJsonContext.Default.SurveyTally;

    /// <summary>Gets the metadata of a survey response.</summary>
    public static JsonTypeInfo<SurveyResponse> SurveyResponse => InsightsJsonContext.Default.SurveyResponse;

    /// <summary>Gets the metadata of a scorecard.</summary>
    public static JsonTypeInfo<ScorecardResult> ScorecardResult => InsightsJsonContext.Default.ScorecardResult;
}

/// <summary>The source-generated System.Text.Json context behind <see cref="InsightsJson"/>.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScorecardAccumulator))]
[JsonSerializable(typeof(SurveyTally))]
[JsonSerializable(typeof(SurveyResponse))]
[JsonSerializable(typeof(ScorecardResult))]
internal sealed partial class InsightsJsonContext : JsonSerializerContext;
