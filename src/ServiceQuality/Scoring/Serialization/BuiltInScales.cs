using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ServiceQuality.Scoring;

/// <summary>Makes the JSON converters of the NPS, CSAT and CES rating accumulators known when the assembly loads.</summary>
internal static class BuiltInScales
{
    /// <summary>
    /// Registers the converters with the converter attribute of <c>RatingAccumulator&lt;TScale&gt;</c>, so that the
    /// built-in scales serialize with any <c>JsonSerializerOptions</c>, not only through <see cref="ScoringJson"/>.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Creates three converter objects and adds them to a dictionary: no I/O, no dependency on the order of initialization, and no reflection (Native AOT safe).")]
    internal static void Register()
    {
        _ = new RatingAccumulatorJsonConverter<NpsScale>();
        _ = new RatingAccumulatorJsonConverter<CsatScale>();
        _ = new RatingAccumulatorJsonConverter<CesScale>();
    }
}
