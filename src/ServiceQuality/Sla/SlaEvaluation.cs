using System.Collections;
using System.Runtime.CompilerServices;

namespace ServiceQuality.Sla;

/// <summary>One clock's state at the instant of evaluation.</summary>
public readonly record struct SlaClockStatus
{
    internal SlaClockStatus(SlaClockKind clock, TimeSpan target, TimeSpan elapsed, TimeSpan remaining, SlaStatus status, SlaRiskLevel risk, DateTimeOffset? breachAt, DateTimeOffset? atRiskAt, int cycle)
    {
        Clock = clock;
        Target = target;
        Elapsed = elapsed;
        Remaining = remaining;
        Status = status;
        Risk = risk;
        BreachAt = breachAt;
        AtRiskAt = atRiskAt;
        Cycle = cycle;
    }

    /// <summary>Gets which clock.</summary>
    public SlaClockKind Clock { get; }

    /// <summary>Gets the business time allowed (the target of the policy in force for this clock).</summary>
    public TimeSpan Target { get; }

    /// <summary>Gets the business time counted so far (paused time never counts); for the update clock, in the current cycle.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets the business time left before the target (zero once breached).</summary>
    public TimeSpan Remaining { get; }

    /// <summary>Gets the status: running, paused, met, at risk, breached or stopped.</summary>
    public SlaStatus Status { get; }

    /// <summary>Gets how much of the target is consumed, against the policy's thresholds.</summary>
    public SlaRiskLevel Risk { get; }

    /// <summary>Gets the instant (UTC) the clock breached (past) or will breach if it keeps running from now (projected); <see langword="null"/> when it ended or is paused within target.</summary>
    public DateTimeOffset? BreachAt { get; }

    /// <summary>Gets, for a <see cref="SlaStatus.Running"/> clock, the instant (UTC) it will become <see cref="SlaStatus.AtRisk"/> if it keeps running; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? AtRiskAt { get; }

    /// <summary>Gets which cycle of the clock this is, from 1: each client-visible update starts a new cycle of the update clock; the other clocks have one cycle (0 before the clock starts).</summary>
    public int Cycle { get; }

    /// <summary>Gets the fraction of the target consumed (1 or more once breached).</summary>
    public double Consumed => Target.Ticks == 0 ? 0 : Elapsed.Ticks / (double)Target.Ticks;
}

/// <summary>The next instant an SLA clock changes status by itself, as time passes: it becomes at risk, or it breaches.</summary>
public readonly record struct SlaDue
{
    internal SlaDue(SlaClockKind clock, SlaStatus status, DateTimeOffset at)
    {
        Clock = clock;
        Status = status;
        At = at;
    }

    /// <summary>Gets the clock.</summary>
    public SlaClockKind Clock { get; }

    /// <summary>Gets the status it reaches: <see cref="SlaStatus.AtRisk"/> or <see cref="SlaStatus.Breached"/>.</summary>
    public SlaStatus Status { get; }

    /// <summary>Gets when (if nothing happens before).</summary>
    public DateTimeOffset At { get; }
}

