using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceQuality.Scoring;

namespace ServiceQuality.Insights;

/// <summary>
/// The mergeable, serializable state behind a scorecard: one <see cref="SurveyTally"/> per client segment and one per
/// agent — sufficient statistics, no raw ratings. Accumulate responses where they arrive (a host, a silo, a batch),
/// <see cref="Merge"/> the partial accumulators in any order, and <see cref="GetResult"/> equals
/// <see cref="Scorecard.Compute"/> over all the responses. The state travels as JSON (<see cref="InsightsJson"/>) or as
/// compact binary (<see cref="TryWriteTo"/>, <see cref="TryReadFrom"/>).
/// </summary>
[JsonConverter(typeof(ScorecardAccumulatorJsonConverter))]
public sealed class ScorecardAccumulator
{
    private readonly SortedDictionary<ClientSegment, SurveyTally> _segments = [];
    private readonly SortedDictionary<string, SurveyTally> _agents = new(StringComparer.Ordinal);

    /// <summary>Gets the number of responses.</summary>
    public long Count => _segments.Values.Sum(t => t.Count);

    /// <summary>Gets the tally of each client segment that has responses.</summary>
    public IReadOnlyDictionary<ClientSegment, SurveyTally> Segments => _segments;

    /// <summary>Gets the tally of each agent named by a response, by name (ordinal).</summary>
    public IReadOnlyDictionary<string, SurveyTally> Agents => _agents;

    /// <summary>Adds one response; nothing is added when it is invalid.</summary>
    /// <param name="response">The response.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside its scale (the message names it), or the segment or a want is undefined.</exception>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>.</exception>
    public void Add(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Check.Defined(response.Segment, nameof(SurveyResponse.Segment));
        SurveyTally.Validate(response);
        Check.Sum(Count, 1, "responses");
        Tally(_segments, response.Segment).Add(response);
        if (response.Agent is { } agent)
        {
            Tally(_agents, agent).Add(response);
        }
    }

