using System.Collections.Frozen;
using System.Globalization;

namespace ServiceQuality.Sla;

/// <summary>A working period on one weekday, in the calendar's local time: from <see cref="Opens"/> to <see cref="Closes"/> (which may be 24:00).</summary>
/// <param name="Day">The weekday.</param>
/// <param name="Opens">The local time of day the period starts; from 00:00 to before 24:00.</param>
/// <param name="Closes">The local time of day the period ends; after <paramref name="Opens"/>, up to 24:00 (<c>TimeSpan.FromHours(24)</c>).</param>
public readonly record struct WorkingHours(DayOfWeek Day, TimeSpan Opens, TimeSpan Closes);

/// <summary>
/// When business time runs: working hours per weekday in a time zone, minus holidays. Business time between two
/// instants is the length of the working periods between them, measured on the real timeline, so a period spanning a
/// daylight-saving change counts the hours that actually passed. <see cref="AlwaysOpen"/> (24x7) is the default.
/// Immutable and thread-safe.
/// </summary>
public sealed class BusinessCalendar
{
    private const int MaxDaysSearched = 3 * 366 + 31;
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private readonly WorkingHours[][] _byDay;
    private readonly FrozenSet<DateOnly> _holidays;

    /// <summary>Creates a calendar.</summary>
    /// <param name="timeZone">The time zone the working hours and holidays are in (e.g. <c>TimeZoneInfo.FindSystemTimeZoneById("Europe/London")</c>).</param>
    /// <param name="hours">The working periods; at least one. Periods on the same weekday must not overlap.</param>
    /// <param name="holidays">Local dates on which no business time runs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> or <paramref name="hours"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A period is out of range, periods overlap, or there are none; the message lists every problem.</exception>
    public BusinessCalendar(TimeZoneInfo timeZone, IEnumerable<WorkingHours> hours, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(hours);
        TimeZone = timeZone;
        Hours = [.. hours.OrderBy(h => h.Day).ThenBy(h => h.Opens)];
        _holidays = (holidays ?? []).ToFrozenSet();
        List<string>? problems = null;
        if (Hours.Count == 0)
        {
            OptionProblems.Add(ref problems, "hours is empty; valid: at least one working period.");
        }

        foreach (var period in Hours)
        {
            if (!Enum.IsDefined(period.Day))
            {
                OptionProblems.Add(ref problems, $"{period} has Day {(int)period.Day}; valid: Sunday to Saturday.");
            }

            if (period.Opens < TimeSpan.Zero || period.Opens >= Day || period.Closes <= period.Opens || period.Closes > Day)
            {
                OptionProblems.Add(ref problems, $"{period.Day} {H(period.Opens)}-{H(period.Closes)} is out of range; valid: 00:00 <= Opens < Closes <= 24:00.");
            }
        }

        _byDay = new WorkingHours[7][];
        for (int d = 0; d < 7; d++)
        {
            _byDay[d] = [.. Hours.Where(h => (int)h.Day == d)];
            for (int i = 1; i < _byDay[d].Length; i++)
            {
                if (_byDay[d][i].Opens < _byDay[d][i - 1].Closes)
                {
                    OptionProblems.Add(ref problems, $"{(DayOfWeek)d} {H(_byDay[d][i - 1].Opens)}-{H(_byDay[d][i - 1].Closes)} overlaps {H(_byDay[d][i].Opens)}-{H(_byDay[d][i].Closes)}; valid: periods on the same day do not overlap.");
                }
            }
        }

        OptionProblems.ThrowIfAny(problems, nameof(hours));
        IsAlwaysOpen = _holidays.Count == 0 && _byDay.All(d => d.Length == 1 && d[0].Opens == TimeSpan.Zero && d[0].Closes == Day);
    }

    /// <summary>Gets the calendar in which business time is wall time: open 24 hours a day, 7 days a week, no holidays (UTC).</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeSpan.Zero, Day)));

