using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ServiceQuality.Scoring;

namespace ServiceQuality.Complaints;

/// <summary>
/// System.Text.Json metadata for the complaint KPIs, from a source-generated context (Native AOT and trimming safe):
/// <c>JsonSerializer.Serialize(kpis, ComplaintKpisJson.ComplaintKpis)</c>. The KPIs write their versioned state exactly
/// (see <c>docs/scoring.md</c>, "Serialization"), so partial KPIs from several silos or databases can be stored, sent
/// and merged.
/// </summary>
public static class ComplaintKpisJson
{
    /// <summary>Gets the resolver of the types below, to chain into a host's options.</summary>
    public static IJsonTypeInfoResolver Resolver => ComplaintKpisJsonContext.Default;

    /// <summary>Gets the metadata of the complaint KPIs.</summary>
    public static JsonTypeInfo<ComplaintKpis> ComplaintKpis => ComplaintKpisJsonContext.Default.ComplaintKpis;
}

/// <summary>The source-generated System.Text.Json context behind <see cref="ComplaintKpisJson"/>.</summary>
[JsonSerializable(typeof(ComplaintKpis))]
internal sealed partial class ComplaintKpisJsonContext : JsonSerializerContext;

/// <summary>
/// The JSON state of <see cref="ComplaintKpis"/>: <c>{"version":1,"complaints":n,"firstContactResolutions":{proportion
/// state},"reopens":{…},"acknowledgeSla":{…},"updateSla":{…},"resolveSla":{…},"hoursToAcknowledge":{mean state},
/// "hoursToResolve":{…}}</c>, every property exactly once.
/// </summary>
internal sealed class ComplaintKpisJsonConverter : JsonConverter<ComplaintKpis>
{
    /// <summary>The properties after the version, in the order they are written.</summary>
    private static readonly string[] Names =
        ["complaints", "firstContactResolutions", "reopens", "acknowledgeSla", "updateSla", "resolveSla", "hoursToAcknowledge", "hoursToResolve"];

    private static readonly ProportionAccumulatorJsonConverter ProportionJson = new();
    private static readonly MeanAccumulatorJsonConverter MeanJson = new();

    public override ComplaintKpis Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var state = new State { Options = options, Tallies = new ProportionAccumulator[5], Hours = new MeanAccumulator[2] };
        JsonState.ReadObject(ref reader, "complaint KPIs", ref state, static (ref Utf8JsonReader r, string name, ref State s) =>
        {
            var index = Array.IndexOf(Names, name);
            if (index < 0)
            {
                return false;
            }

            if ((s.Seen & (1 << index)) != 0)
            {
                throw new JsonException($"\"{name}\" appears twice in a complaint KPIs state.");
            }

            s.Seen |= 1 << index;
            switch (index)
            {
                case 0: s.Complaints = JsonState.ReadCount(ref r, name); break;
                case < 6: s.Tallies[index - 1] = ProportionJson.Read(ref r, typeof(ProportionAccumulator), s.Options); break;
                default: s.Hours[index - 6] = MeanJson.Read(ref r, typeof(MeanAccumulator), s.Options); break;
            }

            return true;
        });
        if (state.Seen != (1 << Names.Length) - 1)
        {
            var missing = Names.Where((_, i) => (state.Seen & (1 << i)) == 0);
            throw new JsonException($"A complaint KPIs state needs {string.Join(", ", Names)}; missing: {string.Join(", ", missing)}.");
        }

        var t = state.Tallies;
        return new ComplaintKpis(t[0], t[1], t[2], t[3], t[4], state.Hours[0], state.Hours[1]) { Complaints = state.Complaints };
    }

    public override void Write(Utf8JsonWriter writer, ComplaintKpis value, JsonSerializerOptions options)
    {
        JsonState.WriteStart(writer);
        writer.WriteNumber(Names[0], value.Complaints);
        ReadOnlySpan<ProportionAccumulator> tallies = [value.FirstContactResolutions, value.Reopens, value.AcknowledgeSla, value.UpdateSla, value.ResolveSla];
        for (var i = 0; i < tallies.Length; i++)
        {
            writer.WritePropertyName(Names[i + 1]);
            ProportionJson.Write(writer, tallies[i], options);
        }

        writer.WritePropertyName(Names[6]);
        MeanJson.Write(writer, value.HoursToAcknowledge, options);
        writer.WritePropertyName(Names[7]);
        MeanJson.Write(writer, value.HoursToResolve, options);
        writer.WriteEndObject();
    }

    private struct State
    {
        public JsonSerializerOptions Options;
        public ProportionAccumulator[] Tallies;
        public MeanAccumulator[] Hours;
        public long Complaints;
        public int Seen;
    }
}
