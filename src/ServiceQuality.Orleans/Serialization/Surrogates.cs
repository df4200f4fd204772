using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Insights;
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
    };

    public ComplaintCommandArgumentsSurrogate ConvertToSurrogate(in ComplaintCommandArguments a) => new()
    {
        Actor = a.Actor, Channel = a.Channel, Text = a.Text, Thanks = a.Thanks, Information = a.Information, Question = a.Question,
        Response = a.Response, Apology = a.Apology, Update = a.Update, Resolution = a.Resolution, Reason = a.Reason,
        Options = a.Options is null ? null : [.. a.Options], Action = a.Action, DueAt = a.DueAt, Level = a.Level,
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
    public ComplaintDue ConvertFromSurrogate(in ComplaintDueSurrogate s) => new(s.At, s.Kind, s.Clock);

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
    public WantAnswer ConvertFromSurrogate(in WantAnswerSurrogate s) => new(s.Importance, s.Performance);

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

/// <summary>The wire form of <see cref="ComplaintMeasures"/>: its thirteen sufficient statistics.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintMeasures")]
internal struct ComplaintMeasuresSurrogate
{
    [Id(0)] public int Complaints;
    [Id(1)] public int Acknowledged;
    [Id(2)] public TimeSpan TotalTimeToAcknowledge;
    [Id(3)] public int Resolved;
    [Id(4)] public TimeSpan TotalTimeToResolve;
    [Id(5)] public int Closed;
    [Id(6)] public int FirstContactResolutions;
    [Id(7)] public int EverResolved;
    [Id(8)] public int Reopened;
    [Id(9)] public int UpdateCyclesMet;
    [Id(10)] public int UpdateCycles;
    [Id(11)] public int WithOffer;
    [Id(12)] public int OfferAfterApology;
}

/// <summary>Converts <see cref="ComplaintMeasures"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class ComplaintMeasuresConverter : IConverter<ComplaintMeasures, ComplaintMeasuresSurrogate>
{
    public ComplaintMeasures ConvertFromSurrogate(in ComplaintMeasuresSurrogate s) => new(
        s.Complaints, s.Acknowledged, s.TotalTimeToAcknowledge, s.Resolved, s.TotalTimeToResolve, s.Closed, s.FirstContactResolutions,
        s.EverResolved, s.Reopened, s.UpdateCyclesMet, s.UpdateCycles, s.WithOffer, s.OfferAfterApology);

    public ComplaintMeasuresSurrogate ConvertToSurrogate(in ComplaintMeasures m) => new()
    {
        Complaints = m.Complaints, Acknowledged = m.Acknowledged, TotalTimeToAcknowledge = m.TotalTimeToAcknowledge, Resolved = m.Resolved,
        TotalTimeToResolve = m.TotalTimeToResolve, Closed = m.Closed, FirstContactResolutions = m.FirstContactResolutions, EverResolved = m.EverResolved,
        Reopened = m.Reopened, UpdateCyclesMet = m.UpdateCyclesMet, UpdateCycles = m.UpdateCycles, WithOffer = m.WithOffer, OfferAfterApology = m.OfferAfterApology,
    };
}

/// <summary>The wire form of a <see cref="ComplaintSnapshot"/>: every field of the fold.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.ComplaintSnapshot")]
internal struct ComplaintSnapshotSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public string ClientId;
    [Id(2)] public ClientSegment Segment;
    [Id(3)] public ContactChannel Channel;
    [Id(4)] public Priority Priority;
    [Id(5)] public string Text;
    [Id(6)] public ComplaintState State;
    [Id(7)] public long Version;
    [Id(8)] public string DefinitionVersion;
    [Id(9)] public int EscalationLevel;
    [Id(10)] public int ReopenCount;
    [Id(11)] public ComplaintMilestones Milestones;
    [Id(12)] public int InformationCount;
    [Id(13)] public int ClientContacts;
    [Id(14)] public string? CommittedAction;
    [Id(15)] public DateTimeOffset? CommitmentDueAt;
    [Id(16)] public DateTimeOffset ReceivedAt;
    [Id(17)] public DateTimeOffset? AcknowledgedAt;
    [Id(18)] public DateTimeOffset? ResolvedAt;
    [Id(19)] public DateTimeOffset? ClosedAt;
    [Id(20)] public DateTimeOffset? LastClientContactAt;
    [Id(21)] public DateTimeOffset LastEventAt;
}

/// <summary>Converts <see cref="ComplaintSnapshot"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class ComplaintSnapshotConverter : IConverter<ComplaintSnapshot, ComplaintSnapshotSurrogate>
{
    public ComplaintSnapshot ConvertFromSurrogate(in ComplaintSnapshotSurrogate s) => new(
        s.Id, s.ClientId, s.Segment, s.Channel, s.Priority, s.Text, s.State, s.Version, s.DefinitionVersion, s.EscalationLevel, s.ReopenCount,
        s.Milestones, s.InformationCount, s.ClientContacts, s.CommittedAction, s.CommitmentDueAt, s.ReceivedAt, s.AcknowledgedAt, s.ResolvedAt,
        s.ClosedAt, s.LastClientContactAt, s.LastEventAt);

    public ComplaintSnapshotSurrogate ConvertToSurrogate(in ComplaintSnapshot v) => new()
    {
        Id = v.Id, ClientId = v.ClientId, Segment = v.Segment, Channel = v.Channel, Priority = v.Priority, Text = v.Text, State = v.State,
        Version = v.Version, DefinitionVersion = v.DefinitionVersion, EscalationLevel = v.EscalationLevel, ReopenCount = v.ReopenCount,
        Milestones = v.Milestones, InformationCount = v.InformationCount, ClientContacts = v.ClientContacts, CommittedAction = v.CommittedAction,
        CommitmentDueAt = v.CommitmentDueAt, ReceivedAt = v.ReceivedAt, AcknowledgedAt = v.AcknowledgedAt, ResolvedAt = v.ResolvedAt,
        ClosedAt = v.ClosedAt, LastClientContactAt = v.LastClientContactAt, LastEventAt = v.LastEventAt,
    };
}
