namespace ServiceQuality.Sla;

/// <summary>One clock's state at the instant of evaluation.</summary>
/// <param name="Clock">Which clock.</param>
/// <param name="Target">The business time allowed.</param>
/// <param name="Elapsed">The business time counted so far (paused time never counts); for the update clock, since the last client-visible update.</param>
/// <param name="Remaining">The business time left before the target (zero once breached).</param>
/// <param name="Status">Running, paused, met, at risk or breached.</param>
/// <param name="Risk">How much of the target is consumed, against the policy's thresholds.</param>
/// <param name="BreachAt">The instant the clock breached (past) or will breach if it keeps running from now (projected); <see langword="null"/> when it stopped or paused within target.</param>
public readonly record struct SlaClockStatus(
    SlaClockKind Clock, TimeSpan Target, TimeSpan Elapsed, TimeSpan Remaining, SlaStatus Status, SlaRiskLevel Risk, DateTimeOffset? BreachAt)
{
    /// <summary>Gets the fraction of the target consumed (above 1 once breached).</summary>
    public double Consumed => Elapsed.Ticks / (double)Target.Ticks;
}

/// <summary>The SLA of one history at one instant: its three clocks and the update cycles so far.</summary>
/// <param name="At">The instant evaluated.</param>
/// <param name="Acknowledge">The acknowledge clock.</param>
/// <param name="Update">The update clock (the current cycle).</param>
/// <param name="Resolve">The resolve clock.</param>
/// <param name="UpdateCyclesMet">Update cycles that ended (by an update or a stop) within the interval.</param>
/// <param name="UpdateCyclesBreached">Update cycles that exceeded the interval, the current one included when it has breached.</param>
public readonly record struct SlaEvaluation(
    DateTimeOffset At, SlaClockStatus Acknowledge, SlaClockStatus Update, SlaClockStatus Resolve, int UpdateCyclesMet, int UpdateCyclesBreached)
{
    /// <summary>Gets the most serious status of the three clocks (Breached, then AtRisk, then Running, Paused, Met).</summary>
    public SlaStatus WorstStatus
    {
        get
        {
            static int Rank(SlaStatus s) => s switch { SlaStatus.Breached => 4, SlaStatus.AtRisk => 3, SlaStatus.Running => 2, SlaStatus.Paused => 1, _ => 0 };
            var worst = Rank(Acknowledge.Status) >= Rank(Update.Status) ? Acknowledge.Status : Update.Status;
            return Rank(worst) >= Rank(Resolve.Status) ? worst : Resolve.Status;
        }
    }
}

/// <summary>
/// Evaluates SLA clocks as a pure function of (history, policy, calendar, now): no timers, so the status is always
/// explainable and never lags. Entries after <c>now</c> are ignored. Allocation-free.
/// </summary>
public static class SlaEvaluator
{
    /// <summary>Evaluates the three clocks of <paramref name="history"/> at <paramref name="now"/>.</summary>
    /// <param name="history">The clock-relevant entries, in time order, starting with <see cref="SlaEntryKind.Started"/>.</param>
    /// <param name="policy">The targets and thresholds.</param>
    /// <param name="calendar">When business time runs.</param>
    /// <param name="now">The instant of evaluation.</param>
    /// <returns>Each clock's target, elapsed and remaining business time, status and breach instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The history is empty, does not start with <see cref="SlaEntryKind.Started"/>, is out of time order, has a second <see cref="SlaEntryKind.Started"/>, or starts after <paramref name="now"/>; or the policy is invalid.</exception>
    public static SlaEvaluation Evaluate(ReadOnlySpan<SlaEntry> history, SlaPolicy policy, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!policy.IsValid())
        {
            policy.Validate();
        }

        if (history.IsEmpty || history[0].Kind != SlaEntryKind.Started)
        {
            throw new ArgumentException("The history must start with a Started entry.", nameof(history));
        }

        if (history[0].At > now)
        {
            throw new ArgumentException($"The history starts at {history[0].At:O}, after the instant evaluated ({now:O}).", nameof(history));
        }

