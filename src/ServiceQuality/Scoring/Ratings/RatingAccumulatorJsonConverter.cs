using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceQuality.Scoring;

/// <summary>
/// The JSON state of a <see cref="RatingAccumulator{TScale}"/>:
/// <c>{"version":1,"minimum":0,"maximum":10,"counts":[c₀,…,c₁₀]}</c>, one count per rating from the minimum to the
/// maximum. <c>ServiceQuality.Scoring.ScoringJsonContext</c> includes the converters of the NPS, CSAT and
/// CES scales; for a scale of your own, add <c>new RatingAccumulatorJsonConverter&lt;YourScale&gt;()</c> to
/// <see cref="JsonSerializerOptions.Converters"/> (Native AOT and trimming safe: no reflection).
/// </summary>
/// <typeparam name="TScale">The rating scale.</typeparam>
public sealed class RatingAccumulatorJsonConverter<TScale> : JsonConverter<RatingAccumulator<TScale>>
    where TScale : IRatingScale
{
    /// <summary>Creates the converter and makes it known to the converter attribute of <see cref="RatingAccumulator{TScale}"/>.</summary>
    public RatingAccumulatorJsonConverter() => RatingAccumulatorJsonConverterFactory.Register(typeof(RatingAccumulator<TScale>), this);

    /// <inheritdoc />
    public override RatingAccumulator<TScale> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var state = (Minimum: -1L, Maximum: -1L, Counts: (List<long>?)null);
        JsonState.ReadObject(ref reader, "rating accumulator", ref state, static (ref Utf8JsonReader r, string name, ref (long Minimum, long Maximum, List<long>? Counts) s) =>
        {
            switch (name)
            {
                case "minimum":
                    s.Minimum = JsonState.ReadCount(ref r, name);
                    return true;
                case "maximum":
                    s.Maximum = JsonState.ReadCount(ref r, name);
                    return true;
                case "counts":
                    s.Counts = ReadCounts(ref r);
                    return true;
                default:
                    return false;
            }
        });
        if (state.Minimum != RatingAccumulator<TScale>.ScaleMinimum || state.Maximum != RatingAccumulator<TScale>.ScaleMaximum)
        {
            throw new JsonException($"The state is of a {state.Minimum}..{state.Maximum} scale; {typeof(TScale).Name} is {RatingAccumulator<TScale>.ScaleMinimum}..{RatingAccumulator<TScale>.ScaleMaximum}.");
        }

        if (state.Counts is null || !RatingAccumulator<TScale>.TryRestore(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(state.Counts), out var value))
        {
            throw new JsonException($"\"counts\" must hold {state.Maximum - state.Minimum + 1} counts ≥ 0 whose sum is at most {long.MaxValue}.");
        }

        return value;
    }

    private static List<long> ReadCounts(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("\"counts\" must be an array.");
        }

        // Sized for the scale's ratings, so a valid state is read without growing the list.
        var counts = new List<long>(RatingAccumulator<TScale>.ScaleMaximum - RatingAccumulator<TScale>.ScaleMinimum + 1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            counts.Add(JsonState.ReadCount(ref reader, "counts"));
        }

        return counts;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RatingAccumulator<TScale> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonState.WriteStart(writer);
        writer.WriteNumber("minimum", RatingAccumulator<TScale>.ScaleMinimum);
        writer.WriteNumber("maximum", RatingAccumulator<TScale>.ScaleMaximum);
        writer.WriteStartArray("counts");
        for (var r = RatingAccumulator<TScale>.ScaleMinimum; r <= RatingAccumulator<TScale>.ScaleMaximum; r++)
        {
            writer.WriteNumberValue(value.CountOf(r));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>
/// The converter named by the attribute of <see cref="RatingAccumulator{TScale}"/>: it serves the converter created for
/// the scale (by the serializer context or the host), and otherwise refuses loudly — never a silent empty accumulator.
/// </summary>
internal sealed class RatingAccumulatorJsonConverterFactory : JsonConverterFactory
{
    private static readonly ConcurrentDictionary<Type, JsonConverter> Converters = new();

    public static void Register(Type accumulator, JsonConverter converter) => Converters.TryAdd(accumulator, converter);

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(RatingAccumulator<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.TryGetValue(typeToConvert, out var converter)
            ? converter
            : throw new NotSupportedException(
                $"No JSON converter is registered for {typeToConvert.Name}[{typeToConvert.GetGenericArguments()[0].Name}]: use ServiceQuality.Scoring.ScoringJsonContext, "
                + $"or add new RatingAccumulatorJsonConverter<{typeToConvert.GetGenericArguments()[0].Name}>() to JsonSerializerOptions.Converters.");
}
