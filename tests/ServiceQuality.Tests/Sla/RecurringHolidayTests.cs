using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Sla;

public class RecurringHolidayTests
{
    /// <summary>
    /// Western Easter Sunday as published (Wikipedia, "Date of Easter", and the Astronomical Society of South Australia's
    /// Easter Dating Method tables): the earliest (22 March: 1818, 2285) and latest (25 April: 1886, 1943, 2038)
    /// possible dates, the years where the Gregorian epact exceptions apply (1954, 1981, 2049, 2076: 18 or 19 April,
    /// not 25 or 26), the first Gregorian Easter (1583) and recent years.
    /// </summary>
    [Theory]
    [InlineData(1583, 4, 10)]
    [InlineData(1700, 4, 11)]
    [InlineData(1818, 3, 22)]
    [InlineData(1886, 4, 25)]
    [InlineData(1943, 4, 25)]
    [InlineData(1954, 4, 18)]
    [InlineData(1961, 4, 2)]
    [InlineData(1981, 4, 19)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2016, 3, 27)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2049, 4, 18)]
    [InlineData(2076, 4, 19)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_PublishedDates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), RecurringHoliday.EasterSunday(year));
    }

    [Fact]
    public void EasterSunday_EveryYear_ASundayBetween22MarchAnd25April()
    {
        for (int year = 1583; year <= 9999; year++)
        {
            var easter = RecurringHoliday.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.EasterSunday(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.EasterSunday(10000));
    }

    [Fact]
    public void DateIn_EachKind_ExactDates()
    {
        Assert.Equal(new DateOnly(2026, 4, 3), RecurringHoliday.EasterRelative(-2, "Good Friday").DateIn(2026));
        Assert.Equal(new DateOnly(2026, 5, 25), RecurringHoliday.EasterRelative(50, "Whit Monday").DateIn(2026));
        Assert.Equal(new DateOnly(2026, 5, 25), RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, -1).DateIn(2026));   // last Monday of May
        Assert.Equal(new DateOnly(2026, 5, 4), RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, 1).DateIn(2026));     // first Monday of May
        Assert.Equal(new DateOnly(2026, 11, 26), RecurringHoliday.NthWeekday(11, DayOfWeek.Thursday, 4).DateIn(2026)); // US Thanksgiving
        Assert.Equal(new DateOnly(2026, 1, 19), RecurringHoliday.NthWeekday(1, DayOfWeek.Monday, 3).DateIn(2026));    // Martin Luther King Jr. Day
        Assert.Equal(new DateOnly(2026, 5, 18), RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, -2).DateIn(2026));   // second last Monday
        Assert.Null(RecurringHoliday.NthWeekday(2, DayOfWeek.Monday, 5).DateIn(2026));                                // February 2026 has four Mondays
        Assert.Equal(new DateOnly(2026, 12, 25), RecurringHoliday.Fixed(12, 25).DateIn(2026));
        Assert.Null(RecurringHoliday.Fixed(2, 29).DateIn(2027));
        Assert.Equal(new DateOnly(2028, 2, 29), RecurringHoliday.Fixed(2, 29).DateIn(2028));
        Assert.Equal(new DateOnly(2038, 12, 31), RecurringHoliday.EasterRelative(250).DateIn(2038)); // the latest Easter (25 April) + 250 days
    }

    [Fact]
    public void Factories_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.Fixed(2, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.Fixed(13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.NthWeekday(5, (DayOfWeek)7, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.EasterRelative(-81));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.EasterRelative(251));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurringHoliday.Fixed(1, 1).DateIn(0));
    }

    [Fact]
    public void EasterRelative_ExtremeOffsets_StayInEastersYear()
    {
        for (int year = 1583; year <= 2600; year++)
        {
            Assert.Equal(year, RecurringHoliday.EasterRelative(-80).DateIn(year)!.Value.Year);
            Assert.Equal(year, RecurringHoliday.EasterRelative(250).DateIn(year)!.Value.Year);
        }
    }

    [Fact]
    public void ToString_NamesTheRule()
    {
        Assert.Equal("Spring bank holiday (last Monday of month 5)", RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, -1, "Spring bank holiday").ToString());
        Assert.Equal("Good Friday (Easter Sunday -2 days)", RecurringHoliday.EasterRelative(-2, "Good Friday").ToString());
        Assert.Equal("every 12-25", RecurringHoliday.Fixed(12, 25).ToString());
        Assert.Equal("4th Thursday of month 11", RecurringHoliday.NthWeekday(11, DayOfWeek.Thursday, 4).ToString());
    }
}
