using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Sla;

public class BusinessCalendarTests
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

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
            new WorkingHours(DayOfWeek.Monday, TimeSpan.FromHours(17), TimeSpan.FromHours(9)),
            new WorkingHours(DayOfWeek.Tuesday, TimeSpan.FromHours(9), TimeSpan.FromHours(13)),
            new WorkingHours(DayOfWeek.Tuesday, TimeSpan.FromHours(12), TimeSpan.FromHours(25)),
        ]));

        Assert.Contains("Monday 17:00-09:00 is out of range; valid: 00:00 <= Opens < Closes <= 24:00.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.Problems.Count);
        Assert.Contains("Tuesday 12:00-25:00 is out of range", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Tuesday 09:00-13:00 overlaps 12:00-25:00", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOptionsException>(() => new BusinessCalendar(London, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AlwaysOpen.AddBusinessTime(Utc(1, 1, 0), TimeSpan.FromHours(-1)));
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
