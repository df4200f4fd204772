using FsCheck.Fluent;
using ServiceQuality.Sla;

namespace ServiceQuality.Testing;

/// <summary>
/// The SLA laws for the host's policy and calendar: consumed business time never decreases as time passes; a pause
/// consumes nothing; a running clock is at risk before it breaches; the days the host expects closed (holidays)
/// consume no business time. Histories come from <see cref="SlaHistories"/>; a violation reports the shrunk history
/// and instants (<see cref="SlaCase"/>) or the smallest closed interval that counted (<see cref="ClosedInterval"/>).
/// </summary>
/// <example>
/// <code>
/// var calendar = BusinessCalendar.Weekdays(london, new TimeOnly(9, 0), new TimeOnly(17, 30), bankHolidays);
/// new SlaLaws(myPolicy, calendar) { ClosedDays = bankHolidays }.CheckAll();
/// </code>
/// </example>
public sealed class SlaLaws
{
    private static readonly SlaClockKind[] Clocks = Enum.GetValues<SlaClockKind>();
    private readonly SlaPolicy _policy;
    private readonly BusinessCalendar _calendar;

    /// <summary>Creates the laws for a policy and a calendar.</summary>
    /// <param name="policy">The host's policy.</param>
    /// <param name="calendar">The host's calendar.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The policy is invalid.</exception>
    public SlaLaws(SlaPolicy policy, BusinessCalendar calendar)
    {
        Histories = new SlaHistories(policy, calendar);
        _policy = policy;
        _calendar = calendar;
        ClosedDays = [.. calendar.Holidays];
        BusinessTime = calendar.BusinessTimeBetween;
    }

    /// <summary>Gets the generator of histories the laws evaluate.</summary>
    public SlaHistories Histories { get; }

    /// <summary>Gets the days (in the calendar's time zone) the host expects closed, e.g. its bank holidays from its own source.</summary>
    /// <value>The calendar's holidays.</value>
    public IReadOnlyCollection<DateOnly> ClosedDays { get; init; }

    /// <summary>Gets the business time between two instants, as the host computes it (a host may check its own implementation, or ours behind its adapter).</summary>
    /// <value>The calendar's <see cref="BusinessCalendar.BusinessTimeBetween"/>.</value>
    public Func<DateTimeOffset, DateTimeOffset, TimeSpan> BusinessTime { get; init; }

    /// <summary>Gets how many inputs each law is tried on, and the seed.</summary>
    /// <value><see cref="LawCheckOptions.Default"/>.</value>
    public LawCheckOptions Options { get; init; } = LawCheckOptions.Default;

    /// <summary>Checks every law.</summary>
    /// <exception cref="LawViolationException">A law does not hold.</exception>
    public void CheckAll()
    {
        ClosedDaysConsumeNothing();
        ConsumedTimeIsMonotone();
        PauseConsumesNothing();
        AtRiskBeforeBreach();
    }

