using ServiceQuality.Sla;

namespace ServiceQuality.Testing.Tests.Laws;

public class SlaLawsTests
{
    private static readonly LawCheckOptions Seeded = new() { MaxTest = 150, Seed = 18 };

    /// <summary>England's bank holidays in 2026 (gov.uk/bank-holidays): Good Friday, Easter Monday, the early May and spring bank holidays.</summary>
    private static readonly DateOnly[] BankHolidays = [new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25)];

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly SlaPolicy Policy = new() { TimeToAcknowledge = TimeSpan.FromHours(2), UpdateInterval = TimeSpan.FromHours(8), TimeToResolve = TimeSpan.FromDays(2) };

    [Fact]
    public void CheckAll_LondonOfficeCalendarWithBankHolidays_Passes() =>
        new SlaLaws(Policy, BusinessCalendar.Weekdays(London, new TimeOnly(9, 0), new TimeOnly(17, 30), BankHolidays)) { Options = Seeded }.CheckAll();

    [Fact]
    public void CheckAll_AlwaysOpenWithDefaultPolicy_Passes() =>
        new SlaLaws(new SlaPolicy(), BusinessCalendar.AlwaysOpen) { Options = Seeded }.CheckAll();

    [Fact]
    public void ClosedDaysConsumeNothing_CalendarThatCountsAHoliday_FailsWithTheSmallestInterval()
    {
        // The host's calendar was built without Good Friday, which its own holiday list has.
        var calendar = BusinessCalendar.Weekdays(London, new TimeOnly(9, 0), new TimeOnly(17, 30), [.. BankHolidays.Skip(1)]);
        var laws = new SlaLaws(Policy, calendar) { ClosedDays = BankHolidays, Options = Seeded };

        var violation = Assert.Throws<LawViolationException>(laws.ClosedDaysConsumeNothing);

        Assert.Equal("closed days consume nothing", violation.Law);
        var interval = Assert.IsType<ClosedInterval>(violation.Counterexample);
        Assert.Equal(new DateOnly(2026, 4, 3), interval.Day);
        Assert.Equal(TimeSpan.FromMinutes(1), interval.To - interval.From);

        // The minute counted lies within the office's hours (09:00-17:30 BST, UTC+1) that day.
        Assert.InRange(interval.From, new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 4, 3, 17, 29, 0, TimeSpan.FromHours(1)));
        Assert.Contains("00:01:00 of business time counted on a closed day", violation.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosedDaysConsumeNothing_HostBusinessTimeThatIgnoresHolidays_Fails()
    {
        // A host's own business-time function (hours only, no holidays) checked against the calendar it should match.
        var withHolidays = BusinessCalendar.Weekdays(London, new TimeOnly(9, 0), new TimeOnly(17, 30), BankHolidays);
        var hoursOnly = BusinessCalendar.Weekdays(London, new TimeOnly(9, 0), new TimeOnly(17, 30));
        var laws = new SlaLaws(Policy, withHolidays) { BusinessTime = hoursOnly.BusinessTimeBetween, Options = Seeded };

        var violation = Assert.Throws<LawViolationException>(laws.ClosedDaysConsumeNothing);

        var interval = Assert.IsType<ClosedInterval>(violation.Counterexample);
        Assert.Contains(interval.Day, BankHolidays);
        Assert.Equal(TimeSpan.FromMinutes(1), interval.To - interval.From);
    }
}
