using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>
/// The sufficient statistics of a group of survey responses (a segment, an agent): the counts of each NPS, CSAT and CES
/// rating and, per client want, the accumulated importance and performance ratings. Every figure of the scorecard —
/// scores, intervals, parity tests and the consistency across agents (ICC1/ICC2 from each agent's count, mean and sum
/// of squared deviations) — is computed from these, so tallies merged from partitions give the scorecard of the whole.
/// </summary>
[JsonConverter(typeof(SurveyTallyJsonConverter))]
public sealed class SurveyTally
{
    private readonly Dictionary<ClientWant, MeanAccumulator> _importance = [];
    private readonly Dictionary<ClientWant, MeanAccumulator> _performance = [];
    private RatingAccumulator<NpsScale> _nps;
    private RatingAccumulator<CsatScale> _csat;
    private RatingAccumulator<CesScale> _ces;

    /// <summary>Gets the number of responses.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the 0-10 likelihood-to-recommend ratings.</summary>
    public RatingAccumulator<NpsScale> Nps => _nps;

    /// <summary>Gets the 1-5 satisfaction ratings.</summary>
    public RatingAccumulator<CsatScale> Csat => _csat;

    /// <summary>Gets the 1-7 effort ratings.</summary>
    public RatingAccumulator<CesScale> Ces => _ces;

    /// <summary>Gets the 1-5 importance ratings per client want.</summary>
    public IReadOnlyDictionary<ClientWant, MeanAccumulator> Importance => _importance;

    /// <summary>Gets the 1-5 performance ratings per client want.</summary>
    public IReadOnlyDictionary<ClientWant, MeanAccumulator> Performance => _performance;

    /// <summary>Adds one response; nothing is added when any of its ratings is invalid.</summary>
    /// <param name="response">The response.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside its scale (the message names the scale), or a want is undefined.</exception>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>.</exception>
    public void Add(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Validate(response);
        Count = Check.Sum(Count, 1, "responses");
        if (response.Nps is { } n)
        {
            _nps.Add(n);
        }

        if (response.Csat is { } c)
        {
            _csat.Add(c);
        }

        if (response.Ces is { } e)
        {
            _ces.Add(e);
        }

        foreach (var (want, answer) in response.Wants ?? EmptyWants)
        {
            Add(_importance, want, answer.Importance);
            Add(_performance, want, answer.Performance);
        }
    }

    /// <summary>Adds the responses of another tally.</summary>
    /// <param name="other">The tally to merge in (may be this one).</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>; nothing is merged.</exception>
    public void Merge(SurveyTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            other = Clone();
        }

