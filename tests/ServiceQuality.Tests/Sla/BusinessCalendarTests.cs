using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Sla;

public class BusinessCalendarTests
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static WorkingHours Period(DayOfWeek day, double opens, double closes) => new(day, TimeSpan.FromHours(opens), TimeSpan.FromHours(closes));

    private static IEnumerable<WorkingHours> WeekdayHours(double opens, double closes) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => Period(d, opens, closes));

    [Fact]
    public void AddBusinessTime_LondonWeekdaysAcrossSpringForward_LandsOnTheExactInstant()
    {
        // Clocks go forward at 01:00 GMT on Sunday 29 March 2026: Friday 16:00 is 16:00Z, Monday 09:00 BST is 08:00Z.
        var calendar = BusinessCalendar.Weekdays(London, new TimeOnly(9, 0), new TimeOnly(17, 0));

        var due = calendar.AddBusinessTime(Utc(3, 27, 16), TimeSpan.FromHours(4));

        Assert.Equal(Utc(3, 30, 11), due);
        Assert.Equal(TimeSpan.FromHours(1), due.Offset);
        Assert.Equal(TimeSpan.FromHours(4), calendar.BusinessTimeBetween(Utc(3, 27, 16), Utc(3, 30, 11)));
    }

    [Fact]
    public void BusinessTimeBetween_DayOfTheChange_CountsTheHoursThatReallyPassed()
    {
        // 24x7 in London with a holiday (so the calendar is not the wall-time shortcut): 28 March has 24 h, 29 March 23 h, 25 October 25 h.
        var calendar = new BusinessCalendar(
            London, Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeSpan.Zero, TimeSpan.FromHours(24))), [new DateOnly(2026, 12, 25)]);

        Assert.False(calendar.IsAlwaysOpen);
        Assert.Equal(TimeSpan.FromHours(47), calendar.BusinessTimeBetween(Utc(3, 28, 0), Utc(3, 29, 23)));
        Assert.Equal(TimeSpan.FromHours(25), calendar.BusinessTimeBetween(Utc(10, 24, 23), Utc(10, 26, 0)));
        Assert.Equal(TimeSpan.FromHours(24), calendar.BusinessTimeBetween(Utc(12, 24, 12), Utc(12, 26, 12)));
    }

    [Fact]
    public void BusinessTimeBetween_PeriodSpanningTheGapOrTheOverlap_MeasuresRealTime()
    {
        // Sunday 00:00-03:00 local: 29 March is 00:00Z-02:00Z (2 h); 25 October is 23:00Z (Sat) to 03:00Z (4 h).
        var calendar = new BusinessCalendar(London, [new WorkingHours(DayOfWeek.Sunday, TimeSpan.Zero, TimeSpan.FromHours(3))]);

        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessTimeBetween(Utc(3, 28, 12), Utc(3, 29, 12)));
        Assert.Equal(TimeSpan.FromHours(4), calendar.BusinessTimeBetween(Utc(10, 24, 12), Utc(10, 25, 12)));
        Assert.Equal(Utc(3, 29, 2), calendar.AddBusinessTime(Utc(3, 28, 12), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddBusinessTime_NewYorkThanksgiving_SkipsTheHoliday()
    {
        // Thursday 26 November 2026 is a holiday; New York is UTC-5 in November.
        var calendar = BusinessCalendar.Weekdays(NewYork, new TimeOnly(9, 0), new TimeOnly(17, 0), [new DateOnly(2026, 11, 26)]);

        Assert.Equal(Utc(11, 27, 15), calendar.AddBusinessTime(Utc(11, 25, 21), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(9), calendar.BusinessTimeBetween(Utc(11, 25, 14), Utc(11, 27, 15)));
        Assert.False(calendar.IsOpenAt(Utc(11, 26, 15)));
        Assert.True(calendar.IsOpenAt(Utc(11, 27, 15)));
    }

    [Fact]
    public void AddBusinessTime_NewYorkAcrossFallBack_LandsOnTheExactInstant()
    {
        // Friday 30 October 16:00 EDT is 20:00Z; clocks go back on Sunday 1 November; Monday 10:00 EST is 15:00Z.
        var calendar = BusinessCalendar.Weekdays(NewYork, new TimeOnly(9, 0), new TimeOnly(17, 0));

        Assert.Equal(Utc(11, 2, 15), calendar.AddBusinessTime(Utc(10, 30, 20), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AlwaysOpen_IsWallTime()
    {
        Assert.True(BusinessCalendar.AlwaysOpen.IsAlwaysOpen);
        Assert.Equal(TimeSpan.FromDays(3.5), BusinessCalendar.AlwaysOpen.BusinessTimeBetween(Utc(3, 1, 0), Utc(3, 4, 12)));
        Assert.Equal(Utc(3, 4, 12), BusinessCalendar.AlwaysOpen.AddBusinessTime(Utc(3, 1, 0), TimeSpan.FromDays(3.5)));
        Assert.Equal(TimeSpan.Zero, BusinessCalendar.AlwaysOpen.BusinessTimeBetween(Utc(3, 4, 0), Utc(3, 1, 0)));
    }

    [Fact]
    public void Constructor_BadPeriods_ReportsEveryProblemAtOnce()
    {
        var ex = Assert.Throws<InvalidOptionsException>(() => new BusinessCalendar(London,
        [
            new WorkingHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(9)),
            new WorkingHours(DayOfWeek.Tuesday, TimeSpan.FromHours(9), TimeSpan.FromHours(13)),
            new WorkingHours(DayOfWeek.Tuesday, TimeSpan.FromHours(12), TimeSpan.FromHours(25)),
            new WorkingHours(DayOfWeek.Wednesday, TimeSpan.FromHours(22), TimeSpan.FromHours(6)),
            new WorkingHours(DayOfWeek.Thursday, TimeSpan.FromHours(5), TimeSpan.FromHours(9)),
            new WorkingHours(DayOfWeek.Saturday, TimeSpan.FromHours(22), TimeSpan.FromHours(6)),
            new WorkingHours(DayOfWeek.Sunday, TimeSpan.Zero, TimeSpan.FromHours(1)),
        ]));

        Assert.Equal(
        [
            "Monday 09:00-09:00 is out of range; valid: 00:00 <= Opens < 24:00, 00:00 < Closes <= 24:00, Closes != Opens (Closes before Opens: an overnight period).",
            "Tuesday 12:00-25:00 is out of range; valid: 00:00 <= Opens < 24:00, 00:00 < Closes <= 24:00, Closes != Opens (Closes before Opens: an overnight period).",
            "Wednesday 22:00-06:00 overlaps Thursday 05:00-09:00; valid: periods that do not overlap (an overnight period reaches into the next day).",
            "Saturday 22:00-06:00 overlaps Sunday 00:00-01:00; valid: periods that do not overlap (an overnight period reaches into the next day).",
        ],
        ex.Problems);
        Assert.Throws<InvalidOptionsException>(() => new BusinessCalendar(London, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AlwaysOpen.AddBusinessTime(Utc(1, 1, 0), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void BusinessTime_SplitShift_LunchBreakNeverCounts()
    {
        // Monday 2 March 2026, London on GMT: 09:00-12:00 and 13:00-17:30.
        var calendar = new BusinessCalendar(London, [Period(DayOfWeek.Monday, 9, 12), Period(DayOfWeek.Monday, 13, 17.5)]);

        Assert.Equal(TimeSpan.FromHours(7.5), calendar.BusinessTimeBetween(Utc(3, 2, 0), Utc(3, 3, 0)));
        Assert.Equal(Utc(3, 2, 14), calendar.AddBusinessTime(Utc(3, 2, 11), TimeSpan.FromHours(2)));
        Assert.Equal(Utc(3, 2, 12), calendar.AddBusinessTime(Utc(3, 2, 11), TimeSpan.FromHours(1))); // runs out exactly at the break
        Assert.Equal(TimeSpan.Zero, calendar.BusinessTimeBetween(Utc(3, 2, 12), Utc(3, 2, 13)));
        Assert.False(calendar.IsOpenAt(Utc(3, 2, 12, 30)));
        Assert.True(calendar.IsOpenAt(Utc(3, 2, 13)));
        Assert.False(calendar.IsOpenAt(Utc(3, 2, 17, 30)));
        Assert.Equal(Utc(3, 9, 10), calendar.AddBusinessTime(Utc(3, 2, 16), TimeSpan.FromHours(2.5))); // 1.5 h today, 1 h next Monday
    }

    [Fact]
    public void BusinessTime_OvernightShift_BelongsToTheDayItOpens()
    {
        // A night desk, Monday to Friday nights 22:00-06:00 (UTC); Tuesday 3 March 2026 a holiday: Monday night's shift
        // runs to its end on Tuesday morning, Tuesday night's shift does not open.
        var weeknights = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc, weeknights.Select(d => Period(d, 22, 6)), [new DateOnly(2026, 3, 3)]);

        Assert.True(calendar.IsOpenAt(Utc(3, 3, 3)));
        Assert.False(calendar.IsOpenAt(Utc(3, 3, 23)));
        Assert.False(calendar.IsOpenAt(Utc(3, 4, 3)));
        Assert.True(calendar.IsOpenAt(Utc(3, 5, 3)));
        Assert.Equal(TimeSpan.FromHours(8), calendar.BusinessTimeBetween(Utc(3, 2, 12), Utc(3, 4, 12)));
        Assert.Equal(Utc(3, 4, 23), calendar.AddBusinessTime(Utc(3, 3, 5), TimeSpan.FromHours(2))); // 1 h on Tuesday morning, then Wednesday night
        Assert.Equal(TimeSpan.FromHours(8), calendar.BusinessTimeBetween(Utc(3, 6, 12), Utc(3, 9, 12))); // Friday night only over the weekend
    }

    [Theory]
    [InlineData("Europe/London", 2026, 3, 28, 7)]      // Sat 22:00 GMT = 22:00Z to Sun 06:00 BST = 05:00Z
    [InlineData("Europe/London", 2026, 10, 24, 9)]     // Sat 22:00 BST = 21:00Z to Sun 06:00 GMT = 06:00Z
    [InlineData("America/New_York", 2026, 3, 7, 7)]    // clocks go forward at 02:00 on Sunday 8 March
    [InlineData("America/New_York", 2026, 10, 31, 9)]  // clocks go back at 02:00 on Sunday 1 November
    [InlineData("Australia/Sydney", 2026, 4, 4, 9)]    // AEDT ends at 03:00 on Sunday 5 April
    [InlineData("Australia/Sydney", 2026, 10, 3, 7)]   // AEDT starts at 02:00 on Sunday 4 October
    [InlineData("Asia/Kolkata", 2026, 3, 28, 8)]       // no daylight saving
    public void BusinessTime_OvernightShiftAcrossADaylightSavingChange_CountsTheHoursThatReallyPassed(string zone, int year, int month, int day, double hours)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var calendar = new BusinessCalendar(tz, [Period(DayOfWeek.Saturday, 22, 6)]);
        var saturdayNoon = new DateTimeOffset(new DateTime(year, month, day, 12, 0, 0), tz.GetUtcOffset(new DateTime(year, month, day, 12, 0, 0)));

        Assert.Equal(TimeSpan.FromHours(hours), calendar.BusinessTimeBetween(saturdayNoon, saturdayNoon.AddDays(1)));
        var end = calendar.AddBusinessTime(saturdayNoon, TimeSpan.FromHours(hours));
        Assert.Equal(new DateTime(year, month, day, 6, 0, 0).AddDays(1), end.DateTime); // 06:00 local on Sunday, in the local offset
        Assert.Equal(tz.GetUtcOffset(end), end.Offset);
    }

    [Fact]
    public void BusinessTime_RecurringHolidays_LondonBankHolidays2026()
    {
        // England and Wales 2026 (gov.uk/bank-holidays): Good Friday 3 April, Easter Monday 6 April, early May 4 May,
        // spring 25 May, summer 31 August, Christmas 25 December, Boxing Day (substitute) 28 December.
        var calendar = new BusinessCalendar(
            London,
            WeekdayHours(9, 17.5),
            [new DateOnly(2026, 12, 28)],
            [
                RecurringHoliday.Fixed(1, 1, "New Year's Day"), RecurringHoliday.EasterRelative(-2, "Good Friday"), RecurringHoliday.EasterRelative(1, "Easter Monday"),
                RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, 1), RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, -1), RecurringHoliday.NthWeekday(8, DayOfWeek.Monday, -1),
                RecurringHoliday.Fixed(12, 25), RecurringHoliday.Fixed(12, 26),
            ]);

        Assert.Equal(
            [new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 26), new DateOnly(2026, 12, 28)],
            calendar.HolidaysIn(2026));
        Assert.True(calendar.IsHoliday(new DateOnly(2027, 3, 26))); // Good Friday 2027 (Easter 28 March)
        Assert.False(calendar.IsOpenAt(new DateTimeOffset(2026, 4, 3, 11, 0, 0, TimeSpan.FromHours(1))));

        // Thursday 2 April 16:30 BST + 2 business hours: 1 h on Thursday, Friday and Monday are holidays, 1 h on Tuesday 7 April.
        Assert.Equal(new DateTimeOffset(2026, 4, 7, 10, 0, 0, TimeSpan.FromHours(1)), calendar.AddBusinessTime(new DateTimeOffset(2026, 4, 2, 16, 30, 0, TimeSpan.FromHours(1)), TimeSpan.FromHours(2)));

        // Across the turn of the year: Thursday 31 December 2026 all day, Friday 1 January 2027 a holiday, Monday 4 January.
        var from = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(8.5 * 2), calendar.BusinessTimeBetween(from, from.AddDays(5)));
    }

    [Fact]
    public void BusinessTimeBetween_SpanOfYears_EqualsTheSumOfItsDays()
    {
        // 2026-2029 on weekdays 09:00-17:00 UTC: every weekday counts 8 hours; the span crosses three UTC-year tables.
        var calendar = BusinessCalendar.Weekdays(TimeZoneInfo.Utc, new TimeOnly(9, 0), new TimeOnly(17, 0));
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        int weekdays = Enumerable.Range(0, (to - from).Days).Select(d => from.AddDays(d).DayOfWeek).Count(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        Assert.Equal(TimeSpan.FromHours(8 * weekdays), calendar.BusinessTimeBetween(from, to));
        Assert.Equal(to.AddDays(-1).AddHours(17), calendar.AddBusinessTime(from, TimeSpan.FromHours(8 * weekdays))); // Monday 31 Dec 2029 17:00
    }

    [Fact]
    public void AddBusinessTime_NoWorkingTimeForYears_ThrowsInvalidOperation()
    {
        var start = new DateOnly(2026, 1, 1);
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc, [new WorkingHours(DayOfWeek.Monday, TimeSpan.Zero, TimeSpan.FromHours(1))],
            Enumerable.Range(0, 2000).Select(start.AddDays));

        Assert.Throws<InvalidOperationException>(() => calendar.AddBusinessTime(Utc(1, 1, 0), TimeSpan.FromHours(1)));
    }
}