        var acknowledge = new Clock(policy.TimeToAcknowledge);
        var update = new Clock(policy.UpdateInterval);
        var resolve = new Clock(policy.TimeToResolve);
        bool paused = false;
        int met = 0, breached = 0;
        var previous = history[0].At;
        foreach (var entry in history)
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
            switch (entry.Kind)
            {
                case SlaEntryKind.Started when acknowledge.State != ClockState.NotStarted:
                    throw new ArgumentException($"Only the first entry may be Started; another one is at {entry.At:O}.", nameof(history));
                case SlaEntryKind.Started:
                    acknowledge.Start(entry.At, paused);
                    update.Start(entry.At, paused);
                    resolve.Start(entry.At, paused);
                    break;
                case SlaEntryKind.Acknowledged:
                    acknowledge.Stop(entry.At, calendar);
                    update.Restart(entry.At, calendar, ref met, ref breached);
                    break;
                case SlaEntryKind.ClientUpdate:
                    update.Restart(entry.At, calendar, ref met, ref breached);
                    break;
                case SlaEntryKind.Paused when !paused:
                    paused = true;
                    acknowledge.Suspend(entry.At, calendar);
                    update.Suspend(entry.At, calendar);
                    resolve.Suspend(entry.At, calendar);
                    break;
                case SlaEntryKind.Resumed when paused:
                    paused = false;
                    acknowledge.Resume(entry.At);
                    update.Resume(entry.At);
                    resolve.Resume(entry.At);
                    break;
                case SlaEntryKind.Resolved or SlaEntryKind.Stopped:
                    acknowledge.Stop(entry.At, calendar);
                    update.EndCycle(entry.At, calendar, ref met, ref breached);
                    resolve.Stop(entry.At, calendar);
                    break;
                case SlaEntryKind.Reopened:
                    update.Start(entry.At, paused);
                    resolve.Continue(entry.At, paused);
                    break;
                default:
                    break;
            }
        }

        var updateStatus = update.StatusAt(SlaClockKind.Update, now, policy, calendar);
        if (updateStatus.Status == SlaStatus.Breached && update.State != ClockState.Stopped)
        {
            breached++;
        }

        return new SlaEvaluation(
            now,
            acknowledge.StatusAt(SlaClockKind.Acknowledge, now, policy, calendar),
            updateStatus,
            resolve.StatusAt(SlaClockKind.Resolve, now, policy, calendar),
            met,
            breached);
    }

    private enum ClockState
    {
        NotStarted,
        Running,
        Suspended,
        Stopped,
    }

    private struct Clock(TimeSpan target)
    {
        private readonly TimeSpan _target = target;
        private DateTimeOffset _segmentStart;
        private TimeSpan _elapsed;
        private DateTimeOffset? _breachAt;

        public ClockState State { get; private set; }

        /// <summary>Starts a fresh count (a new update cycle, or the first start).</summary>
        public void Start(DateTimeOffset at, bool paused)
        {
            _elapsed = TimeSpan.Zero;
            _breachAt = null;
            _segmentStart = at;
            State = paused ? ClockState.Suspended : ClockState.Running;
        }

        /// <summary>Continues a stopped count (a reopened resolution).</summary>
        public void Continue(DateTimeOffset at, bool paused)
        {
            if (State == ClockState.Stopped)
            {
                _segmentStart = at;
                State = paused ? ClockState.Suspended : ClockState.Running;
            }
        }

        public void Stop(DateTimeOffset at, BusinessCalendar calendar)
        {
            if (State is ClockState.Running or ClockState.Suspended)
            {
                Accumulate(at, calendar);
                State = ClockState.Stopped;
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

        /// <summary>Ends the current update cycle (counting it) and starts the next one in the same running or paused state.</summary>
        public void Restart(DateTimeOffset at, BusinessCalendar calendar, ref int met, ref int breached)
        {
            if (State is ClockState.Running or ClockState.Suspended)
            {
                bool paused = State == ClockState.Suspended;
                EndCycle(at, calendar, ref met, ref breached);
                Start(at, paused);
            }
        }

        public void EndCycle(DateTimeOffset at, BusinessCalendar calendar, ref int met, ref int breached)
        {
            if (State is ClockState.Running or ClockState.Suspended)
            {
                Stop(at, calendar);
                if (_breachAt is null)
                {
                    met++;
                }
                else
                {
                    breached++;
                }
            }
        }

        public readonly SlaClockStatus StatusAt(SlaClockKind kind, DateTimeOffset now, SlaPolicy policy, BusinessCalendar calendar)
        {
            var clock = this;
            if (clock.State == ClockState.Running)
            {
                clock.Accumulate(now, calendar);
            }

            var remaining = clock._elapsed < _target ? _target - clock._elapsed : TimeSpan.Zero;
            double consumed = clock._elapsed.Ticks / (double)_target.Ticks;
            var risk = consumed >= policy.HighRiskThreshold ? SlaRiskLevel.High : consumed >= policy.AtRiskThreshold ? SlaRiskLevel.Elevated : SlaRiskLevel.None;
            var breachAt = clock._breachAt;
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
                        break;
                    case ClockState.Suspended:
                        status = SlaStatus.Paused;
                        break;
                    default:
                        status = SlaStatus.Met;
                        break;
                }
            }

            return new SlaClockStatus(kind, _target, clock._elapsed, remaining, status, risk, breachAt);
        }

        private void Accumulate(DateTimeOffset until, BusinessCalendar calendar)
        {
            var added = calendar.BusinessTimeBetween(_segmentStart, until);
            if (_breachAt is null && _elapsed + added > _target)
            {
                _breachAt = calendar.AddBusinessTime(_segmentStart, _target - _elapsed);
            }

            _elapsed += added;
            _segmentStart = until;
        }
    }
}
