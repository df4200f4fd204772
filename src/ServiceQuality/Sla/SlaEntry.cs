namespace ServiceQuality.Sla;

/// <summary>What happened at an instant, as far as the SLA clocks are concerned.</summary>
public enum SlaEntryKind
{
    /// <summary>The work item was received: every clock starts. A history must begin with it.</summary>
    Started = 0,

    /// <summary>The client was acknowledged: the acknowledge clock stops, and it counts as a client-visible update.</summary>
    Acknowledged = 1,

    /// <summary>A client-visible update was given: the update clock restarts.</summary>
    ClientUpdate = 2,

    /// <summary>The clocks pause (e.g. while waiting for the client): paused time never counts.</summary>
    Paused = 3,

    /// <summary>The clocks resume after a pause.</summary>
    Resumed = 4,

    /// <summary>A resolution was delivered: the resolve and update clocks stop (the acknowledge clock too, if still running).</summary>
    Resolved = 5,

    /// <summary>The resolution was rejected or the item reopened: the resolve clock continues and a new update cycle starts.</summary>
    Reopened = 6,

    /// <summary>The item was closed or withdrawn: every clock stops (a later <see cref="Reopened"/> continues the resolve clock).</summary>
    Stopped = 7,
}

/// <summary>One clock-relevant fact of a history: what happened and when. Histories are adapted to a sequence of these.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened.</param>
public readonly record struct SlaEntry(DateTimeOffset At, SlaEntryKind Kind);
