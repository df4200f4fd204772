using System.Runtime.InteropServices;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>The SLA terms a complaint gets: the policy of its priority and the calendar its clocks run on.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Calendar">The calendar.</param>
internal readonly record struct ComplaintSlaTerms(SlaPolicy Policy, BusinessCalendar Calendar);

/// <summary>
/// What the SLA engine needs to know while an event is adapted to clock entries: the complaint before and after the
/// event, and the policies in force (which terms a complaint selects, which clocks a pause reason stops).
/// </summary>
/// <param name="Before">The complaint before the event.</param>
/// <param name="After">The complaint after the event.</param>
/// <param name="Options">The lifecycle's policies.</param>
internal readonly record struct ComplaintSlaContext(ComplaintSnapshot Before, ComplaintSnapshot After, ComplaintOptions Options)
{
    /// <summary>
    /// Gets the terms a complaint selects: the first rule of <see cref="ComplaintOptions.SlaRules"/> that matches its
    /// priority, segment, intake channel and tags gives the policy set and, when the rule names one, the calendar (else
    /// <see cref="ComplaintOptions.Calendar"/>); when no rule matches, <see cref="ComplaintOptions.Sla"/> on
    /// <see cref="ComplaintOptions.Calendar"/>.
    /// </summary>
    public static ComplaintSlaTerms TermsOf(ComplaintSnapshot complaint, ComplaintOptions options)
    {
        if (options.SlaRules.RuleCount > 0)
        {
            var selection = options.SlaRules.Select(new SlaSubject { Priority = complaint.Priority, Segment = complaint.Segment, Channel = complaint.Channel.ToString(), Tags = complaint.Tags });
            if (selection.RuleIndex >= 0)
            {
                return new(selection.Policy, selection.RuleNamesCalendar ? selection.Calendar : options.Calendar);
            }
        }

        return new(options.Sla.For(complaint.Priority), options.Calendar);
    }

    /// <summary>Gets the terms a complaint selects (<see cref="TermsOf(ComplaintSnapshot, ComplaintOptions)"/>).</summary>
    public ComplaintSlaTerms TermsOf(ComplaintSnapshot complaint) => TermsOf(complaint, Options);

    /// <summary>Gets the pause reason of a state in which the clocks pause (the state's name), or <see langword="null"/> when they run in it.</summary>
    public string? PauseReasonOf(ComplaintState state) => Options.ClockPausedStates.Contains(state) ? state.ToString() : null;

    /// <summary>Creates the entry pausing the clocks of <paramref name="reason"/>: those configured in <see cref="ComplaintOptions.SlaRules"/>, or every clock for a paused state's reason that is not configured there.</summary>
    public SlaEntry Pause(DateTimeOffset at, string reason) => SlaEntry.Pause(at, ClocksOf(reason), reason);

    /// <summary>Creates the entry ending the pause of <paramref name="reason"/>.</summary>
    public SlaEntry Resume(DateTimeOffset at, string reason) => SlaEntry.Resume(at, ClocksOf(reason), reason);

    /// <summary>Appends a re-target entry when the complaint's terms now select another policy or calendar than before.</summary>
    public void RetargetIfChanged(List<SlaEntry> entries, DateTimeOffset at)
    {
        var before = TermsOf(Before);
        var after = TermsOf(After);
        bool calendarChanged = !ReferenceEquals(after.Calendar, before.Calendar);
        if (calendarChanged || !ReferenceEquals(after.Policy, before.Policy))
        {
            entries.Add(SlaEntry.Retarget(at, after.Policy, calendarChanged ? after.Calendar : null));
        }
    }

    private SlaClocks ClocksOf(string reason) =>
        Options.SlaRules.PauseReasons.TryGetValue(reason, out var clocks) ? clocks : SlaClocks.All;
}

/// <summary>
/// A complaint's SLA clock entries, kept as its events are applied: the pauses that follow from the states the event
/// moves between, around what the event itself means to the clocks (<see cref="ComplaintEvent.AppendSlaEntries"/>).
/// </summary>
internal sealed class ComplaintSlaTrack
{
    private readonly List<SlaEntry> _entries = [];

    /// <summary>Gets the terms the complaint selected when it was received (re-target entries switch them later).</summary>
    public ComplaintSlaTerms? InitialTerms { get; private set; }

    /// <summary>Gets the entries so far.</summary>
    public ReadOnlySpan<SlaEntry> Entries => CollectionsMarshal.AsSpan(_entries);

    /// <summary>Builds the entries of a whole history.</summary>
    public static ComplaintSlaTrack Of(IReadOnlyList<ComplaintEvent> history, ComplaintOptions options)
    {
        var track = new ComplaintSlaTrack();
        var snapshot = new ComplaintSnapshot();
        foreach (var e in history)
        {
            var after = snapshot.Apply(e);
            track.Append(e, snapshot, after, options);
            snapshot = after;
        }

        return track;
    }

    public void Append(ComplaintEvent e, ComplaintSnapshot before, ComplaintSnapshot after, ComplaintOptions options)
    {
        var context = new ComplaintSlaContext(before, after, options);
        if (e is ComplaintReceived)
        {
            InitialTerms = context.TermsOf(after);
        }

        string? wasPaused = e is ComplaintReceived ? null : context.PauseReasonOf(before.State);
        string? isPaused = context.PauseReasonOf(after.State);
        if (wasPaused is not null && wasPaused != isPaused)
        {
            _entries.Add(context.Resume(e.At, wasPaused));
        }

        e.AppendSlaEntries(_entries, context);

        if (isPaused is not null && wasPaused != isPaused)
        {
            _entries.Add(context.Pause(e.At, isPaused));
        }
    }

    /// <summary>Evaluates the clocks at <paramref name="now"/>.</summary>
    public SlaEvaluation Evaluate(DateTimeOffset now)
    {
        var terms = InitialTerms ?? throw new InvalidOperationException("The complaint has no receipt.");
        return SlaEvaluator.Evaluate(Entries, terms.Policy, terms.Calendar, now);
    }
}
