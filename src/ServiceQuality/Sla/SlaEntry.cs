using System.Diagnostics.CodeAnalysis;

namespace ServiceQuality.Sla;

/// <summary>What happened at an instant, as far as the SLA clocks are concerned.</summary>
public enum SlaEntryKind
{
    /// <summary>The work item was received: every clock starts. A history must begin with it.</summary>
    Started = 0,

    /// <summary>The client was acknowledged: the acknowledge clock is met, and it counts as a client-visible update.</summary>
    Acknowledged = 1,

    /// <summary>A client-visible update was given: the update clock's cycle ends (met or breached) and a new one starts.</summary>
    ClientUpdate = 2,

    /// <summary>The clocks in <see cref="SlaEntry.Clocks"/> pause for <see cref="SlaEntry.Reason"/> (e.g. awaiting the client): paused time never counts.</summary>
    Paused = 3,

    /// <summary>The pause for <see cref="SlaEntry.Reason"/> ends for the clocks in <see cref="SlaEntry.Clocks"/>; a clock runs again once no other reason still pauses it.</summary>
    Resumed = 4,

    /// <summary>A resolution was delivered: the resolve and update clocks are met (the acknowledge clock too, if still running).</summary>
    Resolved = 5,

    /// <summary>The resolution was rejected or the item reopened: the resolve clock continues and a new update cycle starts.</summary>
    Reopened = 6,

    /// <summary>
    /// The item ended without reaching the clocks' goals (withdrawn, or closed unresolved): every clock still running or
    /// paused ends with status <see cref="SlaStatus.Stopped"/> (or <see cref="SlaStatus.Breached"/> if it had breached),
    /// never <see cref="SlaStatus.Met"/>. Clocks already met keep their status. A later <see cref="Reopened"/> continues the resolve clock.
    /// </summary>
    Stopped = 7,

    /// <summary>
    /// The item's terms changed (e.g. its priority): from here on the clocks use <see cref="SlaEntry.Policy"/> (and
    /// <see cref="SlaEntry.Calendar"/> when set). Targets are re-evaluated from the start of each clock: the business time
    /// already elapsed is kept and compared with the new target; a clock already past its new target breaches at this instant.
    /// </summary>
    Retargeted = 8,
}

/// <summary>
/// One clock-relevant fact of a history: what happened and when, and for a pause which clocks and why, for a re-target
/// the new terms. Histories are adapted to a sequence of these; use <see cref="Pause"/>, <see cref="Resume"/> and
/// <see cref="Retarget"/> to build the entries that carry more than a kind.
/// </summary>
public readonly record struct SlaEntry
{
    /// <summary>Initializes an entry; set <see cref="At"/> and <see cref="Kind"/>.</summary>
    public SlaEntry()
    {
    }

    /// <summary>Initializes an entry of a kind at an instant.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="kind">What happened.</param>
    [SetsRequiredMembers]
    public SlaEntry(DateTimeOffset at, SlaEntryKind kind)
    {
        At = at;
        Kind = kind;
    }

    /// <summary>Gets when it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets what happened.</summary>
    public required SlaEntryKind Kind { get; init; }

    /// <summary>Gets the clocks a <see cref="SlaEntryKind.Paused"/> or <see cref="SlaEntryKind.Resumed"/> entry pauses or resumes (ignored for other kinds).</summary>
    /// <value><see cref="SlaClocks.All"/>.</value>
    public SlaClocks Clocks { get; init; } = SlaClocks.All;

    /// <summary>Gets why the clocks pause, e.g. <see cref="SlaPauseReasons.AwaitingClient"/>: a resume ends the pause of the same reason (ordinal comparison).</summary>
    /// <value><see langword="null"/>: the unnamed reason.</value>
    public string? Reason { get; init; }

    /// <summary>Gets the policy a <see cref="SlaEntryKind.Retargeted"/> entry switches to (required for it, ignored for other kinds).</summary>
    /// <value><see langword="null"/>.</value>
    public SlaPolicy? Policy { get; init; }

    /// <summary>Gets the calendar a <see cref="SlaEntryKind.Retargeted"/> entry switches to.</summary>
    /// <value><see langword="null"/>: the calendar in use is kept.</value>
    public BusinessCalendar? Calendar { get; init; }

    /// <summary>Creates an entry pausing some clocks for a reason.</summary>
    /// <param name="at">When the pause starts.</param>
    /// <param name="clocks">The clocks that pause (<see cref="SlaClocks.None"/>: the entry changes nothing).</param>
    /// <param name="reason">Why, e.g. <see cref="SlaPauseReasons.AwaitingClient"/>.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException"><paramref name="clocks"/> has a flag outside <see cref="SlaClocks.All"/>; or <paramref name="reason"/> is empty or white space.</exception>
    public static SlaEntry Pause(DateTimeOffset at, SlaClocks clocks, string reason) =>
        new(at, SlaEntryKind.Paused) { Clocks = CheckClocks(clocks), Reason = CheckReason(reason) };

    /// <summary>Creates an entry ending the pause of a reason for some clocks.</summary>
    /// <param name="at">When the pause ends.</param>
    /// <param name="clocks">The clocks whose pause for <paramref name="reason"/> ends (<see cref="SlaClocks.None"/>: the entry changes nothing).</param>
    /// <param name="reason">The reason given when they paused.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException"><paramref name="clocks"/> has a flag outside <see cref="SlaClocks.All"/>; or <paramref name="reason"/> is empty or white space.</exception>
    public static SlaEntry Resume(DateTimeOffset at, SlaClocks clocks, string reason) =>
        new(at, SlaEntryKind.Resumed) { Clocks = CheckClocks(clocks), Reason = CheckReason(reason) };

    /// <summary>Creates an entry switching the clocks to new terms (e.g. after a priority change).</summary>
    /// <param name="at">When the terms change.</param>
    /// <param name="policy">The new targets and thresholds.</param>
    /// <param name="calendar">The new calendar, or <see langword="null"/> to keep the one in use.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException"><paramref name="policy"/> is invalid.</exception>
    public static SlaEntry Retarget(DateTimeOffset at, SlaPolicy policy, BusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        return new(at, SlaEntryKind.Retargeted) { Policy = policy, Calendar = calendar };
    }

    internal static SlaClocks CheckClocks(SlaClocks clocks, string name = "clocks")
    {
        if ((clocks & ~SlaClocks.All) != 0)
        {
            throw new ArgumentException($"The clocks are '{clocks}'; valid: None or any of Acknowledge, Update, Resolve.", name);
        }

        return clocks;
    }

    private static string CheckReason(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return reason;
    }
}

/// <summary>Well-known pause reasons; a host may use its own. Which clocks each one pauses is configuration (<see cref="SlaOptions.PauseReasons"/>).</summary>
public static class SlaPauseReasons
{
    /// <summary>Waiting for the client's answer: by default pauses the update and resolve clocks (the client owes the next step).</summary>
    public const string AwaitingClient = "AwaitingClient";

    /// <summary>Waiting for a supplier or another organisation: by default pauses the resolve clock only (the client still gets updates).</summary>
    public const string AwaitingThirdParty = "AwaitingThirdParty";

    /// <summary>The fix waits for a change window agreed with the client: by default pauses the resolve clock only.</summary>
    public const string ScheduledChange = "ScheduledChange";
}
