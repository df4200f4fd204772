using System.Text.Json.Serialization;
using ServiceQuality.Diagnostics;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

// The service desk's events around the process steps: assignment, priority, holds, links, labels and SLA alerts.
// Each declares all of its effects here, like the process steps in ComplaintEvents.cs.

/// <summary>The complaint was assigned (or reassigned) to an agent and a team.</summary>
public sealed record ComplaintAssigned : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintAssigned(string? agent, string? team)
    {
        Agent = agent;
        Team = team;
    }

    /// <summary>Gets the agent, or <see langword="null"/> for the team's queue.</summary>
    public string? Agent { get; internal init; }

    /// <summary>Gets the team, or <see langword="null"/> for no team.</summary>
    public string? Team { get; internal init; }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { Agent = Agent, Team = Team, Assignments = snapshot.Assignments + 1 };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        // Who works on it does not change the clocks.
    }

    internal override void Measure(ref ComplaintTally tally) => tally.Assignments++;

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.Assign;
}

/// <summary>The priority changed: the SLA clocks were re-targeted to the policy the new terms select.</summary>
public sealed record PriorityChanged : ComplaintEvent
{
    [JsonConstructor]
    internal PriorityChanged(Priority priority, Priority previous, string reason)
    {
        Priority = priority;
        Previous = previous;
        Reason = reason;
    }

    /// <summary>Gets the new priority.</summary>
    public Priority Priority { get; internal init; }

    /// <summary>Gets the priority before.</summary>
    public Priority Previous { get; internal init; }

    /// <summary>Gets the reason given.</summary>
    public string Reason { get; internal init; }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { Priority = Priority };

    // Targets are re-evaluated from the start of each clock: the business time consumed is kept (docs/sla.md).
    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => context.RetargetIfChanged(entries, At);

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.ChangePriority;
}

/// <summary>The complaint was put on hold for a pause reason: the clocks that reason pauses stopped.</summary>
public sealed record ComplaintPutOnHold : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintPutOnHold(string pauseReason, string note)
    {
        PauseReason = pauseReason;
        Note = note;
    }

    /// <summary>Gets the pause reason (e.g. <see cref="SlaPauseReasons.AwaitingThirdParty"/>).</summary>
    public string PauseReason { get; internal init; }

    /// <summary>Gets what it waits for.</summary>
    public string Note { get; internal init; }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { HoldReason = PauseReason, HeldSince = At };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => entries.Add(context.Pause(At, PauseReason));

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Note = ErasedText };

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.PutOnHold;
}

/// <summary>The hold was released: the clocks it paused run again.</summary>
public sealed record ComplaintHoldReleased : ComplaintEvent
{
    [JsonConstructor]
    internal ComplaintHoldReleased(string pauseReason, string note)
    {
        PauseReason = pauseReason;
        Note = note;
    }

    /// <summary>Gets the pause reason the complaint was on hold for.</summary>
    public string PauseReason { get; internal init; }

    /// <summary>Gets why the hold was released now.</summary>
    public string Note { get; internal init; }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { HoldReason = null, HeldSince = null };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context) => entries.Add(context.Resume(At, PauseReason));

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Note = ErasedText };

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.ReleaseHold;
}

/// <summary>The complaint was linked to a recurring problem.</summary>
public sealed record LinkedToProblem : ComplaintEvent
{
    [JsonConstructor]
    internal LinkedToProblem(string problemId, string? previous)
    {
        ProblemId = problemId;
        Previous = previous;
    }

    /// <summary>Gets the problem.</summary>
    public string ProblemId { get; internal init; }

    /// <summary>Gets the problem it was linked to before, if any (it is no longer).</summary>
    public string? Previous { get; internal init; }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { ProblemId = ProblemId };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.LinkProblem;
}

/// <summary>The complaint was unlinked from its problem.</summary>
public sealed record UnlinkedFromProblem : ComplaintEvent
{
    [JsonConstructor]
    internal UnlinkedFromProblem(string problemId, string reason)
    {
        ProblemId = problemId;
        Reason = reason;
    }

    /// <summary>Gets the problem it was linked to.</summary>
    public string ProblemId { get; internal init; }

    /// <summary>Gets the reason given.</summary>
    public string Reason { get; internal init; }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { ProblemId = null };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this with { Reason = ErasedText };

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.UnlinkProblem;
}

/// <summary>A survey response that rates the handling of this complaint was linked to it.</summary>
public sealed record SurveyResponseLinked : ComplaintEvent
{
    [JsonConstructor]
    internal SurveyResponseLinked(string surveyResponseId)
    {
        SurveyResponseId = surveyResponseId;
    }

