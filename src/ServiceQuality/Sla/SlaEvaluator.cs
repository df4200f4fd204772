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
                        clocks[k].Start((SlaClockKind)k, at, policy, paused: false);
                    }

                    break;
                case SlaEntryKind.Acknowledged:
                    clocks[(int)SlaClockKind.Acknowledge].End(at, calendar, SlaStatus.Met);
                    clocks[(int)SlaClockKind.Update].NewCycle(at, calendar, policy, pauses.Covers(SlaClockKind.Update), ref met, ref breached);
                    break;
                case SlaEntryKind.ClientUpdate:
                    clocks[(int)SlaClockKind.Update].NewCycle(at, calendar, policy, pauses.Covers(SlaClockKind.Update), ref met, ref breached);
                    break;
                case SlaEntryKind.Paused:
                {
                    var before = pauses.Covered;
                    pauses.Add(entry.Reason, CheckClocks(entry));
                    var paused = pauses.Covered & ~before;
                    for (int k = 0; k < SlaClockList.Capacity; k++)
                    {
                        if (((int)paused & (1 << k)) != 0)
                        {
                            clocks[k].Suspend(at, calendar);
                        }
                    }

                    break;
                }

                case SlaEntryKind.Resumed:
                {
                    var before = pauses.Covered;
                    pauses.Remove(entry.Reason, CheckClocks(entry));
                    var resumed = before & ~pauses.Covered;
                    for (int k = 0; k < SlaClockList.Capacity; k++)
                    {
                        if (((int)resumed & (1 << k)) != 0)
                        {
                            clocks[k].Resume(at);
                        }
                    }

                    break;
                }

                case SlaEntryKind.Resolved:
                    clocks[(int)SlaClockKind.Acknowledge].End(at, calendar, SlaStatus.Met);
                    clocks[(int)SlaClockKind.Update].EndCycle(at, calendar, SlaStatus.Met, ref met, ref breached);
                    clocks[(int)SlaClockKind.Resolve].End(at, calendar, SlaStatus.Met);
                    break;
                case SlaEntryKind.Reopened:
                    clocks[(int)SlaClockKind.Update].Start(SlaClockKind.Update, at, policy, pauses.Covers(SlaClockKind.Update));
                    clocks[(int)SlaClockKind.Resolve].Continue(at, policy, pauses.Covers(SlaClockKind.Resolve));
                    break;
                case SlaEntryKind.Stopped:
                    clocks[(int)SlaClockKind.Acknowledge].End(at, calendar, SlaStatus.Stopped);
                    clocks[(int)SlaClockKind.Update].EndCycle(at, calendar, SlaStatus.Stopped, ref met, ref breached);
                    clocks[(int)SlaClockKind.Resolve].End(at, calendar, SlaStatus.Stopped);
                    break;
                case SlaEntryKind.Retargeted:
                    if (entry.Policy is null)
                    {
                        throw new ArgumentException($"The Retargeted entry at {at:O} has no policy.", nameof(history));
                    }

                    EnsureValid(entry.Policy);
                    for (int k = 0; k < SlaClockList.Capacity; k++)
                    {
                        clocks[k].Retarget(at, calendar, entry.Policy);
                    }

                    policy = entry.Policy;
                    calendar = entry.Calendar ?? calendar;
                    break;
                default:
                    break;
            }
        }

        var statuses = default(SlaClockList.Buffer);
        for (int k = 0; k < SlaClockList.Capacity; k++)
        {
            statuses[k] = clocks[k].StatusAt(now, calendar);
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

    private struct Clock
    {
        private SlaClockKind _kind;
        private SlaPolicy _policy;
        private TimeSpan _target;
        private DateTimeOffset _segmentStart;
        private TimeSpan _elapsed;
        private DateTimeOffset? _breachAt;
        private SlaStatus _outcome;
        private int _cycle;

        public ClockState State { readonly get; private set; }

        /// <summary>Starts a fresh count (the first start, or a new update cycle after a reopen).</summary>
        public void Start(SlaClockKind kind, DateTimeOffset at, SlaPolicy policy, bool paused)
        {
            _kind = kind;
            _policy = policy;
            _target = policy.TargetOf(kind);
            _elapsed = TimeSpan.Zero;
            _breachAt = null;
            _segmentStart = at;
            _cycle++;
            State = paused ? ClockState.Suspended : ClockState.Running;
        }

        /// <summary>Continues an ended count (a reopened resolution) under the policy now in force.</summary>
        public void Continue(DateTimeOffset at, SlaPolicy policy, bool paused)
        {
            if (State == ClockState.Ended)
            {
                _segmentStart = at;
                State = paused ? ClockState.Suspended : ClockState.Running;
                Retarget(at, policy);
            }
        }

        /// <summary>Ends the clock with an outcome (met, or stopped without its goal); paused time is never counted.</summary>
        public void End(DateTimeOffset at, BusinessCalendar calendar, SlaStatus outcome)
        {
            if (State == ClockState.Running)
            {
                Accumulate(at, calendar);
            }

            if (State is ClockState.Running or ClockState.Suspended)
            {
                State = ClockState.Ended;
                _outcome = outcome;
            }
        }

        public void Suspend(DateTimeOffset at, BusinessCalendar calendar)
        {
            if (State == ClockState.Running)
            {
                Accumulate(at, calendar);
                State = ClockState.Suspended;
            }
        }

        public void Resume(DateTimeOffset at)
        {
            if (State == ClockState.Suspended)
            {
                _segmentStart = at;
                State = ClockState.Running;
            }
        }

        /// <summary>Ends the current update cycle (counting it) and starts the next one, paused if a reason covers the clock.</summary>
        public void NewCycle(DateTimeOffset at, BusinessCalendar calendar, SlaPolicy policy, bool paused, ref int met, ref int breached)
        {
            if (State is ClockState.Running or ClockState.Suspended)
            {
                EndCycle(at, calendar, SlaStatus.Met, ref met, ref breached);
                Start(_kind, at, policy, paused);
            }
        }

        /// <summary>Ends the current cycle: counted met when it ended with its goal within target, breached when it breached, not at all when it stopped without its goal.</summary>
        public void EndCycle(DateTimeOffset at, BusinessCalendar calendar, SlaStatus outcome, ref int met, ref int breached)
        {
            if (State is ClockState.Running or ClockState.Suspended)
            {
                End(at, calendar, outcome);
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

        /// <summary>Switches a started, not ended clock to a new policy; business time up to <paramref name="at"/> is counted on <paramref name="calendar"/>.</summary>
        public void Retarget(DateTimeOffset at, BusinessCalendar calendar, SlaPolicy policy)
        {
            if (State == ClockState.Running)
            {
                Accumulate(at, calendar);
            }

            if (State is ClockState.Running or ClockState.Suspended)
            {
                Retarget(at, policy);
            }
        }

        public readonly SlaClockStatus StatusAt(DateTimeOffset now, BusinessCalendar calendar)
        {
            if (State == ClockState.NotStarted)
            {
                return default;
            }

            var clock = this;
            if (clock.State == ClockState.Running)
            {
                clock.Accumulate(now, calendar);
            }

            var elapsed = clock._elapsed;
            var breachAt = clock._breachAt;
            var remaining = breachAt is null && elapsed < _target ? _target - elapsed : TimeSpan.Zero;
            long atRisk = ThresholdTicks(_target, _policy.AtRiskThreshold);
            var risk = breachAt is not null || elapsed.Ticks >= ThresholdTicks(_target, _policy.HighRiskThreshold) ? SlaRiskLevel.High
                : elapsed.Ticks >= atRisk ? SlaRiskLevel.Elevated : SlaRiskLevel.None;
            DateTimeOffset? atRiskAt = null;
            SlaStatus status;
            if (breachAt is not null)
            {
                status = SlaStatus.Breached;
            }
            else
            {
                switch (clock.State)
                {
                    case ClockState.Running:
                        status = risk == SlaRiskLevel.None ? SlaStatus.Running : SlaStatus.AtRisk;
                        breachAt = calendar.AddBusinessTime(now, remaining);
                        if (risk == SlaRiskLevel.None)
                        {
                            atRiskAt = calendar.AddBusinessTime(now, new TimeSpan(atRisk - elapsed.Ticks));
                        }

                        break;
                    case ClockState.Suspended:
                        status = SlaStatus.Paused;
                        break;
                    default:
                        status = clock._outcome;
                        break;
                }
            }

            return new SlaClockStatus(_kind, _target, elapsed, remaining, status, risk, breachAt, atRiskAt, _cycle);
        }

        /// <summary>The elapsed ticks at which a fraction of the target is consumed (rounded up, so the status and the projected instant agree exactly).</summary>
        private static long ThresholdTicks(TimeSpan target, double fraction) => (long)Math.Ceiling(target.Ticks * fraction);

        private void Retarget(DateTimeOffset at, SlaPolicy policy)
        {
            _policy = policy;
            _target = policy.TargetOf(_kind);
            if (_breachAt is null && _elapsed >= _target)
            {
                _breachAt = at;
            }
        }

        private void Accumulate(DateTimeOffset until, BusinessCalendar calendar)
        {
            var added = calendar.BusinessTimeBetween(_segmentStart, until);
            if (_breachAt is null && _elapsed + added >= _target)
            {
                _breachAt = calendar.AddBusinessTime(_segmentStart, _target - _elapsed);
            }

            _elapsed += added;
            _segmentStart = until;
        }
    }
}
