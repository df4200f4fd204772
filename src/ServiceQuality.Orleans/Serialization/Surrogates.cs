using ServiceQuality.Complaints;
using ServiceQuality.Extensions.DependencyInjection;
using ServiceQuality.Insights;
using ServiceQuality.Normalization;
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
    public ComplaintIntake ConvertFromSurrogate(in ComplaintIntakeSurrogate s) => new(s.ClientId, s.Segment, s.Channel, s.Priority, s.Text, s.Actor)
    {
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
    [Id(22)] public NormalizedRecord? Normalized;
    [Id(23)] public string[] Tags;
    [Id(24)] public Dictionary<string, string> Metadata;
    [Id(25)] public string? Agent;
    [Id(26)] public string? Team;
    [Id(27)] public int Assignments;
    [Id(28)] public string? HoldReason;
    [Id(29)] public DateTimeOffset? HeldSince;
    [Id(30)] public string? ProblemId;
    [Id(31)] public string[] SurveyResponseIds;
    [Id(32)] public SlaAlertRecord[] SlaAlerts;
}

/// <summary>Converts <see cref="ComplaintSnapshot"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class ComplaintSnapshotConverter : IConverter<ComplaintSnapshot, ComplaintSnapshotSurrogate>
{
    public ComplaintSnapshot ConvertFromSurrogate(in ComplaintSnapshotSurrogate s) => new()
    {
        Id = s.Id, ClientId = s.ClientId, Segment = s.Segment, Channel = s.Channel, Priority = s.Priority, Text = s.Text,
        Normalized = s.Normalized, Tags = s.Tags ?? [], Metadata = Wire.Metadata(s.Metadata) ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
        Agent = s.Agent, Team = s.Team, Assignments = s.Assignments, HoldReason = s.HoldReason, HeldSince = s.HeldSince, ProblemId = s.ProblemId,
        SurveyResponseIds = s.SurveyResponseIds ?? [], SlaAlerts = s.SlaAlerts ?? [],
        State = s.State, Version = s.Version, DefinitionVersion = s.DefinitionVersion, EscalationLevel = s.EscalationLevel, ReopenCount = s.ReopenCount,
        Milestones = s.Milestones, InformationCount = s.InformationCount, ClientContacts = s.ClientContacts, CommittedAction = s.CommittedAction,
        CommitmentDueAt = s.CommitmentDueAt, ReceivedAt = s.ReceivedAt, AcknowledgedAt = s.AcknowledgedAt, ResolvedAt = s.ResolvedAt,
        ClosedAt = s.ClosedAt, LastClientContactAt = s.LastClientContactAt, LastEventAt = s.LastEventAt,
    };

    public ComplaintSnapshotSurrogate ConvertToSurrogate(in ComplaintSnapshot v) => new()
    {
        Id = v.Id, ClientId = v.ClientId, Segment = v.Segment, Channel = v.Channel, Priority = v.Priority, Text = v.Text,
        Normalized = v.Normalized, Tags = Wire.Array(v.Tags)!, Metadata = Wire.Dictionary(v.Metadata)!,
        Agent = v.Agent, Team = v.Team, Assignments = v.Assignments, HoldReason = v.HoldReason, HeldSince = v.HeldSince, ProblemId = v.ProblemId,
        SurveyResponseIds = Wire.Array(v.SurveyResponseIds)!, SlaAlerts = [.. v.SlaAlerts],
        State = v.State, Version = v.Version, DefinitionVersion = v.DefinitionVersion, EscalationLevel = v.EscalationLevel, ReopenCount = v.ReopenCount,
        Milestones = v.Milestones, InformationCount = v.InformationCount, ClientContacts = v.ClientContacts, CommittedAction = v.CommittedAction,
        CommitmentDueAt = v.CommitmentDueAt, ReceivedAt = v.ReceivedAt, AcknowledgedAt = v.AcknowledgedAt, ResolvedAt = v.ResolvedAt,
        ClosedAt = v.ClosedAt, LastClientContactAt = v.LastClientContactAt, LastEventAt = v.LastEventAt,
    };
}

