using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Insights;
using ServiceQuality.Orleans.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Orleans.Serialization;

/// <summary>The wire form of <see cref="ComplaintCommandArguments"/>: every field, unset ones left null.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintCommandArguments")]
internal struct ComplaintCommandArgumentsSurrogate
{
    [Id(0)] public string? Actor;
    [Id(1)] public ContactChannel? Channel;
    [Id(2)] public string? Text;
    [Id(3)] public string? Thanks;
    [Id(4)] public string? Information;
    [Id(5)] public string? Question;
    [Id(6)] public string? Response;
    [Id(7)] public string? Apology;
    [Id(8)] public string? Update;
    [Id(9)] public string? Resolution;
    [Id(10)] public string? Reason;
    [Id(11)] public string[]? Options;
    [Id(12)] public string? Action;
    [Id(13)] public DateTimeOffset? DueAt;
    [Id(14)] public int? Level;
    [Id(15)] public string? Agent;
    [Id(16)] public string? Team;
    [Id(17)] public Priority? Priority;
    [Id(18)] public string? PauseReason;
    [Id(19)] public string? Note;
    [Id(20)] public string? ProblemId;
    [Id(21)] public string? SurveyResponseId;
    [Id(22)] public string[]? AddTags;
    [Id(23)] public string[]? RemoveTags;
    [Id(24)] public Dictionary<string, string>? SetMetadata;
    [Id(25)] public string[]? RemoveMetadata;
    [Id(26)] public SlaClockKind? Clock;
    [Id(27)] public SlaStatus? Status;
}

/// <summary>Converts <see cref="ComplaintCommandArguments"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class ComplaintCommandArgumentsConverter : IConverter<ComplaintCommandArguments, ComplaintCommandArgumentsSurrogate>
{
    public ComplaintCommandArguments ConvertFromSurrogate(in ComplaintCommandArgumentsSurrogate s) => new()
    {
        Actor = s.Actor, Channel = s.Channel, Text = s.Text, Thanks = s.Thanks, Information = s.Information, Question = s.Question,
        Response = s.Response, Apology = s.Apology, Update = s.Update, Resolution = s.Resolution, Reason = s.Reason,
        Options = s.Options, Action = s.Action, DueAt = s.DueAt, Level = s.Level,
        Agent = s.Agent, Team = s.Team, Priority = s.Priority, PauseReason = s.PauseReason, Note = s.Note, ProblemId = s.ProblemId,
        SurveyResponseId = s.SurveyResponseId, AddTags = s.AddTags, RemoveTags = s.RemoveTags, SetMetadata = Wire.Metadata(s.SetMetadata),
        RemoveMetadata = s.RemoveMetadata, Clock = s.Clock, Status = s.Status,
    };

    public ComplaintCommandArgumentsSurrogate ConvertToSurrogate(in ComplaintCommandArguments a) => new()
    {
        Actor = a.Actor, Channel = a.Channel, Text = a.Text, Thanks = a.Thanks, Information = a.Information, Question = a.Question,
        Response = a.Response, Apology = a.Apology, Update = a.Update, Resolution = a.Resolution, Reason = a.Reason,
        Options = Wire.Array(a.Options), Action = a.Action, DueAt = a.DueAt, Level = a.Level,
        Agent = a.Agent, Team = a.Team, Priority = a.Priority, PauseReason = a.PauseReason, Note = a.Note, ProblemId = a.ProblemId,
        SurveyResponseId = a.SurveyResponseId, AddTags = Wire.Array(a.AddTags), RemoveTags = Wire.Array(a.RemoveTags),
        SetMetadata = Wire.Dictionary(a.SetMetadata), RemoveMetadata = Wire.Array(a.RemoveMetadata), Clock = a.Clock, Status = a.Status,
    };
}

/// <summary>
/// Collections as the wire carries them: arrays and dictionaries (a collection expression's compiler-made read-only
/// wrapper has no codec); metadata comes back ordered by ordinal key, as the library keeps it.
/// </summary>
internal static class Wire
{
    public static string[]? Array(IReadOnlyList<string>? items) => items is null ? null : [.. items];

    public static Dictionary<string, string>? Dictionary(IReadOnlyDictionary<string, string>? entries) =>
        entries is null ? null : new Dictionary<string, string>(entries, StringComparer.Ordinal);

    public static SortedDictionary<string, string>? Metadata(Dictionary<string, string>? entries) =>
        entries is null ? null : new SortedDictionary<string, string>(entries, StringComparer.Ordinal);