    /// <summary>Gets the time zone of the working hours and holidays.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Gets the working periods, by weekday and opening time.</summary>
    public IReadOnlyList<WorkingHours> Hours { get; }

    /// <summary>Gets the local dates on which no business time runs.</summary>
    public IReadOnlySet<DateOnly> Holidays => _holidays;

    /// <summary>Gets a value indicating whether business time is wall time (24x7, no holidays).</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>Creates a calendar open from <paramref name="opens"/> to <paramref name="closes"/> Monday to Friday.</summary>
    /// <param name="timeZone">The time zone.</param>
    /// <param name="opens">The local opening time.</param>
    /// <param name="closes">The local closing time.</param>
    /// <param name="holidays">Local dates on which no business time runs.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException"><paramref name="closes"/> is not after <paramref name="opens"/>.</exception>
    public static BusinessCalendar Weekdays(TimeZoneInfo timeZone, TimeOnly opens, TimeOnly closes, IEnumerable<DateOnly>? holidays = null) => new(
        timeZone,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingHours(d, opens.ToTimeSpan(), closes.ToTimeSpan())),
        holidays);

    /// <summary>Gets the business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    /// <param name="from">The start instant.</param>
    /// <param name="to">The end instant.</param>
    /// <returns>The business time; never more than <c>to - from</c>.</returns>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        long ticks = 0;
        var last = LocalDate(to);
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            if (_holidays.Contains(date))
            {
                continue;
            }

            foreach (var period in _byDay[(int)date.DayOfWeek])
            {
                var start = ToInstant(date, period.Opens);
                var end = ToInstant(date, period.Closes);
                var a = start > from ? start : from;
                var b = end < to ? end : to;
                if (b > a)
                {
                    ticks += (b - a).Ticks;
                }
            }
        }

        return new TimeSpan(ticks);
    }

    /// <summary>Gets the instant at which <paramref name="amount"/> of business time has run from <paramref name="start"/>.</summary>
    /// <param name="start">The start instant.</param>
    /// <param name="amount">The business time; zero returns <paramref name="start"/>.</param>
    /// <returns>The instant, in the calendar's time zone offset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working time within about three years of <paramref name="start"/> (e.g. every day a holiday).</exception>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
        {
            return start;
        }

        if (IsAlwaysOpen)
        {
            return TimeZoneInfo.ConvertTime(start + amount, TimeZone);
        }

        var remaining = amount;
        var date = LocalDate(start);
        for (int i = 0; i < MaxDaysSearched; i++, date = date.AddDays(1))
        {
            if (_holidays.Contains(date))
            {
                continue;
            }

            foreach (var period in _byDay[(int)date.DayOfWeek])
            {
                var end = ToInstant(date, period.Closes);
                if (end <= start)
                {
                    continue;
                }

                var from = ToInstant(date, period.Opens);
                if (from < start)
                {
                    from = start;
                }

                var available = end - from;
                if (available >= remaining)
                {
                    return TimeZoneInfo.ConvertTime(from + remaining, TimeZone);
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException(
            $"The calendar has no working time left within {MaxDaysSearched} days of {start.ToString("O", CultureInfo.InvariantCulture)}; check its working hours and holidays.");
    }

    /// <summary>Tells whether business time is running at <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> inside a working period on a day that is not a holiday.</returns>
    public bool IsOpenAt(DateTimeOffset instant) => BusinessTimeBetween(instant, instant.AddTicks(1)) > TimeSpan.Zero;

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The instant of a local date and time of day. A time in a spring-forward gap is moved to the end of the gap; an ambiguous time takes standard time.</summary>
    private DateTimeOffset ToInstant(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).Add(timeOfDay);
        if (TimeZone.IsInvalidTime(local))
        {
            local = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
            for (int i = 0; i < 24 * 60 && TimeZone.IsInvalidTime(local); i++)
            {
                local = local.AddMinutes(1);
            }
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, TimeZone), TimeSpan.Zero);
    }

    private static string H(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";
}