/// <summary>The wire form of a <see cref="SlaAlertRecord"/>.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.SlaAlertRecord")]
internal struct SlaAlertRecordSurrogate
{
    [Id(0)] public SlaClockKind Clock;
    [Id(1)] public SlaStatus Status;
    [Id(2)] public int Cycle;
    [Id(3)] public DateTimeOffset At;
}

/// <summary>Converts <see cref="SlaAlertRecord"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class SlaAlertRecordConverter : IConverter<SlaAlertRecord, SlaAlertRecordSurrogate>
{
    public SlaAlertRecord ConvertFromSurrogate(in SlaAlertRecordSurrogate s) => new(s.Clock, s.Status, s.Cycle, s.At);

    public SlaAlertRecordSurrogate ConvertToSurrogate(in SlaAlertRecord a) => new() { Clock = a.Clock, Status = a.Status, Cycle = a.Cycle, At = a.At };
}

/// <summary>The wire form of a <see cref="NormalizedRecord"/>: every field of the record made at intake.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.NormalizedRecord")]
internal struct NormalizedRecordSurrogate
{
    [Id(0)] public string CanonicalText;
    [Id(1)] public NormalizedFact[] Facts;
    [Id(2)] public NormalizedArea[] Areas;
    [Id(3)] public ImpactLevel Impact;
    [Id(4)] public bool IsRecurring;
    [Id(5)] public int? StatedOccurrences;
    [Id(6)] public string IncidentKey;
    [Id(7)] public string Fingerprint;
    [Id(8)] public Dictionary<string, int> ToneSignals;
}

/// <summary>Converts <see cref="NormalizedRecord"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class NormalizedRecordConverter : IConverter<NormalizedRecord, NormalizedRecordSurrogate>
{
    public NormalizedRecord ConvertFromSurrogate(in NormalizedRecordSurrogate s) => new(
        s.CanonicalText, s.Facts, s.Areas, s.Impact, s.IsRecurring, s.StatedOccurrences, s.IncidentKey, s.Fingerprint,
        new SortedDictionary<string, int>(s.ToneSignals, StringComparer.Ordinal));

    public NormalizedRecordSurrogate ConvertToSurrogate(in NormalizedRecord r) => new()
    {
        CanonicalText = r.CanonicalText, Facts = [.. r.Facts], Areas = [.. r.Areas], Impact = r.Impact, IsRecurring = r.IsRecurring,
        StatedOccurrences = r.StatedOccurrences, IncidentKey = r.IncidentKey, Fingerprint = r.Fingerprint,
        ToneSignals = new Dictionary<string, int>(r.ToneSignals, StringComparer.Ordinal),
    };
}

/// <summary>The wire form of a <see cref="NormalizedFact"/>.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.NormalizedFact")]
internal struct NormalizedFactSurrogate
{
    [Id(0)] public FactKind Kind;
    [Id(1)] public string Value;
}

/// <summary>Converts <see cref="NormalizedFact"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class NormalizedFactConverter : IConverter<NormalizedFact, NormalizedFactSurrogate>
{
    public NormalizedFact ConvertFromSurrogate(in NormalizedFactSurrogate s) => new(s.Kind, s.Value);

    public NormalizedFactSurrogate ConvertToSurrogate(in NormalizedFact f) => new() { Kind = f.Kind, Value = f.Value };
}

/// <summary>The wire form of a <see cref="NormalizedArea"/>.</summary>
[GenerateSerializer]
[Alias("ServiceQuality.NormalizedArea")]
internal struct NormalizedAreaSurrogate
{
    [Id(0)] public string Area;
    [Id(1)] public string[] Evidence;
    [Id(2)] public double? Weight;
}

/// <summary>Converts <see cref="NormalizedArea"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class NormalizedAreaConverter : IConverter<NormalizedArea, NormalizedAreaSurrogate>
{
    public NormalizedArea ConvertFromSurrogate(in NormalizedAreaSurrogate s) => new(s.Area, s.Evidence) { Weight = s.Weight };

    public NormalizedAreaSurrogate ConvertToSurrogate(in NormalizedArea a) => new() { Area = a.Area, Evidence = [.. a.Evidence], Weight = a.Weight };
}