    /// <summary>The binary state of complaint measures (<see cref="ComplaintMeasures.TryWriteTo"/>).</summary>
    public static byte[] Measures(in ComplaintMeasures measures)
    {
        Span<byte> buffer = stackalloc byte[ComplaintMeasures.MaxBinarySize];
        return measures.TryWriteTo(buffer, out int written)
            ? buffer[..written].ToArray()
            : throw new InvalidOperationException($"Complaint measures that no histories give cannot be sent or stored (a negative count or time, or a part larger than its whole): {measures}.");
    }

    /// <summary>Complaint measures read from their binary state (<see cref="ComplaintMeasures.TryReadFrom"/>).</summary>
    public static ComplaintMeasures Measures(byte[] state) =>
        ComplaintMeasures.TryReadFrom(state, out var measures, out int read) && read == state.Length
            ? measures
            : throw new InvalidOperationException($"A complaint measures state of {state.Length} bytes is not a valid state (truncated, malformed, inconsistent, or of another version).");
}

/// <summary>The wire form of a <see cref="ComplaintIntake"/>.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintIntake")]
internal struct ComplaintIntakeSurrogate
{
    [Id(0)] public string ClientId;
    [Id(1)] public ClientSegment Segment;
    [Id(2)] public ContactChannel Channel;
    [Id(3)] public Priority Priority;
    [Id(4)] public string Text;
    [Id(5)] public string Actor;
    [Id(6)] public string[] Tags;
    [Id(7)] public Dictionary<string, string> Metadata;
}

/// <summary>Converts <see cref="ComplaintIntake"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class ComplaintIntakeConverter : IConverter<ComplaintIntake, ComplaintIntakeSurrogate>
{
    public ComplaintIntake ConvertFromSurrogate(in ComplaintIntakeSurrogate s) => new()
    {
        ClientId = s.ClientId,
        Segment = s.Segment,
        Channel = s.Channel,
        Priority = s.Priority,
        Text = s.Text,
        Actor = s.Actor,
        Tags = s.Tags ?? [],
        Metadata = Wire.Metadata(s.Metadata) ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
    };

    public ComplaintIntakeSurrogate ConvertToSurrogate(in ComplaintIntake v) => new()
    {
        ClientId = v.ClientId, Segment = v.Segment, Channel = v.Channel, Priority = v.Priority, Text = v.Text, Actor = v.Actor,
        Tags = Wire.Array(v.Tags)!, Metadata = Wire.Dictionary(v.Metadata)!,
    };
}

/// <summary>The wire form of <see cref="ComplaintDue"/>.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintDue")]
internal struct ComplaintDueSurrogate
{
    [Id(0)] public DateTimeOffset At;
    [Id(1)] public ComplaintDueKind Kind;
    [Id(2)] public SlaClockKind? Clock;
}

/// <summary>Converts <see cref="ComplaintDue"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class ComplaintDueConverter : IConverter<ComplaintDue, ComplaintDueSurrogate>
{
    public ComplaintDue ConvertFromSurrogate(in ComplaintDueSurrogate s) => new() { At = s.At, Kind = s.Kind, Clock = s.Clock };

    public ComplaintDueSurrogate ConvertToSurrogate(in ComplaintDue d) => new() { At = d.At, Kind = d.Kind, Clock = d.Clock };
}

/// <summary>The wire form of a <see cref="SurveyResponse"/>.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.SurveyResponse")]
internal struct SurveyResponseSurrogate
{
    [Id(0)] public string ClientId;
    [Id(1)] public ClientSegment Segment;
    [Id(2)] public string? Agent;
    [Id(3)] public DateTimeOffset AnsweredAt;
    [Id(4)] public int? Nps;
    [Id(5)] public int? Csat;
    [Id(6)] public int? Ces;
    [Id(7)] public Dictionary<ClientWant, WantAnswer>? Wants;
}

/// <summary>Converts <see cref="SurveyResponse"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class SurveyResponseConverter : IConverter<SurveyResponse, SurveyResponseSurrogate>
{
    public SurveyResponse ConvertFromSurrogate(in SurveyResponseSurrogate s) => new()
    {
        ClientId = s.ClientId, Segment = s.Segment, Agent = s.Agent, AnsweredAt = s.AnsweredAt, Nps = s.Nps, Csat = s.Csat, Ces = s.Ces, Wants = s.Wants,
    };

    public SurveyResponseSurrogate ConvertToSurrogate(in SurveyResponse r) => new()
    {
        ClientId = r.ClientId, Segment = r.Segment, Agent = r.Agent, AnsweredAt = r.AnsweredAt, Nps = r.Nps, Csat = r.Csat, Ces = r.Ces,
        Wants = r.Wants is null ? null : new Dictionary<ClientWant, WantAnswer>(r.Wants),
    };
}

