using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ServiceQuality.Sla;

/// <summary>
/// A working period that opens on one weekday, in the calendar's local time: from <see cref="Opens"/> to <see cref="Closes"/>.
/// A period whose <see cref="Closes"/> is not after <see cref="Opens"/> crosses midnight and ends the next day
/// (22:00-06:00 is an overnight shift); 00:00-24:00 is the whole day.
/// </summary>
public readonly record struct WorkingHours
{
    private static readonly TimeSpan FullDay = TimeSpan.FromHours(24);

    /// <summary>Initializes a working period (checked when a <see cref="BusinessCalendar"/> is built from it).</summary>
    /// <param name="day">The weekday the period opens on.</param>
    /// <param name="opens">The local time of day the period starts; from 00:00 to before 24:00.</param>
    /// <param name="closes">The local time of day the period ends; after 00:00, up to 24:00 (<c>TimeSpan.FromHours(24)</c>), and not equal to <paramref name="opens"/>; at or before <paramref name="opens"/> means the next day.</param>
    [SetsRequiredMembers]
    public WorkingHours(DayOfWeek day, TimeSpan opens, TimeSpan closes)
    {
        Day = day;
        Opens = opens;
        Closes = closes;
    }

    /// <summary>Gets the weekday the period opens on.</summary>
    public required DayOfWeek Day { get; init; }

    /// <summary>Gets the local time of day the period starts; from 00:00 to before 24:00.</summary>
    public required TimeSpan Opens { get; init; }

    /// <summary>Gets the local time of day the period ends; after 00:00, up to 24:00 (<c>TimeSpan.FromHours(24)</c>), and not equal to <see cref="Opens"/>; at or before <see cref="Opens"/> means the next day.</summary>
    public required TimeSpan Closes { get; init; }

    /// <summary>Gets a value indicating whether the period ends on the next day (<see cref="Closes"/> at or before <see cref="Opens"/>).</summary>
    public bool CrossesMidnight => Closes <= Opens;

    /// <summary>Gets the period's length in local clock time (a daylight-saving change inside it makes the real length an hour more or less).</summary>
    public TimeSpan Length => CrossesMidnight ? FullDay - Opens + Closes : Closes - Opens;

    /// <inheritdoc/>
    public override string ToString() => $"{Day} {H(Opens)}-{H(Closes)}";

    internal static string H(TimeSpan time) => time.Seconds == 0 && time.Milliseconds == 0
        ? $"{(int)time.TotalHours:00}:{time.Minutes:00}"
        : time.ToString("c", CultureInfo.InvariantCulture);
}