    /// <summary>
    /// Consumed business time is monotone: as the evaluation instant moves later, no clock's elapsed business time
    /// decreases (with no new entry, the update clock stays in its cycle), and the calendar's business time from the
    /// start grows, never faster than wall-clock time.
    /// </summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void ConsumedTimeIsMonotone() => LawCheck.Run("consumed business time is monotone", Histories.Arbitrary, sla =>
    {
        var early = Evaluate(sla.History, sla.FirstAt);
        var late = Evaluate(sla.History, sla.SecondAt);
        foreach (var clock in Clocks)
        {
            LawCheck.That(late[clock].Elapsed >= early[clock].Elapsed, () => $"{clock}: {early[clock].Elapsed} at {sla.FirstAt:u}, then {late[clock].Elapsed} at {sla.SecondAt:u}");
        }

        var start = sla.History[0].At;
        var (first, second) = (BusinessTime(start, sla.FirstAt), BusinessTime(start, sla.SecondAt));
        LawCheck.That(first <= second, () => $"business time from {start:u}: {first} to {sla.FirstAt:u}, then {second} to {sla.SecondAt:u}");
        LawCheck.That(second - first <= sla.SecondAt - sla.FirstAt, () => $"business time {second - first} between {sla.FirstAt:u} and {sla.SecondAt:u} exceeds the wall-clock time");
    }, Options);

    /// <summary>A pause consumes nothing: while every clock is paused, evaluating later changes no clock's elapsed time or status.</summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void PauseConsumesNothing() => LawCheck.Run("a pause consumes nothing", Histories.Arbitrary, sla =>
    {
        var pausedAt = sla.FirstAt;
        SlaEntry[] history = [.. sla.History, SlaEntry.Pause(pausedAt, SlaClocks.All, "SlaLaws")];
        var atPause = Evaluate(history, pausedAt);
        var later = Evaluate(history, sla.SecondAt);
        foreach (var clock in Clocks)
        {
            LawCheck.That(
                later[clock].Elapsed == atPause[clock].Elapsed && later[clock].Status == atPause[clock].Status,
                () => $"{clock}: {atPause[clock]} when paused at {pausedAt:u}; {later[clock]} at {sla.SecondAt:u}");
        }
    }, Options);

    /// <summary>
    /// At risk before breach: a running clock's at-risk instant comes no later than its breach instant; evaluated at the
    /// at-risk instant the clock is at risk, and at the breach instant it has breached.
    /// </summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void AtRiskBeforeBreach() => LawCheck.Run("at risk before breach", Histories.Arbitrary, sla =>
    {
        var now = Evaluate(sla.History, sla.FirstAt);
        foreach (var clock in Clocks)
        {
            var status = now[clock];
            if (status.Status != SlaStatus.Running || status.AtRiskAt is not { } atRisk || status.BreachAt is not { } breach)
            {
                continue;
            }

            LawCheck.That(atRisk <= breach, () => $"{clock}: at risk at {atRisk:u}, after its breach at {breach:u}");
            var then = Evaluate(sla.History, atRisk)[clock];
            LawCheck.That(then.Status is SlaStatus.AtRisk || (atRisk == breach && then.Status == SlaStatus.Breached), () => $"{clock}: at its at-risk instant {atRisk:u} it is {then}");
            var atBreach = Evaluate(sla.History, breach)[clock];
            LawCheck.That(atBreach.Status == SlaStatus.Breached, () => $"{clock}: at its breach instant {breach:u} it is {atBreach}");
        }
    }, Options);

    /// <summary>The days the host expects closed consume no business time: any interval inside one of <see cref="ClosedDays"/> has none.</summary>
    /// <exception cref="LawViolationException">The law does not hold; the counterexample is the smallest <see cref="ClosedInterval"/> found.</exception>
    public void ClosedDaysConsumeNothing()
    {
        if (ClosedDays.Count == 0)
        {
            return;
        }

        var days = ClosedDays.Order().ToArray();
        var gen = from day in Gen.Elements(days)
                  from a in Gen.Choose(0, (23 * 60) - 1)
                  from b in Gen.Choose(0, (23 * 60) - 1)
                  select Interval(day, Math.Min(a, b), Math.Max(a, b) + 1);
        LawCheck.Run("closed days consume nothing", Arb.From(gen, ShrinkInterval), interval =>
        {
            var counted = BusinessTime(interval.From, interval.To);
            LawCheck.That(counted == TimeSpan.Zero, () => $"{counted} of business time counted on a closed day");
        }, Options);
    }

    private SlaEvaluation Evaluate(IReadOnlyList<SlaEntry> history, DateTimeOffset now) => SlaEvaluator.Evaluate([.. history], _policy, _calendar, now);

    private ClosedInterval Interval(DateOnly day, int fromMinute, int toMinute)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var start = new DateTimeOffset(midnight, _calendar.TimeZone.GetUtcOffset(midnight));
        return new ClosedInterval { Day = day, From = start.AddMinutes(fromMinute), To = start.AddMinutes(toMinute) };
    }

    private IEnumerable<ClosedInterval> ShrinkInterval(ClosedInterval interval)
    {
        var midnight = interval.Day.ToDateTime(TimeOnly.MinValue);
        var start = new DateTimeOffset(midnight, _calendar.TimeZone.GetUtcOffset(midnight));
        var a = (int)(interval.From - start).TotalMinutes;
        var b = (int)(interval.To - start).TotalMinutes;
        if (b - a > 1)
        {
            var middle = a + ((b - a) / 2);
            yield return Interval(interval.Day, a, middle);
            yield return Interval(interval.Day, middle, b);
            yield return Interval(interval.Day, a, b - 1);
            yield return Interval(interval.Day, a + 1, b);
        }
    }
}
