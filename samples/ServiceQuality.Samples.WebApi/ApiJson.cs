using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Complaints;
using ServiceQuality.Samples.WebApi.Complaints;
using ServiceQuality.Samples.WebApi.Surveys;

namespace ServiceQuality.Samples.WebApi;

/// <summary>How the API reads and writes JSON: camelCase, enums as strings, source-generated metadata (no reflection).</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);

        // A missing required field or a null where none is allowed is a 400 naming it, not a null deep in the library.
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;

        // Scores of too little data can be NaN (an ICC of constant ratings); write them rather than fail the response.
        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;

        // A client want is named, never numbered: "99" (or "1") as a key of a survey's wants is refused, not an index.
        options.Converters.Insert(0, new JsonStringEnumConverter<ServiceQuality.ClientWant>(namingPolicy: null, allowIntegerValues: false));
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CreateComplaintRequest))]
[JsonSerializable(typeof(ServiceQuality.Extensions.DependencyInjection.ComplaintCommandArguments))]
[JsonSerializable(typeof(ComplaintView))]
[JsonSerializable(typeof(ComplaintEvent))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintEvent>))]
[JsonSerializable(typeof(List<ComplaintStreamInfo>))]
[JsonSerializable(typeof(ServiceQuality.Insights.SurveyResponse))]
[JsonSerializable(typeof(ScorecardView))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
