using System.Runtime.InteropServices;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>
/// What the SLA engine needs to know while an event is adapted to clock entries: the complaint before and after the
/// event, and the policies in force (which policy a complaint's terms select, which clocks a pause reason stops).
/// </summary>
/// <param name="Before">The complaint before the event.</param>
/// <param name="After">The complaint after the event.</param>
/// <param name="Options">The lifecycle's policies.</param>
internal readonly record struct ComplaintSlaContext(ComplaintSnapshot Before, ComplaintSnapshot After, ComplaintOptions Options)
{
    /// <summary>Gets the SLA policy a complaint's terms select.</summary>
    public SlaPolicy PolicyOf(ComplaintSnapshot complaint) => Options.Sla.For(complaint.Priority);

    /// <summary>Gets the pause reason of a state in which the clocks pause (the state's name), or <see langword="null"/> when they run in it.</summary>
    public string? PauseReasonOf(ComplaintState state) => Options.ClockPausedStates.Contains(state) ? state.ToString() : null;

    /// <summary>Creates the entry pausing the clocks of <paramref name="reason"/>: those configured in <see cref="ComplaintOptions.SlaRules"/>, or every clock for a paused state's reason that is not configured there.</summary>
    public SlaEntry Pause(DateTimeOffset at, string reason) => SlaEntry.Pause(at, ClocksOf(reason), reason);

    /// <summary>Creates the entry ending the pause of <paramref name="reason"/>.</summary>
    public SlaEntry Resume(DateTimeOffset at, string reason) => SlaEntry.Resume(at, ClocksOf(reason), reason);

    /// <summary>Appends a re-target entry when the complaint's terms now select another policy than before.</summary>
    public void RetargetIfChanged(List<SlaEntry> entries, DateTimeOffset at)
    {
        var policy = PolicyOf(After);
        if (!ReferenceEquals(policy, PolicyOf(Before)))
        {
            entries.Add(SlaEntry.Retarget(at, policy));
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

    /// <summary>Gets the policy the complaint's terms selected when it was received (re-target entries switch it later).</summary>
    public SlaPolicy? InitialPolicy { get; private set; }

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
            InitialPolicy = context.PolicyOf(after);
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
    public SlaEvaluation Evaluate(ComplaintOptions options, DateTimeOffset now) =>
        SlaEvaluator.Evaluate(Entries, InitialPolicy ?? throw new InvalidOperationException("The complaint has no receipt."), options.Calendar, now);
}