        // Every count of a tally is at most its number of responses, so this check covers them all.
        Count = Check.Sum(Count, other.Count, "responses");
        _nps.Merge(other._nps);
        _csat.Merge(other._csat);
        _ces.Merge(other._ces);
        Merge(_importance, other._importance);
        Merge(_performance, other._performance);
    }

    /// <summary>Returns a copy that merges independently of this tally.</summary>
    /// <returns>The copy.</returns>
    public SurveyTally Clone()
    {
        var copy = new SurveyTally { Count = Count, _nps = _nps, _csat = _csat, _ces = _ces };
        Merge(copy._importance, _importance);
        Merge(copy._performance, _performance);
        return copy;
    }

    internal static readonly IReadOnlyDictionary<ClientWant, WantAnswer> EmptyWants = new Dictionary<ClientWant, WantAnswer>();

    /// <summary>Checks every rating of a response before anything is added.</summary>
    internal static void Validate(SurveyResponse response)
    {
        Rating(response.Nps, NpsScale.Minimum, NpsScale.Maximum, "NPS", nameof(SurveyResponse.Nps));
        Rating(response.Csat, CsatScale.Minimum, CsatScale.Maximum, "CSAT", nameof(SurveyResponse.Csat));
        Rating(response.Ces, CesScale.Minimum, CesScale.Maximum, "CES", nameof(SurveyResponse.Ces));
        foreach (var (want, answer) in response.Wants ?? EmptyWants)
        {
            Check.Defined(want, nameof(SurveyResponse.Wants));
            Rating(answer.Importance, 1, 5, "client-want importance", nameof(WantAnswer.Importance));
            Rating(answer.Performance, 1, 5, "client-want performance", nameof(WantAnswer.Performance));
        }
    }

    private static void Rating(int? rating, int min, int max, string what, string name)
    {
        if (rating is { } r && (r < min || r > max))
        {
            throw new ArgumentOutOfRangeException(name, r, $"A {what} rating must be from {min} to {max}.");
        }
    }

    private static void Add(Dictionary<ClientWant, MeanAccumulator> accumulators, ClientWant want, int rating)
    {
        var acc = accumulators.GetValueOrDefault(want);
        acc.Add(rating);
        accumulators[want] = acc;
    }

    private static void Merge(Dictionary<ClientWant, MeanAccumulator> into, IReadOnlyDictionary<ClientWant, MeanAccumulator> from)
    {
        foreach (var (want, acc) in from)
        {
            into[want] = MeanAccumulator.Combine(into.GetValueOrDefault(want), acc);
        }
    }

    /// <summary>The most bytes <see cref="WriteTo"/> writes.</summary>
    internal int MaxBinarySize =>
        BinaryState.MaxVarintSize + RatingAccumulator<NpsScale>.MaxBinarySize + RatingAccumulator<CsatScale>.MaxBinarySize + RatingAccumulator<CesScale>.MaxBinarySize
        + (2 * BinaryState.MaxVarintSize) + ((_importance.Count + _performance.Count) * (1 + MeanAccumulator.MaxBinarySize));

    /// <summary>Writes the responses, the three rating states and the want states (want byte, then the mean state).</summary>
    internal void WriteTo(ref BinaryState writer)
    {
        writer.WriteVarint(Count);
        writer.Nested(_nps.TryWriteTo(writer.Free, out var a), a);
        writer.Nested(_csat.TryWriteTo(writer.Free, out var b), b);
        writer.Nested(_ces.TryWriteTo(writer.Free, out var c), c);
        foreach (var wants in (ReadOnlySpan<Dictionary<ClientWant, MeanAccumulator>>)[_importance, _performance])
        {
            writer.WriteVarint(wants.Count);
            foreach (var (want, acc) in wants.OrderBy(kv => kv.Key))
            {
                writer.WriteByte((byte)want);
                writer.Nested(acc.TryWriteTo(writer.Free, out var d), d);
            }
        }
    }

    /// <summary>Reads a tally written by <see cref="WriteTo"/>; <see langword="null"/> when malformed or inconsistent.</summary>
    internal static SurveyTally? ReadFrom(ref BinaryState reader)
    {
        var tally = new SurveyTally { Count = reader.ReadVarint() };
        reader.Nested(RatingAccumulator<NpsScale>.TryReadFrom(reader.Rest, out tally._nps, out var a), a);
        reader.Nested(RatingAccumulator<CsatScale>.TryReadFrom(reader.Rest, out tally._csat, out var b), b);
        reader.Nested(RatingAccumulator<CesScale>.TryReadFrom(reader.Rest, out tally._ces, out var c), c);
        foreach (var wants in (ReadOnlySpan<Dictionary<ClientWant, MeanAccumulator>>)[tally._importance, tally._performance])
        {
            var count = reader.ReadVarint();
            for (long i = 0; i < count && reader.Ok; i++)
            {
                var want = (ClientWant)reader.ReadByte();
                reader.Nested(MeanAccumulator.TryReadFrom(reader.Rest, out var acc, out var d), d);
                if (!Enum.IsDefined(want) || !wants.TryAdd(want, acc))
                {
                    return null;
                }
            }
        }

        return reader.Ok && tally.IsConsistent() ? tally : null;
    }

    /// <summary>Whether every count is at most the number of responses (true of any tally built by adding responses).</summary>
    internal bool IsConsistent() =>
        _nps.Count <= Count && _csat.Count <= Count && _ces.Count <= Count
        && _importance.Values.Concat(_performance.Values).All(a => a.Count <= Count && a.SumOfWeights == a.Count && a.SumOfSquaredWeights == a.Count);

    /// <summary>Writes the JSON state (the converter of <see cref="SurveyTally"/>).</summary>
    internal void WriteJson(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        JsonState.WriteStart(writer);
        writer.WriteNumber("responses", Count);
        writer.WritePropertyName("nps");
        NpsJson.Write(writer, _nps, options);
        writer.WritePropertyName("csat");
        CsatJson.Write(writer, _csat, options);
        writer.WritePropertyName("ces");
        CesJson.Write(writer, _ces, options);
        WriteWants(writer, "importance", _importance, options);
        WriteWants(writer, "performance", _performance, options);
        writer.WriteEndObject();
    }

    private static void WriteWants(Utf8JsonWriter writer, string name, Dictionary<ClientWant, MeanAccumulator> wants, JsonSerializerOptions options)
    {
        writer.WriteStartObject(name);
        foreach (var (want, acc) in wants.OrderBy(kv => kv.Key))
        {
            writer.WritePropertyName(want.ToString());
            MeanJson.Write(writer, acc, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the JSON state written by <see cref="WriteJson"/>.</summary>
    internal static SurveyTally ReadJson(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var state = (Tally: new SurveyTally(), Options: options);
        JsonState.ReadObject(ref reader, "survey tally", ref state, static (ref Utf8JsonReader r, string name, ref (SurveyTally Tally, JsonSerializerOptions Options) s) =>
        {
            switch (name)
            {
                case "responses":
                    s.Tally.Count = JsonState.ReadCount(ref r, name);
                    return true;
                case "nps":
                    s.Tally._nps = NpsJson.Read(ref r, typeof(RatingAccumulator<NpsScale>), s.Options);
                    return true;
                case "csat":
                    s.Tally._csat = CsatJson.Read(ref r, typeof(RatingAccumulator<CsatScale>), s.Options);
                    return true;
                case "ces":
                    s.Tally._ces = CesJson.Read(ref r, typeof(RatingAccumulator<CesScale>), s.Options);
                    return true;
                case "importance":
                    ReadWants(ref r, s.Tally._importance, s.Options);
                    return true;
                case "performance":
                    ReadWants(ref r, s.Tally._performance, s.Options);
                    return true;
                default:
                    return false;
            }
        });
        return state.Tally.IsConsistent() ? state.Tally : throw new JsonException("A survey tally state has more ratings than responses, or weighted want ratings.");
    }

    private static void ReadWants(ref Utf8JsonReader reader, Dictionary<ClientWant, MeanAccumulator> wants, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The want ratings must be an object keyed by client want.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!Enum.TryParse<ClientWant>(name, ignoreCase: false, out var want) || !Enum.IsDefined(want) || name != want.ToString())
            {
                throw new JsonException($"\"{name}\" is not a client want; valid: {string.Join(", ", Enum.GetNames<ClientWant>())}.");
            }

            reader.Read();
            if (!wants.TryAdd(want, MeanJson.Read(ref reader, typeof(MeanAccumulator), options)))
            {
                throw new JsonException($"The client want {name} appears twice.");
            }
        }
    }

    private static readonly MeanAccumulatorJsonConverter MeanJson = new();
    private static readonly RatingAccumulatorJsonConverter<NpsScale> NpsJson = new();
    private static readonly RatingAccumulatorJsonConverter<CsatScale> CsatJson = new();
    private static readonly RatingAccumulatorJsonConverter<CesScale> CesJson = new();
}

/// <summary>The JSON state of a <see cref="SurveyTally"/>.</summary>
internal sealed class SurveyTallyJsonConverter : JsonConverter<SurveyTally>
{
    public override SurveyTally Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => SurveyTally.ReadJson(ref reader, options);

    public override void Write(Utf8JsonWriter writer, SurveyTally value, JsonSerializerOptions options) => value.WriteJson(writer, options);
}
