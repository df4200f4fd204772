using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Sla;

/// <summary>
/// Random business calendars, instants near daylight-saving changes, and SLA histories (pauses with reasons,
/// re-targets), each drawn from a seed, for the property tests; and independent models of what they must compute.
/// </summary>
internal static class SlaGenerators
{
    public static readonly string[] Zones = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"];

    public static readonly SlaPolicy[] Policies =
    [
        new() { TimeToAcknowledge = TimeSpan.FromHours(2), UpdateInterval = TimeSpan.FromHours(8), TimeToResolve = TimeSpan.FromDays(2) },
        new() { TimeToAcknowledge = TimeSpan.FromMinutes(15), UpdateInterval = TimeSpan.FromHours(1), TimeToResolve = TimeSpan.FromHours(4), AtRiskThreshold = 0.4, HighRiskThreshold = 0.7 },
        new() { TimeToAcknowledge = TimeSpan.FromDays(1), UpdateInterval = TimeSpan.FromDays(3), TimeToResolve = TimeSpan.FromDays(10) },
    ];

    private static readonly string[] Reasons = [SlaPauseReasons.AwaitingClient, SlaPauseReasons.AwaitingThirdParty, SlaPauseReasons.ScheduledChange];

    /// <summary>
    /// A random weekly schedule in a zone: day shifts (some split), overnight shifts and whole days, on a 15-minute grid
    /// whose boundaries avoid 01:00-03:00 local (where daylight-saving gaps and repeats are), plus dated holidays near
    /// <paramref name="near"/> and recurring ones (fixed dates, n-th weekdays, Easter-relative days).
    /// </summary>
    public static BusinessCalendar Calendar(Random random, TimeZoneInfo zone, DateTimeOffset near)
    {
        var periods = new List<WorkingHours>();
        var weekly = new List<(long Start, long End)>();
        long week = TimeSpan.FromDays(7).Ticks;
        for (int attempt = random.Next(1, 14); attempt > 0; attempt--)
        {
            var day = (DayOfWeek)random.Next(7);
            TimeSpan opens, closes;
            switch (random.Next(5))
            {
                case 0 or 1 or 2:
                    opens = Grid(random, 0, 23 * 4 + 3);
                    closes = Grid(random, Index(opens) + 1, 24 * 4);
                    break;
                case 3:
                    opens = Grid(random, 18 * 4, 23 * 4 + 3);
                    closes = Grid(random, 1, 11 * 4 + 3);
                    break;
                default:
                    (opens, closes) = (TimeSpan.Zero, TimeSpan.FromHours(24));
                    break;
            }

            var period = new WorkingHours(day, opens, closes);
            long start = ((int)day * TimeSpan.TicksPerDay) + opens.Ticks, end = start + period.Length.Ticks;
            bool overlaps = weekly.Any(w => Overlap(w.Start, w.End, start, end) || Overlap(w.Start + week, w.End + week, start, end) || Overlap(w.Start, w.End, start + week, end + week));
            if (!overlaps)
            {
                periods.Add(period);
                weekly.Add((start, end));
            }
        }

        var dated = Enumerable.Range(0, random.Next(4)).Select(_ => DateOnly.FromDateTime(near.UtcDateTime).AddDays(random.Next(-6, 12))).ToArray();
        var recurring = new List<RecurringHoliday>();
        if (random.Next(2) == 0)
        {
            recurring.Add(RecurringHoliday.EasterRelative(random.Next(-3, 3)));
        }

        if (random.Next(2) == 0)
        {
            recurring.Add(RecurringHoliday.NthWeekday(near.Month, (DayOfWeek)random.Next(7), random.Next(2) == 0 ? random.Next(1, 5) : -random.Next(1, 3)));
        }

        if (random.Next(4) != 0)
        {
            var date = DateOnly.FromDateTime(near.UtcDateTime).AddDays(random.Next(-6, 12));
            recurring.Add(RecurringHoliday.Fixed(date.Month, date.Day));
        }

        return new BusinessCalendar(zone, periods, dated, recurring);

        static bool Overlap(long a0, long a1, long b0, long b1) => a0 < b1 && b0 < a1;
        static int Index(TimeSpan time) => (int)(time.TotalMinutes / 15);

        // A 15-minute grid index from..to (inclusive) as a time of day, skipping 01:00-02:45 local.
        static TimeSpan Grid(Random random, int from, int to)
        {
            int index;
            do
            {
                index = random.Next(from, to + 1);
            }
            while (index is >= 4 and < 12 && from < 12);
            return TimeSpan.FromMinutes(15 * index);
        }
    }

    /// <summary>A UTC instant on a whole minute, within days of a daylight-saving change of the zone in 2026-2027 (or of a turn of the year).</summary>
    public static DateTimeOffset Instant(Random random, TimeZoneInfo zone)
    {
        var anchors = new List<DateTimeOffset> { new(2026, 12, 31, 12, 0, 0, TimeSpan.Zero) };
        for (var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); day.Year < 2028; day = day.AddDays(1))
        {
            if (zone.GetUtcOffset(day) != zone.GetUtcOffset(day.AddDays(1)))
            {
                anchors.Add(day);
            }
        }