    /// <summary>Gets the survey response.</summary>
    public string SurveyResponseId { get; internal init; }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { SurveyResponseIds = [.. snapshot.SurveyResponseIds, SurveyResponseId] };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.LinkSurveyResponse;
}

/// <summary>Host-defined tags were added and removed.</summary>
public sealed record TagsChanged : ComplaintEvent
{
    [JsonConstructor]
    internal TagsChanged(IReadOnlyList<string> added, IReadOnlyList<string> removed)
    {
        Added = added;
        Removed = removed;
    }

    /// <summary>Gets the tags added.</summary>
    public IReadOnlyList<string> Added { get; internal init; }

    /// <summary>Gets the tags removed.</summary>
    public IReadOnlyList<string> Removed { get; internal init; }

    /// <inheritdoc />
    public bool Equals(TagsChanged? other) =>
        other is not null && base.Equals(other) && Values.SameItems(Added, other.Added) && Values.SameItems(Removed, other.Removed);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Added.Count, Removed.Count);

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) =>
        snapshot with { Tags = [.. snapshot.Tags.Where(t => !Removed.Contains(t, StringComparer.Ordinal)), .. Added] };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        // Tags may select another policy (conditional SLA policies over host tags).
        context.RetargetIfChanged(entries, At);
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.ChangeTags;
}

/// <summary>Host-defined metadata entries were set and removed.</summary>
public sealed record MetadataChanged : ComplaintEvent
{
    [JsonConstructor]
    internal MetadataChanged(IReadOnlyDictionary<string, string> set, IReadOnlyList<string> removed)
    {
        Set = set;
        Removed = removed;
    }

    /// <summary>Gets the entries added or replaced.</summary>
    public IReadOnlyDictionary<string, string> Set { get; internal init; }

    /// <summary>Gets the keys removed.</summary>
    public IReadOnlyList<string> Removed { get; internal init; }

    /// <inheritdoc />
    public bool Equals(MetadataChanged? other) =>
        other is not null && base.Equals(other) && Values.SameEntries(Set, other.Set) && Values.SameItems(Removed, other.Removed);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Set.Count, Removed.Count);

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot)
    {
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in snapshot.Metadata)
        {
            if (!Removed.Contains(key, StringComparer.Ordinal))
            {
                metadata[key] = value;
            }
        }

        foreach (var (key, value) in Set)
        {
            metadata[key] = value;
        }

        return snapshot with { Metadata = metadata };
    }

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint)
    {
    }

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() =>
        Set.Count == 0 ? this : this with { Set = new SortedDictionary<string, string>(Set.ToDictionary(m => m.Key, _ => ErasedText), StringComparer.Ordinal) };

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.ChangeMetadata;
}

/// <summary>An SLA clock went at risk or breached, recorded once for the clock, status and cycle (by the SLA monitor).</summary>
public sealed record SlaAlertRecorded : ComplaintEvent
{
    [JsonConstructor]
    internal SlaAlertRecorded(SlaClockKind clock, SlaStatus status, int cycle, DateTimeOffset? breachAt)
    {
        Clock = clock;
        Status = status;
        Cycle = cycle;
        BreachAt = breachAt;
    }

    /// <summary>Gets the clock.</summary>
    public SlaClockKind Clock { get; internal init; }

    /// <summary>Gets the status recorded: at risk or breached.</summary>
    public SlaStatus Status { get; internal init; }

    /// <summary>Gets the clock's cycle (see <see cref="SlaClockStatus.Cycle"/>).</summary>
    public int Cycle { get; internal init; }

    /// <summary>Gets when the clock breached, or will if nothing happens.</summary>
    public DateTimeOffset? BreachAt { get; internal init; }

    internal override ComplaintSnapshot Fold(ComplaintSnapshot snapshot) => snapshot with { SlaAlerts = [.. snapshot.SlaAlerts, new SlaAlertRecord(Clock, Status, Cycle, At)] };

    internal override void AppendSlaEntries(List<SlaEntry> entries, in ComplaintSlaContext context)
    {
        // A record of what the clocks did; it changes none of them.
    }

    internal override void Measure(ref ComplaintTally tally)
    {
    }

    // Recorded once per clock, status and cycle, so the counters count each alert once whatever the number of monitors.
    internal override void Record(ServiceQualityInstrumentation instrumentation, Complaint complaint) =>
        (Status == SlaStatus.Breached ? instrumentation.SlaBreached : instrumentation.SlaAtRisk).Add(1, new KeyValuePair<string, object?>("clock", Clock.ToString()));

    /// <inheritdoc />
    private protected override ComplaintEvent ErasePersonalData() => this;

    /// <inheritdoc />
    private protected override ComplaintCommand? CommandOf() => ComplaintCommand.RecordSlaAlert;
}
