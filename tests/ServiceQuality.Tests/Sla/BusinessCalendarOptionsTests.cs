using ServiceQuality.Sla;

namespace ServiceQuality.Tests.Sla;

public class BusinessCalendarOptionsTests
{
    private static BusinessCalendarOptions London() => new()
    {
        TimeZone = "Europe/London",
        Hours = { Monday = ["09:00-12:00", "13:00-17:30"], Tuesday = ["9:00-17:30"], Friday = ["22:00-06:00"], Sunday = ["00:00-24:00"] },
        Holidays = [new DateOnly(2026, 12, 28)],
        RecurringHolidays =
        [
            new() { Name = "Christmas Day", Month = 12, Day = 25 },
            new() { Name = "Spring bank holiday", Month = 5, Weekday = DayOfWeek.Monday, Occurrence = -1 },
            new() { Name = "Good Friday", EasterOffset = -2 },
        ],
    };

    [Fact]
    public void Build_EveryShape_TheCalendarItDescribes()
    {
        var calendar = London().Build();

        Assert.Equal("Europe/London", calendar.TimeZone.Id);
        Assert.Equal(
        [
            new WorkingHours(DayOfWeek.Sunday, TimeSpan.Zero, TimeSpan.FromHours(24)),
            new WorkingHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(12)),
            new WorkingHours(DayOfWeek.Monday, TimeSpan.FromHours(13), TimeSpan.FromHours(17.5)),
            new WorkingHours(DayOfWeek.Tuesday, TimeSpan.FromHours(9), TimeSpan.FromHours(17.5)),
            new WorkingHours(DayOfWeek.Friday, TimeSpan.FromHours(22), TimeSpan.FromHours(6)),
        ],
        calendar.Hours);
        Assert.Equal([RecurringHoliday.Fixed(12, 25, "Christmas Day"), RecurringHoliday.NthWeekday(5, DayOfWeek.Monday, -1, "Spring bank holiday"), RecurringHoliday.EasterRelative(-2, "Good Friday")], calendar.RecurringHolidays);
        Assert.Equal([new DateOnly(2026, 4, 3), new DateOnly(2026, 5, 25), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)], calendar.HolidaysIn(2026));
        Assert.True(calendar.Hours[^1].CrossesMidnight);
        Assert.Equal(TimeSpan.FromHours(8), calendar.Hours[^1].Length);
    }

    [Fact]
    public void Validate_EveryProblemAtOnce_EachNamingItsConfigurationKey()
    {
        var options = London();
        options.TimeZone = "Europe/Atlantis";
        options.Hours.Monday = ["09:00-12:00", "12:30-25:00", "nine to five"];
        options.Hours.Thursday = ["22:00-06:00"];
        options.Hours.Friday = ["05:00-09:00", "10:00-10:00"];
        options.RecurringHolidays =
        [
            new() { Month = 2, Day = 30 },
            new() { Name = "Mixed", Month = 5, Day = 1, Weekday = DayOfWeek.Monday, Occurrence = 1 },
            new() { Month = 11, Weekday = DayOfWeek.Thursday, Occurrence = 6 },
            new() { EasterOffset = 400 },
            new() { Name = "Bad Easter", EasterOffset = 1, Month = 4 },
            new() { Month = 13, Day = 1 },
            new() { Day = 1 },
            new() { Month = 6 },
        ];

        var ex = Assert.Throws<InvalidOptionsException>(options.Validate);

        Assert.Equal(
        [
            "TimeZone is 'Europe/Atlantis'; valid: a time zone identifier this machine knows, e.g. 'UTC' or 'Europe/London'.",
            "Hours:Monday:1 is '12:30-25:00'; valid: 'HH:mm-HH:mm' with times from 00:00 to 24:00, e.g. '09:00-17:30', or '22:00-06:00' for a period ending the next day.",
            "Hours:Monday:2 is 'nine to five'; valid: 'HH:mm-HH:mm' with times from 00:00 to 24:00, e.g. '09:00-17:30', or '22:00-06:00' for a period ending the next day.",
            "Hours:Friday:1 ('10:00-10:00') is out of range; valid: 00:00 <= Opens < 24:00, 00:00 < Closes <= 24:00, Closes != Opens (Closes before Opens: an overnight period).",
            "Hours:Thursday:0 ('22:00-06:00') overlaps Hours:Friday:0 ('05:00-09:00'); valid: periods that do not overlap (an overnight period reaches into the next day).",
            "RecurringHolidays:0:Day is 30; valid: 1 to 29 for month 2.",
            "RecurringHolidays:1 ('Mixed') is not one shape (Day 1, Weekday Monday, Occurrence 1); valid: Month and Day (a fixed date), Month, Weekday and Occurrence (an n-th weekday), or EasterOffset alone.",
            "RecurringHolidays:2:Occurrence is 6; valid: 1 to 5, or -1 (the last) to -5.",
            "RecurringHolidays:3:EasterOffset is 400; valid: -80 to 250 (within Easter's year).",
            "RecurringHolidays:4 ('Bad Easter') sets EasterOffset with Month, Day, Weekday or Occurrence; valid: Month and Day (a fixed date), Month, Weekday and Occurrence (an n-th weekday), or EasterOffset alone.",
            "RecurringHolidays:5:Month is 13; valid: 1 to 12.",
            "RecurringHolidays:6 has no Month; valid: Month and Day (a fixed date), Month, Weekday and Occurrence (an n-th weekday), or EasterOffset alone.",
            "RecurringHolidays:7 has Month but no Day; valid: Month and Day (a fixed date), Month, Weekday and Occurrence (an n-th weekday), or EasterOffset alone.",
        ],
        ex.Problems);
    }

    [Fact]
    public void Validate_NoHoursOrNullLists_ReportedWithTheirKeys()
    {
        var options = new BusinessCalendarOptions { Holidays = null!, RecurringHolidays = [null!] };

        var ex = Assert.Throws<InvalidOptionsException>(options.Build);

        Assert.Equal(
        [
            "Hours has no working period; valid: at least one, e.g. Hours:Monday: [ '09:00-17:30' ].",
            "Holidays is null; valid: a list of dates (may be empty).",
            "RecurringHolidays:0 is null; valid: a recurring holiday.",
        ],
        ex.Problems);
    }

    [Fact]
    public void For_EachWeekday_ItsOwnList()
    {
        var hours = new BusinessHoursOptions();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            hours.For(day).Add($"{(int)day + 1:00}:00-{(int)day + 2:00}:00");
        }

        Assert.Equal(["01:00-02:00"], hours.Sunday);
        Assert.Equal(["07:00-08:00"], hours.Saturday);
        Assert.Throws<ArgumentOutOfRangeException>(() => hours.For((DayOfWeek)7));
    }
}
