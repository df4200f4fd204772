using System.Runtime.CompilerServices;

namespace ServiceQuality.Sla;

/// <summary>
/// Evaluates SLA clocks as a pure function of (history, policy, calendar, now): no timers, so the status is always
/// explainable and never lags. Entries after <c>now</c> are ignored. Allocation-free.
/// </summary>
/// <remarks>
/// A clock breaches when its elapsed business time reaches its target before its goal: the target is a budget, and a
/// goal reached at the instant the budget runs out is late. Paused time never counts, whichever entry ends the pause.
/// A <see cref="SlaEntryKind.Retargeted"/> entry re-evaluates the targets from the start of each clock (see its
/// documentation); a breach already recorded is never undone by a later, more lenient target.
/// </remarks>
public static class SlaEvaluator
{
    /// <summary>The most pause reasons that may be in force at once.</summary>
    internal const int MaxConcurrentPauseReasons = 8;

    /// <summary>Evaluates every clock of <paramref name="history"/> at <paramref name="now"/>.</summary>
    /// <param name="history">The clock-relevant entries, in time order, starting with <see cref="SlaEntryKind.Started"/>.</param>
    /// <param name="policy">The targets and thresholds at the start (a <see cref="SlaEntryKind.Retargeted"/> entry changes them).</param>
    /// <param name="calendar">When business time runs at the start (a <see cref="SlaEntryKind.Retargeted"/> entry may change it).</param>
    /// <param name="now">The instant of evaluation.</param>
    /// <returns>Each clock's target, elapsed and remaining business time, status, breach and at-risk instants.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The history is empty, does not start with <see cref="SlaEntryKind.Started"/>, is out of time order, has a second
    /// <see cref="SlaEntryKind.Started"/>, starts after <paramref name="now"/>, has a pause or resume naming an undefined clock, more
    /// than eight pause reasons in force at once, or a re-target without a policy; or a policy is invalid.
    /// </exception>
    public static SlaEvaluation Evaluate(ReadOnlySpan<SlaEntry> history, SlaPolicy policy, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        EnsureValid(policy);
        if (history.IsEmpty || history[0].Kind != SlaEntryKind.Started)
        {
            throw new ArgumentException("The history must start with a Started entry.", nameof(history));
        }

        if (history[0].At > now)
        {
            throw new ArgumentException($"The history starts at {history[0].At:O}, after the instant evaluated ({now:O}).", nameof(history));
        }

        var clocks = default(ClockSet);
        var pauses = default(PauseSet);
        var timeline = new Timeline(calendar);
        int met = 0, breached = 0;
        var previous = history[0].At;
        bool started = false;
        foreach (ref readonly var entry in history)
        {
            if (entry.At < previous)
            {
                throw new ArgumentException($"The history is out of time order: {entry.Kind} at {entry.At:O} follows an entry at {previous:O}.", nameof(history));
            }

            if (entry.At > now)
            {
                break;
            }

            previous = entry.At;
            var at = entry.At;
            switch (entry.Kind)
            {
                case SlaEntryKind.Started when started:
                    throw new ArgumentException($"Only the first entry may be Started; another one is at {at:O}.", nameof(history));
                case SlaEntryKind.Started:
                    started = true;
                    for (int k = 0; k < SlaClockList.Capacity; k++)
                    {
                        clocks[k].Start((SlaClockKind)k, at, ref timeline, policy, paused: false);
                    }

                    break;
                case SlaEntryKind.Acknowledged:
                    clocks[(int)SlaClockKind.Acknowledge].End(at, ref timeline, SlaStatus.Met);
                    clocks[(int)SlaClockKind.Update].NewCycle(at, ref timeline, policy, pauses.Covers(SlaClockKind.Update), ref met, ref breached);
                    break;
                case SlaEntryKind.ClientUpdate:
                    clocks[(int)SlaClockKind.Update].NewCycle(at, ref timeline, policy, pauses.Covers(SlaClockKind.Update), ref met, ref breached);
                    break;
                case SlaEntryKind.Paused or SlaEntryKind.Resumed:
                {
                    // Only the clocks whose pause state changes: one reason pausing a clock another already pauses changes nothing.
                    var before = pauses.Covered;
                    if (entry.Kind == SlaEntryKind.Paused)
                    {
                        pauses.Add(entry.Reason, CheckClocks(entry));
                    }
                    else
                    {
                        pauses.Remove(entry.Reason, CheckClocks(entry));
                    }

                    var changed = before ^ pauses.Covered;
                    for (int k = 0; k < SlaClockList.Capacity; k++)
                    {
                        if (((int)changed & (1 << k)) != 0)
                        {
                            clocks[k].Pause(at, ref timeline, entry.Kind == SlaEntryKind.Paused);
                        }
                    }

                    break;
                }

                case SlaEntryKind.Resolved or SlaEntryKind.Stopped:
                {
                    // A resolution meets every clock still running; a stop ends them without their goal.
                    var outcome = entry.Kind == SlaEntryKind.Resolved ? SlaStatus.Met : SlaStatus.Stopped;
                    clocks[(int)SlaClockKind.Acknowledge].End(at, ref timeline, outcome);
                    clocks[(int)SlaClockKind.Update].EndCycle(at, ref timeline, outcome, ref met, ref breached);
                    clocks[(int)SlaClockKind.Resolve].End(at, ref timeline, outcome);
                    break;
                }

                case SlaEntryKind.Reopened:
                    clocks[(int)SlaClockKind.Update].Start(SlaClockKind.Update, at, ref timeline, policy, pauses.Covers(SlaClockKind.Update));
                    clocks[(int)SlaClockKind.Resolve].Continue(at, ref timeline, policy, pauses.Covers(SlaClockKind.Resolve));
                    break;
                case SlaEntryKind.Retargeted:
                    if (entry.Policy is null)
                    {
                        throw new ArgumentException($"The Retargeted entry at {at:O} has no policy.", nameof(history));
                    }

                    EnsureValid(entry.Policy);
                    for (int k = 0; k < SlaClockList.Capacity; k++)
                    {
                        clocks[k].Retarget(at, ref timeline, entry.Policy);
                    }

                    policy = entry.Policy;
                    if (entry.Calendar is { } next && next != timeline.Calendar)
                    {
                        // Business time so far was counted on the old calendar; the running clocks go on from here on the new one.
                        timeline = new Timeline(next);
                        for (int k = 0; k < SlaClockList.Capacity; k++)
                        {
                            clocks[k].Rebase(at, ref timeline);
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        var statuses = default(SlaClockList.Buffer);
        for (int k = 0; k < SlaClockList.Capacity; k++)
        {
            statuses[k] = clocks[k].StatusAt(now, ref timeline);
        }

        var update = statuses[(int)SlaClockKind.Update];
        if (update.Status == SlaStatus.Breached && clocks[(int)SlaClockKind.Update].State != ClockState.Ended)
        {
            breached++;
        }

        return new SlaEvaluation(now, new SlaClockList(statuses), met, breached);
    }

    private static void EnsureValid(SlaPolicy policy)
    {
        if (!policy.IsValid())
        {
            policy.Validate();
        }
    }

    private static SlaClocks CheckClocks(in SlaEntry entry)
    {
        if ((entry.Clocks & ~SlaClocks.All) != 0)
        {
            throw new ArgumentException($"The {entry.Kind} entry at {entry.At:O} names clocks '{entry.Clocks}'; valid: None or any of Acknowledge, Update, Resolve.", "history");
        }

        return entry.Clocks;
    }

    private enum ClockState
    {
        NotStarted,
        Running,
        Suspended,
        Ended,
    }

    [InlineArray(SlaClockList.Capacity)]
    private struct ClockSet
    {
        private Clock _element;
    }

    /// <summary>The pause reasons in force and the clocks each one pauses; a clock is paused while any reason covers it.</summary>
    private struct PauseSet
    {
        private Reasons _reasons;
        private ClocksOf _clocks;
        private int _count;

        public readonly SlaClocks Covered
        {
            get
            {
                var covered = SlaClocks.None;
                for (int i = 0; i < _count; i++)
                {
                    covered |= _clocks[i];
                }

                return covered;
            }
        }

        public readonly bool Covers(SlaClockKind clock) => ((int)Covered & (1 << (int)clock)) != 0;

        public void Add(string? reason, SlaClocks clocks)
        {
            if (clocks == SlaClocks.None)
            {
                return;
            }

            int i = IndexOf(reason);
            if (i >= 0)
            {
                _clocks[i] |= clocks;
                return;
            }

            if (_count == MaxConcurrentPauseReasons)
            {
                throw new ArgumentException(
                    $"More than {MaxConcurrentPauseReasons} pause reasons are in force at once (adding '{reason}'); valid: at most {MaxConcurrentPauseReasons}, each resumed before more are added.",
                    "history");
            }

            _reasons[_count] = reason;
            _clocks[_count] = clocks;
            _count++;
        }

        public void Remove(string? reason, SlaClocks clocks)
        {
            int i = IndexOf(reason);
            if (i < 0)
            {
                return;
            }

            _clocks[i] &= ~clocks;
            if (_clocks[i] == SlaClocks.None)
            {
                _count--;
                _reasons[i] = _reasons[_count];
                _clocks[i] = _clocks[_count];
                _reasons[_count] = null;
            }
        }

        private readonly int IndexOf(string? reason)
        {
            for (int i = 0; i < _count; i++)
            {
                if (string.Equals(_reasons[i], reason, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        [InlineArray(MaxConcurrentPauseReasons)]
        private struct Reasons
        {
            private string? _element;
        }

        [InlineArray(MaxConcurrentPauseReasons)]
        private struct ClocksOf
        {
            private SlaClocks _element;
        }
    }

    /// <summary>The calendar in force and a walk along its business timeline: positions (business ticks) of instants, remembered for the last instant asked.</summary>
    private struct Timeline(BusinessCalendar calendar)
    {
        private BusinessCalendar.Cursor _cursor;
        private long _lastTicks = long.MinValue;
        private long _lastPosition;

        public readonly BusinessCalendar Calendar { get; } = calendar;

        public long PositionOf(DateTimeOffset at)
        {
            long ticks = at.UtcTicks;
            if (ticks != _lastTicks)
            {
                _lastPosition = Calendar.PositionOf(ticks, ref _cursor);
                _lastTicks = ticks;
            }

            return _lastPosition;
        }

        /// <summary>The instant (UTC) the timeline reaches a position after the last one asked.</summary>
        public DateTimeOffset InstantAt(long position) => new(Calendar.InstantAt(position, ref _cursor), TimeSpan.Zero);
    }

    private struct Clock
    {
        private SlaClockKind _kind;
        private SlaPolicy _policy;
        private long _target;
        private long _segmentStart;
        private long _elapsed;
        private DateTimeOffset? _breachAt;
        private SlaStatus _outcome;
        private int _cycle;

        public ClockState State { readonly get; private set; }

        /// <summary>Starts a fresh count (the first start, or a new update cycle).</summary>
        public void Start(SlaClockKind kind, DateTimeOffset at, ref Timeline timeline, SlaPolicy policy, bool paused)
        {
            _kind = kind;
            _policy = policy;
            _target = policy.TargetOf(kind).Ticks;
            _elapsed = 0;
            _breachAt = null;
            _cycle++;
            State = paused ? ClockState.Suspended : ClockState.Running;
            if (!paused)
            {
                _segmentStart = timeline.PositionOf(at);
            }
        }

        /// <summary>Continues an ended count (a reopened resolution) under the policy now in force.</summary>
        public void Continue(DateTimeOffset at, ref Timeline timeline, SlaPolicy policy, bool paused)
        {
            if (State == ClockState.Ended)
            {
                State = paused ? ClockState.Suspended : ClockState.Running;
                if (!paused)
                {
                    _segmentStart = timeline.PositionOf(at);
                }

                Retarget(at, policy);
            }
        }

        /// <summary>Ends the clock with an outcome (met, or stopped without its goal); paused time is never counted.</summary>
        public void End(DateTimeOffset at, ref Timeline timeline, SlaStatus outcome)
        {
            if (State == ClockState.Running)
            {
                Accumulate(at, ref timeline);
            }

            if (State is ClockState.Running or ClockState.Suspended)
            {
                State = ClockState.Ended;
                _outcome = outcome;
            }
        }

        /// <summary>Pauses a running clock (counting its business time so far) or resumes a paused one.</summary>
        public void Pause(DateTimeOffset at, ref Timeline timeline, bool pause)
        {
            if (pause && State == ClockState.Running)
            {
                Accumulate(at, ref timeline);
                State = ClockState.Suspended;
            }
            else if (!pause && State == ClockState.Suspended)
            {
                _segmentStart = timeline.PositionOf(at);
                State = ClockState.Running;
            }
        }

        /// <summary>Ends the current update cycle (counting it) and starts the next one, paused if a reason covers the clock.</summary>
        public void NewCycle(DateTimeOffset at, ref Timeline timeline, SlaPolicy policy, bool paused, ref int met, ref int breached)
        {
            if (State is ClockState.Running or ClockState.Suspended)
            {
                EndCycle(at, ref timeline, SlaStatus.Met, ref met, ref breached);
                Start(_kind, at, ref timeline, policy, paused);
            }
        }

        /// <summary>Ends the current cycle: counted met when it ended with its goal within target, breached when it breached, not at all when it stopped without its goal.</summary>
        public void EndCycle(DateTimeOffset at, ref Timeline timeline, SlaStatus outcome, ref int met, ref int breached)
        {
            if (State is ClockState.Running or ClockState.Suspended)
            {
                End(at, ref timeline, outcome);
                if (_breachAt is not null)
                {
                    breached++;
                }
                else if (outcome == SlaStatus.Met)
                {
                    met++;
                }
            }
        }

        /// <summary>Switches a started, not ended clock to a new policy; business time up to <paramref name="at"/> is counted first.</summary>
        public void Retarget(DateTimeOffset at, ref Timeline timeline, SlaPolicy policy)
        {
            if (State == ClockState.Running)
            {
                Accumulate(at, ref timeline);
            }

            if (State is ClockState.Running or ClockState.Suspended)
            {
                Retarget(at, policy);
            }
        }

        /// <summary>Moves a running clock's segment onto a new timeline (after a calendar change at <paramref name="at"/>, once counted up to it).</summary>
        public void Rebase(DateTimeOffset at, ref Timeline timeline)
        {
            if (State == ClockState.Running)
            {
                _segmentStart = timeline.PositionOf(at);
            }
        }

        public readonly SlaClockStatus StatusAt(DateTimeOffset now, ref Timeline timeline)
        {
            if (State == ClockState.NotStarted)
            {
                return default;
            }

            long elapsed = _elapsed, position = 0;
            var breachAt = _breachAt;
            if (State == ClockState.Running)
            {
                position = timeline.PositionOf(now);
                long added = position - _segmentStart;
                if (breachAt is null && elapsed + added >= _target)
                {
                    breachAt = timeline.InstantAt(_segmentStart + _target - elapsed);
                }

                elapsed += added;
            }

            long remaining = breachAt is null && elapsed < _target ? _target - elapsed : 0;
            long atRisk = ThresholdTicks(_target, _policy.AtRiskThreshold);
            var risk = breachAt is not null || elapsed >= ThresholdTicks(_target, _policy.HighRiskThreshold) ? SlaRiskLevel.High
                : elapsed >= atRisk ? SlaRiskLevel.Elevated : SlaRiskLevel.None;
            DateTimeOffset? atRiskAt = null;
            SlaStatus status;
            if (breachAt is not null)
            {
                status = SlaStatus.Breached;
            }
            else
            {
                switch (State)
                {
                    case ClockState.Running:
                        status = risk == SlaRiskLevel.None ? SlaStatus.Running : SlaStatus.AtRisk;
                        if (risk == SlaRiskLevel.None)
                        {
                            atRiskAt = timeline.InstantAt(position + atRisk - elapsed);
                        }

                        breachAt = timeline.InstantAt(position + remaining);
                        break;
                    case ClockState.Suspended:
                        status = SlaStatus.Paused;
                        break;
                    default:
                        status = _outcome;
                        break;
                }
            }

            return new SlaClockStatus(_kind, new TimeSpan(_target), new TimeSpan(elapsed), new TimeSpan(remaining), status, risk, breachAt, atRiskAt, _cycle);
        }

        /// <summary>The elapsed ticks at which a fraction of the target is consumed (rounded up, so the status and the projected instant agree exactly).</summary>
        private static long ThresholdTicks(long target, double fraction) => (long)Math.Ceiling(target * fraction);

        private void Retarget(DateTimeOffset at, SlaPolicy policy)
        {
            _policy = policy;
            _target = policy.TargetOf(_kind).Ticks;
            if (_breachAt is null && _elapsed >= _target)
            {
                _breachAt = at;
            }
        }

        /// <summary>Counts the business time from the segment's start to <paramref name="until"/>; the first time the target is reached, notes the instant.</summary>
        private void Accumulate(DateTimeOffset until, ref Timeline timeline)
        {
            long position = timeline.PositionOf(until);
            if (_breachAt is null && _elapsed + (position - _segmentStart) >= _target)
            {
                _breachAt = timeline.InstantAt(_segmentStart + _target - _elapsed);
            }

            _elapsed += position - _segmentStart;
            _segmentStart = position;
        }
    }
}