/// <summary>
/// When business time runs: working periods per weekday (split and overnight shifts) in a time zone, minus holidays
/// (dated ones and recurring ones). Business time between two instants is the length of the working periods between
/// them on the real timeline, so a period spanning a daylight-saving change counts the hours that actually passed.
/// A holiday cancels the periods that open on that local date (an overnight period that opened the evening before runs
/// to its end). <see cref="AlwaysOpen"/> (24x7) is the default. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Each UTC year the calendar is asked about is turned once into a table of its open intervals in UTC (daylight saving
/// and holidays applied, overlapping periods merged) with the business time before each one and an index by UTC time,
/// so <see cref="BusinessTimeBetween"/>, <see cref="AddBusinessTime"/> and <see cref="IsOpenAt"/> cost a table lookup,
/// never a walk over days or minutes. A table holds a few hundred intervals (about 15 KB for a weekday calendar).
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>How many consecutive years without any working time <see cref="AddBusinessTime"/> searches before giving up.</summary>
    private const int MaxEmptyYears = 3;

    private static readonly TimeSpan FullDay = TimeSpan.FromHours(24);
    private readonly WorkingHours[][] _byDay;
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly ConcurrentDictionary<int, YearTable> _tables = new();
    private readonly ConcurrentDictionary<int, long> _yearTotals = new();

    /// <summary>Creates a calendar.</summary>
    /// <param name="timeZone">The time zone the working hours and holidays are in (e.g. <c>TimeZoneInfo.FindSystemTimeZoneById("Europe/London")</c>).</param>
    /// <param name="hours">The working periods; at least one. Periods must not overlap, counting overnight periods into the next day.</param>
    /// <param name="holidays">Local dates on which no working period opens.</param>
    /// <param name="recurringHolidays">Holidays that come back every year (fixed dates, n-th weekdays, Easter-relative days).</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> or <paramref name="hours"/> is <see langword="null"/>, or a recurring holiday is.</exception>
    /// <exception cref="InvalidOptionsException">A period is out of range, periods overlap, or there are none; the message lists every problem.</exception>
    public BusinessCalendar(TimeZoneInfo timeZone, IEnumerable<WorkingHours> hours, IEnumerable<DateOnly>? holidays = null, IEnumerable<RecurringHoliday>? recurringHolidays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(hours);
        TimeZone = timeZone;
        var given = hours.ToArray();
        Hours = [.. given.OrderBy(h => h.Day).ThenBy(h => h.Opens)];
        _holidays = (holidays ?? []).ToFrozenSet();
        RecurringHolidays = [.. recurringHolidays ?? []];
        foreach (var holiday in RecurringHolidays)
        {
            ArgumentNullException.ThrowIfNull(holiday, nameof(recurringHolidays));
        }

        List<string>? problems = null;
        if (given.Length == 0)
        {
            OptionProblems.Add(ref problems, "hours is empty; valid: at least one working period.");
        }

        CollectProblems(given, i => given[i].ToString(), ref problems);
        OptionProblems.ThrowIfAny(problems, nameof(hours));
        _byDay = new WorkingHours[7][];
        for (int d = 0; d < 7; d++)
        {
            _byDay[d] = [.. Hours.Where(h => (int)h.Day == d)];
        }

        IsAlwaysOpen = _holidays.Count == 0 && RecurringHolidays.Count == 0
            && _byDay.All(d => d.Length == 1 && d[0].Opens == TimeSpan.Zero && d[0].Closes == FullDay);
    }

    /// <summary>Gets the calendar in which business time is wall time: open 24 hours a day, 7 days a week, no holidays (UTC).</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeSpan.Zero, FullDay)));

    /// <summary>Gets the time zone of the working hours and holidays.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Gets the working periods, by weekday and opening time.</summary>
    public IReadOnlyList<WorkingHours> Hours { get; }

    /// <summary>Gets the dated holidays: local dates on which no working period opens.</summary>
    public IReadOnlySet<DateOnly> Holidays => _holidays;

    /// <summary>Gets the holidays that come back every year.</summary>
    public IReadOnlyList<RecurringHoliday> RecurringHolidays { get; }

    /// <summary>Gets a value indicating whether business time is wall time (24x7, no holidays).</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>Creates a calendar open from <paramref name="opens"/> to <paramref name="closes"/> Monday to Friday.</summary>
    /// <param name="timeZone">The time zone.</param>
    /// <param name="opens">The local opening time.</param>
    /// <param name="closes">The local closing time (before <paramref name="opens"/>: an overnight shift).</param>
    /// <param name="holidays">Local dates on which no business time runs.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="InvalidOptionsException"><paramref name="closes"/> equals <paramref name="opens"/>.</exception>
    public static BusinessCalendar Weekdays(TimeZoneInfo timeZone, TimeOnly opens, TimeOnly closes, IEnumerable<DateOnly>? holidays = null) => new(
        timeZone,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingHours(d, opens.ToTimeSpan(), closes == TimeOnly.MinValue ? FullDay : closes.ToTimeSpan())),
        holidays);

    /// <summary>Tells whether a local date is a holiday (dated or recurring).</summary>
    /// <param name="date">The local date.</param>
    /// <returns><see langword="true"/> when no working period opens on it because of a holiday.</returns>
    public bool IsHoliday(DateOnly date)
    {
        if (_holidays.Contains(date))
        {
            return true;
        }

        foreach (var holiday in RecurringHolidays)
        {
            if (holiday.DateIn(date.Year) == date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the holidays of a year, dated and recurring, in date order without repeats.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The local dates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public IReadOnlyList<DateOnly> HolidaysIn(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        return [.. _holidays.Where(d => d.Year == year).Concat(RecurringHolidays.Select(h => h.DateIn(year)).OfType<DateOnly>()).Distinct().Order()];
    }

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

        var cursor = default(Cursor);
        long start = PositionOf(from.UtcTicks, ref cursor);
        return new TimeSpan(PositionOf(to.UtcTicks, ref cursor) - start);
    }

    /// <summary>Gets the instant at which <paramref name="amount"/> of business time has run from <paramref name="start"/>.</summary>
    /// <param name="start">The start instant.</param>
    /// <param name="amount">The business time; zero returns <paramref name="start"/>.</param>
    /// <returns>The instant, in the calendar's time zone offset; when the amount runs out exactly at a closing time, that closing time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working time for three years in a row after <paramref name="start"/> (e.g. every day a holiday), or none before the end of year 9999.</exception>
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

        var cursor = default(Cursor);
        long end = InstantAt(PositionOf(start.UtcTicks, ref cursor) + amount.Ticks, ref cursor);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(end, TimeSpan.Zero), TimeZone);
    }

    /// <summary>Tells whether business time is running at <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> inside a working period that opened on a day that is not a holiday.</returns>
    public bool IsOpenAt(DateTimeOffset instant) => IsAlwaysOpen || TableOf(YearOf(instant.UtcTicks)).IsOpen(instant.UtcTicks);

    /// <summary>
    /// The position of an instant on the calendar's business timeline: the business time (in ticks) from the start of the
    /// cursor's first year, so the business time between two instants is the difference of their positions. On a 24x7
    /// calendar the position is the instant's UTC ticks. The cursor remembers the year it last looked at (O(1) within it).
    /// </summary>
    internal long PositionOf(long utcTicks, ref Cursor cursor)
    {
        if (IsAlwaysOpen)
        {
            return utcTicks;
        }

        var table = cursor.Table;
        if (table is null || utcTicks < table.Start || utcTicks >= table.End)
        {
            table = MoveTo(ref cursor, YearOf(utcTicks));
        }

        return cursor.Base + table.Before(utcTicks);
    }

    /// <summary>The instant (UTC ticks) at which the business timeline reaches <paramref name="position"/> (after a <see cref="PositionOf"/> with the same cursor); a position reached exactly at a closing time gives that closing time.</summary>
    internal long InstantAt(long position, ref Cursor cursor)
    {
        if (IsAlwaysOpen)
        {
            return position;
        }

        var table = cursor.Table!;
        long before = cursor.Base, total = table.Total;
        int year = table.Year, emptyYears = 0;
        while (position > before + total)
        {
            emptyYears = total == 0 ? emptyYears + 1 : 0;
            if (year == 9999 || emptyYears == MaxEmptyYears)
            {
                throw new InvalidOperationException(
                    $"The calendar has no working time left {(year == 9999 ? "before the end of year 9999" : $"for {MaxEmptyYears} years in a row")}; check its working hours and holidays.");
            }

            before += total;
            total = TotalOf(++year);
        }

        while (position <= before && year > 1)
        {
            total = TotalOf(--year);
            before -= total;
        }

        if (year != table.Year)
        {
            table = TableOf(year);
        }

        return table.InstantOf(position - before);
    }

    private static int YearOf(long utcTicks) => new DateTime(utcTicks, DateTimeKind.Utc).Year;

    /// <summary>Moves a cursor to a year, adding or taking the business time of the years in between.</summary>
    private YearTable MoveTo(ref Cursor cursor, int year)
    {
        var table = cursor.Table;
        long before = cursor.Base;
        if (table is not null)
        {
            for (int y = table.Year; y < year; y++)
            {
                before += TotalOf(y);
            }

            for (int y = table.Year - 1; y >= year; y--)
            {
                before -= TotalOf(y);
            }
        }

        table = TableOf(year);
        cursor = new Cursor(table, before);
        return table;
    }

    /// <summary>Checks working periods: each in range, none overlapping another on the weekly cycle (overnight periods reach into the next day).</summary>
    /// <param name="hours">The periods.</param>
    /// <param name="label">Names the period at an index in the messages (e.g. its configuration key).</param>
    /// <param name="problems">Where problems are added.</param>
    internal static void CollectProblems(IReadOnlyList<WorkingHours> hours, Func<int, string> label, ref List<string>? problems)
    {
        var valid = new List<(long Start, long End, int Index)>();
        for (int i = 0; i < hours.Count; i++)
        {
            var period = hours[i];
            bool ok = true;
            if (!Enum.IsDefined(period.Day))
            {
                OptionProblems.Add(ref problems, $"{label(i)} has Day {(int)period.Day}; valid: Sunday to Saturday.");
                ok = false;
            }

            if (period.Opens < TimeSpan.Zero || period.Opens >= FullDay || period.Closes <= TimeSpan.Zero || period.Closes > FullDay || period.Closes == period.Opens)
            {
                OptionProblems.Add(ref problems, $"{label(i)} is out of range; valid: 00:00 <= Opens < 24:00, 00:00 < Closes <= 24:00, Closes != Opens (Closes before Opens: an overnight period).");
                ok = false;
            }

            if (ok)
            {
                long start = ((int)period.Day * FullDay.Ticks) + period.Opens.Ticks;
                valid.Add((start, start + period.Length.Ticks, i));
            }
        }

        // Overlaps on the weekly circle: sorted by start, each period against the next, and the last wrapping into the first.
        valid.Sort((x, y) => x.Start.CompareTo(y.Start));
        long week = 7 * FullDay.Ticks;
        for (int i = 0; i < valid.Count; i++)
        {
            var a = valid[i];
            var b = valid[(i + 1) % valid.Count];
            long bStart = i + 1 < valid.Count ? b.Start : b.Start + week;
            if (valid.Count > 1 && a.End > bStart)
            {
                OptionProblems.Add(ref problems, $"{label(a.Index)} overlaps {label(b.Index)}; valid: periods that do not overlap (an overnight period reaches into the next day).");
            }
        }
    }

    private YearTable TableOf(int year) => _tables.TryGetValue(year, out var table) ? table : _tables.GetOrAdd(year, static (y, calendar) => new YearTable(calendar, y), this);

    /// <summary>The business time of a whole UTC year, without keeping its table (for the years a long span crosses).</summary>
    private long TotalOf(int year) =>
        _tables.TryGetValue(year, out var table) ? table.Total : _yearTotals.GetOrAdd(year, static (y, calendar) => new YearTable(calendar, y).Total, this);

    /// <summary>The UTC instant (in ticks) of a local date and time of day. A time in a spring-forward gap moves to the end of the gap; an ambiguous time takes standard time (the later instant).</summary>
    private long ToUtcTicks(DateOnly date, TimeSpan timeOfDay)
    {
        var local = new DateTime(date.DayNumber * TimeSpan.TicksPerDay + timeOfDay.Ticks, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            local = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
            for (int i = 0; i < 24 * 60 && TimeZone.IsInvalidTime(local); i++)
            {
                local = local.AddMinutes(1);
            }
        }

        return Math.Clamp(local.Ticks - TimeZone.GetUtcOffset(local).Ticks, 0, DateTime.MaxValue.Ticks);
    }

    /// <summary>Where a walk along the business timeline is: the table of a UTC year and the business time before it.</summary>
    internal readonly struct Cursor(YearTable table, long before)
    {
        /// <summary>Gets the year's table (<see langword="null"/> before the first position).</summary>
        public YearTable? Table { get; } = table;

        /// <summary>Gets the business time (ticks) from the cursor's first year to the start of <see cref="Table"/>'s year.</summary>
        public long Base { get; } = before;
    }

    /// <summary>The open intervals of one UTC year, in UTC ticks, with the business time before each and an index by UTC time bucket.</summary>
    internal sealed class YearTable
    {
        /// <summary>Index buckets are 2^38 ticks (about 7.6 hours) long, so finding one is a shift, not a division.</summary>
        private const int BucketShift = 38;
        private readonly long[] _opens;
        private readonly long[] _closes;
        private readonly long[] _before;
        private readonly int[] _bucketFirst;
        private readonly int _count;

        public YearTable(BusinessCalendar calendar, int year)
        {
            Year = year;
            Start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
            End = year == 9999 ? DateTime.MaxValue.Ticks + 1 : new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

            // Local dates whose periods may reach into this UTC year: offsets are within a day, periods at most a day long.
            var recurring = new HashSet<DateOnly>();
            for (int y = Math.Max(1, year - 1); y <= Math.Min(9999, year + 1); y++)
            {
                foreach (var holiday in calendar.RecurringHolidays)
                {
                    if (holiday.DateIn(y) is { } date)
                    {
                        recurring.Add(date);
                    }
                }
            }

            var intervals = new List<(long Open, long Close)>(400);
            int firstDay = Math.Max(DateOnly.MinValue.DayNumber, new DateOnly(year, 1, 1).DayNumber - 2);
            int lastDay = Math.Min(DateOnly.MaxValue.DayNumber - 1, new DateOnly(year, 12, 31).DayNumber + 2);
            for (int dayNumber = firstDay; dayNumber <= lastDay; dayNumber++)
            {
                var date = DateOnly.FromDayNumber(dayNumber);
                if (calendar._holidays.Contains(date) || recurring.Contains(date))
                {
                    continue;
                }

                foreach (var period in calendar._byDay[(int)date.DayOfWeek])
                {
                    long open = Math.Max(calendar.ToUtcTicks(date, period.Opens), Start);
                    long close = Math.Min(
                        period.CrossesMidnight ? calendar.ToUtcTicks(date.AddDays(1), period.Closes) : calendar.ToUtcTicks(date, period.Closes), End);
                    if (close > open)
                    {
                        intervals.Add((open, close));
                    }
                }
            }

            // The union of the intervals (a daylight-saving change can make neighbours touch or overlap), in order.
            intervals.Sort();
            var opens = new List<long>(intervals.Count);
            var closes = new List<long>(intervals.Count);
            foreach (var (open, close) in intervals)
            {
                if (closes.Count > 0 && open <= closes[^1])
                {
                    closes[^1] = Math.Max(closes[^1], close);
                }
                else
                {
                    opens.Add(open);
                    closes.Add(close);
                }
            }

            _opens = [.. opens];
            _closes = [.. closes];
            _count = _opens.Length;
            _before = new long[_count + 1];
            for (int i = 0; i < _count; i++)
            {
                _before[i + 1] = _before[i] + (_closes[i] - _opens[i]);
            }

            Total = _before[_count];
            _bucketFirst = new int[(int)((End - 1 - Start) >> BucketShift) + 1];
            int index = 0;
            for (int b = 0; b < _bucketFirst.Length; b++)
            {
                long bucketStart = Start + ((long)b << BucketShift);
                while (index < _count && _closes[index] <= bucketStart)
                {
                    index++;
                }

                _bucketFirst[b] = index;
            }
        }

        public int Year { get; }

        /// <summary>Gets the first UTC tick of the year.</summary>
        public long Start { get; }

        /// <summary>Gets the first UTC tick after the year.</summary>
        public long End { get; }

        /// <summary>Gets the business time of the whole year, in ticks.</summary>
        public long Total { get; }

        /// <summary>The business time from the start of the year to <paramref name="t"/> (in the year), in ticks.</summary>
        public long Before(long t)
        {
            int i = IndexAt(t);
            return i < _count && _opens[i] < t ? _before[i] + (t - _opens[i]) : _before[i];
        }

        public bool IsOpen(long t)
        {
            int i = IndexAt(t);
            return i < _count && _opens[i] <= t;
        }

        /// <summary>The instant at which <paramref name="businessTicks"/> (more than zero, at most <see cref="Total"/>) of the year's business time has run.</summary>
        public long InstantOf(long businessTicks)
        {
            int k = Array.BinarySearch(_before, 0, _count + 1, businessTicks);
            if (k >= 0)
            {
                return _closes[k - 1];
            }

            k = ~k - 1;
            return _opens[k] + (businessTicks - _before[k]);
        }

        /// <summary>The first interval that closes after <paramref name="t"/> (<c>_count</c> when none does).</summary>
        private int IndexAt(long t)
        {
            int i = _bucketFirst[(int)((t - Start) >> BucketShift)];
            while (i < _count && _closes[i] <= t)
            {
                i++;
            }

            return i;
        }
    }
}