        return anchors[random.Next(anchors.Count)].AddMinutes(random.Next(-5 * 24 * 60, 5 * 24 * 60));
    }

    /// <summary>Whether business time runs in the minute starting at <paramref name="minute"/>, read off the calendar's definition one local minute at a time.</summary>
    public static bool IsOpenMinute(BusinessCalendar calendar, DateTimeOffset minute)
    {
        var local = TimeZoneInfo.ConvertTime(minute, calendar.TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var yesterday = date.AddDays(-1);
        var time = local.TimeOfDay;
        foreach (var p in calendar.Hours)
        {
            if (p.Day == date.DayOfWeek && !calendar.IsHoliday(date) && time >= p.Opens && (p.CrossesMidnight || time < p.Closes))
            {
                return true;
            }

            if (p.CrossesMidnight && p.Day == yesterday.DayOfWeek && !calendar.IsHoliday(yesterday) && time < p.Closes)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The business time between two whole-minute instants, counted minute by minute from <see cref="IsOpenMinute"/>.</summary>
    public static TimeSpan MinuteByMinute(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        int minutes = 0;
        for (var m = from; m < to; m = m.AddMinutes(1))
        {
            minutes += IsOpenMinute(calendar, m) ? 1 : 0;
        }

        return TimeSpan.FromMinutes(minutes);
    }

    /// <summary>
    /// A time-ordered history from <paramref name="start"/>: acknowledgements, updates, pauses and resumes for three
    /// reasons over random clock sets, resolutions, reopenings, the odd stop, and re-targets to one of
    /// <see cref="Policies"/> (sometimes onto <paramref name="other"/> calendar).
    /// </summary>
    public static SlaEntry[] History(Random random, DateTimeOffset start, int length, BusinessCalendar? other = null)
    {
        var entries = new List<SlaEntry> { new(start, SlaEntryKind.Started) };
        var at = start;
        for (int i = 0; i < length; i++)
        {
            at = at.AddMinutes(random.Next(0, 20 * 60));
            var clocks = (SlaClocks)random.Next(1, 8);
            string reason = Reasons[random.Next(Reasons.Length)];
            entries.Add(random.Next(20) switch
            {
                0 or 1 or 2 => new(at, SlaEntryKind.Acknowledged),
                3 or 4 or 5 or 6 => new(at, SlaEntryKind.ClientUpdate),
                7 or 8 or 9 => SlaEntry.Pause(at, clocks, reason),
                10 or 11 or 12 => SlaEntry.Resume(at, clocks, reason),
                13 or 14 => new(at, SlaEntryKind.Resolved),
                15 or 16 => new(at, SlaEntryKind.Reopened),
                17 => new(at, SlaEntryKind.Stopped),
                _ => SlaEntry.Retarget(at, Policies[random.Next(Policies.Length)], other is not null && random.Next(3) == 0 ? other : null),
            });
        }

        return [.. entries];
    }

    /// <summary>
    /// The business time each clock has counted by <paramref name="now"/>, by an independent model: the clock's running
    /// spans (started, not ended, no pause reason covering it) between consecutive entries, each measured with
    /// <see cref="BusinessCalendar.BusinessTimeBetween"/> on the calendar in force; the update clock restarts each cycle.
    /// </summary>
    public static TimeSpan ModelElapsed(SlaClockKind clock, ReadOnlySpan<SlaEntry> history, BusinessCalendar calendar, DateTimeOffset now)
    {
        var pauses = new Dictionary<string, SlaClocks>(StringComparer.Ordinal);
        bool started = false, ended = false;
        var elapsed = TimeSpan.Zero;
        var last = history[0].At;
        var flag = (SlaClocks)(1 << (int)clock);
        foreach (var e in history)
        {
            if (e.At > now)
            {
                break;
            }

            bool paused = pauses.Values.Any(c => (c & flag) != 0);
            if (started && !ended && !paused)
            {
                elapsed += calendar.BusinessTimeBetween(last, e.At);
            }

            last = e.At;
            switch (e.Kind)
            {
                case SlaEntryKind.Started:
                    started = true;
                    break;
                case SlaEntryKind.Paused:
                    pauses[e.Reason ?? string.Empty] = pauses.GetValueOrDefault(e.Reason ?? string.Empty) | e.Clocks;
                    break;
                case SlaEntryKind.Resumed:
                    pauses[e.Reason ?? string.Empty] = pauses.GetValueOrDefault(e.Reason ?? string.Empty) & ~e.Clocks;
                    break;
                case SlaEntryKind.Acknowledged when clock == SlaClockKind.Acknowledge:
                    ended = true;
                    break;
                case SlaEntryKind.Acknowledged or SlaEntryKind.ClientUpdate when clock == SlaClockKind.Update && !ended:
                    elapsed = TimeSpan.Zero;
                    break;
                case SlaEntryKind.Resolved or SlaEntryKind.Stopped:
                    ended = true;
                    break;
                case SlaEntryKind.Reopened when clock == SlaClockKind.Update:
                    (ended, elapsed) = (false, TimeSpan.Zero);
                    break;
                case SlaEntryKind.Reopened when clock == SlaClockKind.Resolve:
                    ended = false;
                    break;
                case SlaEntryKind.Retargeted:
                    calendar = e.Calendar ?? calendar;
                    break;
                default:
                    break;
            }
        }

        bool pausedNow = pauses.Values.Any(c => (c & flag) != 0);
        return started && !ended && !pausedNow ? elapsed + calendar.BusinessTimeBetween(last, now) : elapsed;
    }
}