/// <summary>
/// The status of every clock, one entry a <see cref="SlaClockKind"/> in kind order (so <c>Clocks[kind]</c> is that clock).
/// A value type with the statuses inline: reading it allocates nothing.
/// </summary>
public readonly struct SlaClockList : IReadOnlyList<SlaClockStatus>, IEquatable<SlaClockList>
{
    /// <summary>The number of clocks: one a <see cref="SlaClockKind"/> value.</summary>
    internal const int Capacity = 3;

    private readonly Buffer _items;

    internal SlaClockList(in Buffer items) => _items = items;

    /// <summary>Gets the number of clocks.</summary>
    public int Count => Capacity;

    /// <summary>Gets the status of the clock at <paramref name="index"/> (the <see cref="SlaClockKind"/> value).</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The clock's status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public SlaClockStatus this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
            return _items[index];
        }
    }

    /// <summary>Gets the status of one clock.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The clock's status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clock"/> is not a defined clock.</exception>
    public SlaClockStatus this[SlaClockKind clock] => Get(clock);

    /// <summary>Gets the status of one clock.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The clock's status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clock"/> is not a defined clock.</exception>
    public SlaClockStatus Get(SlaClockKind clock)
    {
        if ((uint)clock >= Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(clock), clock, "Valid clocks: Acknowledge, Update, Resolve.");
        }

        return _items[(int)clock];
    }

    /// <summary>Returns an enumerator over the clocks in kind order (allocation-free in a <c>foreach</c>).</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SlaClockStatus> IEnumerable<SlaClockStatus>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(SlaClockList other)
    {
        for (int i = 0; i < Capacity; i++)
        {
            if (!_items[i].Equals(other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SlaClockList other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        for (int i = 0; i < Capacity; i++)
        {
            hash.Add(_items[i]);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", this)}]";

    /// <summary>Tells whether two lists hold the same statuses.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when every clock's status is equal.</returns>
    public static bool operator ==(SlaClockList left, SlaClockList right) => left.Equals(right);

    /// <summary>Tells whether two lists differ.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when some clock's status differs.</returns>
    public static bool operator !=(SlaClockList left, SlaClockList right) => !left.Equals(right);

    /// <summary>Enumerates the clocks of a <see cref="SlaClockList"/> in kind order.</summary>
    public struct Enumerator : IEnumerator<SlaClockStatus>
    {
        private readonly SlaClockList _list;
        private int _index;

        internal Enumerator(SlaClockList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>Gets the current clock.</summary>
        public readonly SlaClockStatus Current => _list._items[_index];

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next clock.</summary>
        /// <returns><see langword="false"/> after the last one.</returns>
        public bool MoveNext() => ++_index < Capacity;

        /// <summary>Moves before the first clock.</summary>
        public void Reset() => _index = -1;

        /// <summary>Does nothing (nothing to release).</summary>
        public readonly void Dispose()
        {
        }
    }

    [InlineArray(Capacity)]
    internal struct Buffer
    {
        private SlaClockStatus _element;
    }
}

/// <summary>The SLA of one history at one instant: every clock (a list keyed by <see cref="SlaClockKind"/>) and the update cycles so far.</summary>
public readonly record struct SlaEvaluation
{
    internal SlaEvaluation(DateTimeOffset at, SlaClockList clocks, int updateCyclesMet, int updateCyclesBreached)
    {
        At = at;
        Clocks = clocks;
        UpdateCyclesMet = updateCyclesMet;
        UpdateCyclesBreached = updateCyclesBreached;
    }

    /// <summary>Gets the instant evaluated.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Gets each clock's status, indexed by <see cref="SlaClockKind"/>.</summary>
    public SlaClockList Clocks { get; }

    /// <summary>Gets the number of update cycles that ended with a client-visible update (or a resolution) within the interval.</summary>
    public int UpdateCyclesMet { get; }

    /// <summary>Gets the number of update cycles that exceeded the interval, the current one included when it has breached.</summary>
    public int UpdateCyclesBreached { get; }

    /// <summary>Gets the status of one clock (the same as <c>Clocks[clock]</c>).</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The clock's status.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clock"/> is not a defined clock.</exception>
    public SlaClockStatus this[SlaClockKind clock] => Clocks.Get(clock);

    /// <summary>Gets the acknowledge clock (a convenience for <c>Clocks[SlaClockKind.Acknowledge]</c>).</summary>
    public SlaClockStatus Acknowledge => Clocks.Get(SlaClockKind.Acknowledge);

    /// <summary>Gets the update clock's current cycle (a convenience for <c>Clocks[SlaClockKind.Update]</c>).</summary>
    public SlaClockStatus Update => Clocks.Get(SlaClockKind.Update);

    /// <summary>Gets the resolve clock (a convenience for <c>Clocks[SlaClockKind.Resolve]</c>).</summary>
    public SlaClockStatus Resolve => Clocks.Get(SlaClockKind.Resolve);

    /// <summary>Gets the most serious status of the clocks: Breached, then AtRisk, Running, Paused, Stopped, Met.</summary>
    public SlaStatus WorstStatus
    {
        get
        {
            var worst = SlaStatus.Met;
            foreach (var clock in Clocks)
            {
                if (Rank(clock.Status) > Rank(worst))
                {
                    worst = clock.Status;
                }
            }

            return worst;

            static int Rank(SlaStatus s) => s switch
            {
                SlaStatus.Breached => 5, SlaStatus.AtRisk => 4, SlaStatus.Running => 3, SlaStatus.Paused => 2, SlaStatus.Stopped => 1, _ => 0,
            };
        }
    }

    /// <summary>
    /// Gets the next instant a clock changes status by itself if nothing happens: the earliest <see cref="SlaClockStatus.AtRiskAt"/>
    /// or projected <see cref="SlaClockStatus.BreachAt"/> of the running clocks (ties go to the lower clock kind, at-risk
    /// before breach). <see langword="null"/> when every clock is paused, ended or already breached.
    /// </summary>
    public SlaDue? NextDue
    {
        get
        {
            SlaDue? next = null;
            foreach (var clock in Clocks)
            {
                if (clock.Status == SlaStatus.Running && clock.AtRiskAt is { } atRisk && (next is null || atRisk < next.Value.At))
                {
                    next = new SlaDue(clock.Clock, SlaStatus.AtRisk, atRisk);
                }

                if (clock.Status is SlaStatus.Running or SlaStatus.AtRisk && clock.BreachAt is { } breach && (next is null || breach < next.Value.At))
                {
                    next = new SlaDue(clock.Clock, SlaStatus.Breached, breach);
                }
            }

            return next;
        }
    }
}