    /// <summary>Adds many responses, stopping at the first invalid one (those before it are added).</summary>
    /// <param name="responses">The responses.</param>
    /// <exception cref="ArgumentNullException"><paramref name="responses"/> or a response is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating is outside its scale, or a segment or want is undefined.</exception>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>.</exception>
    public void Add(IEnumerable<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            Add(response);
        }
    }

    /// <summary>Adds the tallies of another accumulator: associative and commutative up to floating-point rounding of the want means; an empty accumulator is the identity.</summary>
    /// <param name="other">The accumulator to merge in (may be this one).</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">The number of responses would exceed <see cref="long.MaxValue"/>; nothing is merged.</exception>
    public void Merge(ScorecardAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Check.Sum(Count, other.Count, "responses");
        var agents = other._agents.Select(kv => (kv.Key, Tally: kv.Value.Clone())).ToList();
        var segments = other._segments.Select(kv => (kv.Key, Tally: kv.Value.Clone())).ToList();
        foreach (var (segment, tally) in segments)
        {
            Tally(_segments, segment).Merge(tally);
        }

        foreach (var (agent, tally) in agents)
        {
            Tally(_agents, agent).Merge(tally);
        }
    }

    private static SurveyTally Tally<TKey>(SortedDictionary<TKey, SurveyTally> tallies, TKey key)
        where TKey : notnull =>
        tallies.TryGetValue(key, out var tally) ? tally : tallies[key] = new SurveyTally();

    /// <summary>Computes the scorecard from the tallies.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="slaAttainment">The share of complaints handled within their SLA, if measured.</param>
    /// <param name="firstContactResolution">The share of complaints resolved at first contact, if measured.</param>
    /// <param name="reopenRate">The share of resolved complaints that were reopened, if measured.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ScorecardResult GetResult(ScorecardOptions? options = null, ProportionResult? slaAttainment = null, ProportionResult? firstContactResolution = null, ProportionResult? reopenRate = null)
    {
        options ??= new ScorecardOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinimumResponsesPerAgent, 2, nameof(options));
        var all = new SurveyTally();
        foreach (var tally in _segments.Values)
        {
            all.Merge(tally);
        }

        var nps = all.Nps.GetNps(options.Nps);
        var csat = all.Csat.GetCsat(options.Csat);
        var ces = all.Ces.GetMean();
        var wantMeans = all.Performance.OrderBy(w => w.Key).ToDictionary(w => w.Key, w => (Importance: all.Importance[w.Key].Mean ?? 0, Performance: w.Value.GetResult()));
        var ipa = wantMeans.Count >= 2
            ? ImportancePerformance.Analyze(wantMeans.ToDictionary(w => w.Key, w => (w.Value.Importance, w.Value.Performance.Estimate ?? 0)), options.ImportancePerformance)
            : null;
        var wants = wantMeans
            .Select(w => new WantScore(w.Key, w.Value.Importance, w.Value.Performance, ipa?.Points.First(p => p.Attribute == w.Key).Quadrant ?? default))
            .ToList();

        var inputs = new ServiceQualityInputs
        {
            Nps = all.Nps.Count > 0 ? nps : null,
            Csat = all.Csat.Count > 0 ? csat.TopBox : null,
            Ces = all.Ces.Count > 0 ? ces : null,
            SlaAttainment = slaAttainment,
            FirstContactResolution = firstContactResolution,
            ReopenRate = reopenRate,
        };
        foreach (var (want, (importance, performance)) in wantMeans)
        {
            inputs.Wants[want] = new WantRating { Performance = performance, Importance = importance };
        }

        var index = ServiceQualityIndex.Compute(inputs, options.Index);
        var agents = _agents.Where(a => a.Value.Count >= options.MinimumResponsesPerAgent).Select(a => (a.Key, a.Value)).ToList();
        var agentScores = agents.Select(a => new AgentScore(a.Key, a.Value.Count, a.Value.Nps.GetNps(options.Nps), a.Value.Csat.GetCsat(options.Csat))).ToList();
        return new ScorecardResult(all.Count, nps, csat, ces, wants, ipa, index, Parity(options), agentScores, Consistency(agents));
    }

    private SegmentParityScores Parity(ScorecardOptions options)
    {
        if (!_segments.TryGetValue(ClientSegment.Internal, out var i) || !_segments.TryGetValue(ClientSegment.External, out var e))
        {
            return default;
        }

        return new SegmentParityScores(
            i.Nps.Count > 1 && e.Nps.Count > 1 ? SegmentParity.CompareNps(i.Nps.GetNps(options.Nps), e.Nps.GetNps(options.Nps)) : null,
            i.Csat.Count > 0 && e.Csat.Count > 0 ? SegmentParity.CompareProportions(i.Csat.GetCsat(options.Csat).TopBox, e.Csat.GetCsat(options.Csat).TopBox) : null,
            i.Ces.Count > 1 && e.Ces.Count > 1 ? SegmentParity.CompareMeans(i.Ces.GetMean(), e.Ces.GetMean()) : null);
    }

    /// <summary>
    /// ICC1/ICC2 of each measure nested in agents, least consistent (highest ICC1) first, from each agent's count, mean
    /// and sum of squared deviations. A measure without two agents' answers and replication within agents is left out.
    /// </summary>
    private static List<ConsistencyScore> Consistency(List<(string Agent, SurveyTally Tally)> agents)
    {
        var result = new List<ConsistencyScore>();
        if (agents.Count < 2)
        {
            return result;
        }

        Add("CSAT", t => t.Csat.ToMeanAccumulator());
        Add("NPS", t => t.Nps.ToMeanAccumulator());
        Add("CES", t => t.Ces.ToMeanAccumulator());
        foreach (var want in Enum.GetValues<ClientWant>())
        {
            Add(want.ToString(), t => t.Performance.GetValueOrDefault(want));
        }

        return [.. result.OrderByDescending(c => c.Agreement.Icc1).ThenBy(c => c.Area, StringComparer.Ordinal)];

        void Add(string area, Func<SurveyTally, MeanAccumulator> measure)
        {
            var groups = agents.Select(a => measure(a.Tally)).ToArray();
            var agreement = GroupAgreement.Compute(groups);
            if (agreement.Undefined != UndefinedReason.TooFewObservations)
            {
                result.Add(new ConsistencyScore(area, agreement));
            }
        }
    }

    /// <summary>Gets the most bytes <see cref="TryWriteTo"/> writes for the current state.</summary>
    public int MaxBinarySize =>
        2 + (2 * BinaryState.MaxVarintSize) + _segments.Values.Sum(t => 1 + t.MaxBinarySize)
        + _agents.Sum(kv => BinaryState.StringSize(kv.Key) + kv.Value.MaxBinarySize);

    /// <summary>
    /// Writes the compact binary state: format version 1, kind 5, the number of segments, each as a segment byte and its
    /// tally, then the number of agents, each as a UTF-8 name and its tally (see <c>docs/scoring.md</c>).
    /// </summary>
    /// <param name="destination">Where to write; <see cref="MaxBinarySize"/> bytes always suffice.</param>
    /// <param name="bytesWritten">How many bytes were written; 0 when the destination is too small.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public bool TryWriteTo(Span<byte> destination, out int bytesWritten)
    {
        var writer = BinaryState.Writer(destination, BinaryKind.Scorecard);
        writer.WriteVarint(_segments.Count);
        foreach (var (segment, tally) in _segments)
        {
            writer.WriteByte((byte)segment);
            tally.WriteTo(ref writer);
        }

        writer.WriteVarint(_agents.Count);
        foreach (var (agent, tally) in _agents)
        {
            writer.WriteString(agent);
            tally.WriteTo(ref writer);
        }

        bytesWritten = writer.Ok ? writer.Position : 0;
        return writer.Ok;
    }

    /// <summary>Reads a state written by <see cref="TryWriteTo"/>.</summary>
    /// <param name="source">The bytes; the state is read from their start.</param>
    /// <param name="value">The accumulator read; <see langword="null"/> when the bytes are not a valid state.</param>
    /// <param name="bytesRead">How many bytes the state took.</param>
    /// <returns><see langword="false"/> when the bytes are truncated, malformed, of another version or kind, or inconsistent (an undefined segment or want, a repeated key, more ratings than responses).</returns>
    public static bool TryReadFrom(ReadOnlySpan<byte> source, out ScorecardAccumulator? value, out int bytesRead)
    {
        value = null;
        bytesRead = 0;
        var reader = BinaryState.Reader(source, BinaryKind.Scorecard);
        var result = new ScorecardAccumulator();
        var segments = reader.ReadVarint();
        for (long i = 0; i < segments && reader.Ok; i++)
        {
            var segment = (ClientSegment)reader.ReadByte();
            if (SurveyTally.ReadFrom(ref reader) is not { } tally || !Enum.IsDefined(segment) || !result._segments.TryAdd(segment, tally))
            {
                return false;
            }
        }

        var agents = reader.ReadVarint();
        for (long i = 0; i < agents && reader.Ok; i++)
        {
            var agent = reader.ReadString();
            if (SurveyTally.ReadFrom(ref reader) is not { } tally || !result._agents.TryAdd(agent, tally))
            {
                return false;
            }
        }

        if (!reader.Ok || !result.IsConsistent())
        {
            return false;
        }

        value = result;
        bytesRead = reader.Position;
        return true;
    }

    /// <summary>Whether the responses fit a long and no agent has more responses than all segments together.</summary>
    private bool IsConsistent()
    {
        long total = 0;
        foreach (var t in _segments.Values)
        {
            if (t.Count > long.MaxValue - total)
            {
                return false;
            }

            total += t.Count;
        }

        return _agents.Values.All(t => t.Count <= total);
    }

    internal void WriteJson(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        JsonState.WriteStart(writer);
        writer.WriteStartObject("segments");
        foreach (var (segment, tally) in _segments)
        {
            writer.WritePropertyName(segment.ToString());
            tally.WriteJson(writer, options);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("agents");
        foreach (var (agent, tally) in _agents)
        {
            writer.WritePropertyName(agent);
            tally.WriteJson(writer, options);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal static ScorecardAccumulator ReadJson(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var state = (Accumulator: new ScorecardAccumulator(), Options: options);
        JsonState.ReadObject(ref reader, "scorecard accumulator", ref state, static (ref Utf8JsonReader r, string name, ref (ScorecardAccumulator Accumulator, JsonSerializerOptions Options) s) =>
        {
            switch (name)
            {
                case "segments":
                    ReadTallies(ref r, s.Accumulator._segments, static key =>
                        Enum.TryParse<ClientSegment>(key, ignoreCase: false, out var segment) && Enum.IsDefined(segment) && key == segment.ToString()
                            ? segment
                            : throw new JsonException($"\"{key}\" is not a client segment; valid: {string.Join(", ", Enum.GetNames<ClientSegment>())}."), s.Options);
                    return true;
                case "agents":
                    ReadTallies(ref r, s.Accumulator._agents, static key => key, s.Options);
                    return true;
                default:
                    return false;
            }
        });
        return state.Accumulator.IsConsistent()
            ? state.Accumulator
            : throw new JsonException("A scorecard accumulator state has an agent with more responses than all segments, or more than 9223372036854775807 responses.");
    }

    private static void ReadTallies<TKey>(ref Utf8JsonReader reader, SortedDictionary<TKey, SurveyTally> tallies, Func<string, TKey> key, JsonSerializerOptions options)
        where TKey : notnull
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The tallies must be an object keyed by segment or agent.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!tallies.TryAdd(key(name), SurveyTally.ReadJson(ref reader, options)))
            {
                throw new JsonException($"\"{name}\" appears twice.");
            }
        }
    }
}

/// <summary>The JSON state of a <see cref="ScorecardAccumulator"/>: <c>{"version":1,"segments":{…},"agents":{…}}</c>.</summary>
internal sealed class ScorecardAccumulatorJsonConverter : JsonConverter<ScorecardAccumulator>
{
    public override ScorecardAccumulator Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ScorecardAccumulator.ReadJson(ref reader, options);

    public override void Write(Utf8JsonWriter writer, ScorecardAccumulator value, JsonSerializerOptions options) => value.WriteJson(writer, options);
}
