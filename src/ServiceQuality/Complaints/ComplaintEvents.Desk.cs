using ServiceQuality.Diagnostics;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

// The service desk's events around the process steps: assignment, priority, holds, links, labels and SLA alerts.
// Each declares all of its effects here, like the process steps in ComplaintEvents.cs.

/// <summary>The complaint was assigned (or reassigned) to an agent and a team.</summary>
/// <param name="Agent">The agent, or <see langword="null"/> for the team's queue.</param>
/// <param name="Team">The team, or <see langword="null"/> for no team.</param>
public sealed record ComplaintAssigned(string? Agent, string? Team) : ComplaintEvent
{
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
/// <param name="Priority">The new priority.</param>
/// <param name="Previous">The priority before.</param>
/// <param name="Reason">Why.</param>
public sealed record PriorityChanged(Priority Priority, Priority Previous, string Reason) : ComplaintEvent
{
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
/// <param name="PauseReason">The pause reason (e.g. <see cref="SlaPauseReasons.AwaitingThirdParty"/>).</param>
/// <param name="Note">What it waits for.</param>
public sealed record ComplaintPutOnHold(string PauseReason, string Note) : ComplaintEvent
{
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
/// <param name="PauseReason">The pause reason the complaint was on hold for.</param>
/// <param name="Note">Why now.</param>
public sealed record ComplaintHoldReleased(string PauseReason, string Note) : ComplaintEvent
{
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
/// <param name="ProblemId">The problem.</param>
/// <param name="Previous">The problem it was linked to before, if any (it is no longer).</param>
public sealed record LinkedToProblem(string ProblemId, string? Previous) : ComplaintEvent
{
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
/// <param name="ProblemId">The problem it was linked to.</param>
/// <param name="Reason">Why.</param>
public sealed record UnlinkedFromProblem(string ProblemId, string Reason) : ComplaintEvent
{
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
/// <param name="SurveyResponseId">The survey response.</param>
public sealed record SurveyResponseLinked(string SurveyResponseId) : ComplaintEvent
{
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
/// <param name="Added">The tags added.</param>
/// <param name="Removed">The tags removed.</param>
public sealed record TagsChanged(IReadOnlyList<string> Added, IReadOnlyList<string> Removed) : ComplaintEvent
{
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
/// <param name="Set">The entries added or replaced.</param>
/// <param name="Removed">The keys removed.</param>
public sealed record MetadataChanged(IReadOnlyDictionary<string, string> Set, IReadOnlyList<string> Removed) : ComplaintEvent
{
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
/// <param name="Clock">The clock.</param>
/// <param name="Status">At risk or breached.</param>
/// <param name="Cycle">The clock's cycle (see <see cref="SlaClockStatus.Cycle"/>).</param>
/// <param name="BreachAt">When the clock breached, or will if nothing happens.</param>
public sealed record SlaAlertRecorded(SlaClockKind Clock, SlaStatus Status, int Cycle, DateTimeOffset? BreachAt) : ComplaintEvent
{
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