/// <summary>The wire form of a <see cref="WantAnswer"/>.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.WantAnswer")]
internal struct WantAnswerSurrogate
{
    [Id(0)] public int Importance;
    [Id(1)] public int Performance;
}

/// <summary>Converts <see cref="WantAnswer"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class WantAnswerConverter : IConverter<WantAnswer, WantAnswerSurrogate>
{
    public WantAnswer ConvertFromSurrogate(in WantAnswerSurrogate s) => new() { Importance = s.Importance, Performance = s.Performance };

    public WantAnswerSurrogate ConvertToSurrogate(in WantAnswer w) => new() { Importance = w.Importance, Performance = w.Performance };
}

/// <summary>
/// The wire form of a <see cref="ScorecardAccumulator"/>: the library's own compact binary state
/// (<see cref="ScorecardAccumulator.TryWriteTo"/>, versioned, validated when read), so a partial tally crosses silos
/// exactly as the scoring package defines it.
/// </summary>
[GenerateSerializer]
[Alias("ServiceQuality.ScorecardAccumulator")]
internal struct ScorecardAccumulatorSurrogate
{
    [Id(0)] public byte[] State;
}

/// <summary>Converts <see cref="ScorecardAccumulator"/> to and from its binary state.</summary>
[RegisterConverter]
internal sealed class ScorecardAccumulatorConverter : IConverter<ScorecardAccumulator, ScorecardAccumulatorSurrogate>
{
    public ScorecardAccumulator ConvertFromSurrogate(in ScorecardAccumulatorSurrogate s) =>
        ScorecardAccumulator.TryReadFrom(s.State, out var value, out int read) && read == s.State.Length
            ? value!
            : throw new InvalidOperationException($"A scorecard accumulator's state of {s.State.Length} bytes is not a valid state (truncated, malformed, or of another version).");

    public ScorecardAccumulatorSurrogate ConvertToSurrogate(in ScorecardAccumulator value)
    {
        var bytes = new byte[value.MaxBinarySize];
        if (!value.TryWriteTo(bytes, out int written))
        {
            throw new InvalidOperationException($"A scorecard accumulator did not fit its own MaxBinarySize ({bytes.Length} bytes).");
        }

        return new ScorecardAccumulatorSurrogate { State = bytes.AsSpan(0, written).ToArray() };
    }
}

/// <summary>
/// The wire form of <see cref="ComplaintMeasures"/>: the core's own versioned binary state
/// (<see cref="ComplaintMeasures.TryWriteTo"/>, validated when read), so a field the core adds crosses with it.
/// </summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintMeasures.Binary")]
internal struct ComplaintMeasuresSurrogate
{
    [Id(0)] public byte[] State;
}

/// <summary>Converts <see cref="ComplaintMeasures"/> to and from its binary state.</summary>
[RegisterConverter]
internal sealed class ComplaintMeasuresConverter : IConverter<ComplaintMeasures, ComplaintMeasuresSurrogate>
{
    public ComplaintMeasures ConvertFromSurrogate(in ComplaintMeasuresSurrogate s) => Wire.Measures(s.State);

    public ComplaintMeasuresSurrogate ConvertToSurrogate(in ComplaintMeasures value) => new() { State = Wire.Measures(value) };
}

/// <summary>
/// The wire form of a <see cref="ComplaintSnapshot"/>: the core's own JSON of it
/// (<see cref="ComplaintEventSerializer.SerializeSnapshot"/>, every field with its normalized record, tags, metadata and
/// SLA alerts), the way events and refusals cross: a field the core adds to the snapshot crosses with it.
/// </summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintSnapshot.Json")]
internal struct ComplaintSnapshotSurrogate
{
    [Id(0)] public string Json;
}

/// <summary>Converts <see cref="ComplaintSnapshot"/> to and from the core's JSON of it.</summary>
[RegisterConverter]
internal sealed class ComplaintSnapshotConverter : IConverter<ComplaintSnapshot, ComplaintSnapshotSurrogate>
{
    public ComplaintSnapshot ConvertFromSurrogate(in ComplaintSnapshotSurrogate s) => ComplaintEventSerializer.DeserializeSnapshot(s.Json);

    public ComplaintSnapshotSurrogate ConvertToSurrogate(in ComplaintSnapshot value) => new() { Json = ComplaintEventSerializer.SerializeSnapshot(value) };
}
