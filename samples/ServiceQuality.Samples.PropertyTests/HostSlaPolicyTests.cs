using ServiceQuality.Sla;
using ServiceQuality.Testing;

namespace ServiceQuality.Samples.PropertyTests;

/// <summary>The host's SLA policy for VIP clients on its Edinburgh office calendar, checked with the kit's SLA laws.</summary>
public class HostSlaPolicyTests
{
    /// <summary>Scotland's bank holidays, January to May 2026 (gov.uk/bank-holidays), as the host's HR system lists them.</summary>
    private static readonly DateOnly[] ScottishHolidays = [new(2026, 1, 1), new(2026, 1, 2), new(2026, 4, 3), new(2026, 5, 4), new(2026, 5, 25)];

    private static readonly SlaPolicy Vip = new()
    {
        TimeToAcknowledge = TimeSpan.FromMinutes(30),
        UpdateInterval = TimeSpan.FromHours(2),
        TimeToResolve = TimeSpan.FromHours(8),
        AtRiskThreshold = 0.6,
        HighRiskThreshold = 0.8,
    };

    [Fact]
    public void VipPolicy_OnTheEdinburghCalendar_KeepsTheSlaLaws()
    {
        var edinburgh = BusinessCalendar.Weekdays(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new TimeOnly(8, 30), new TimeOnly(18, 0), ScottishHolidays);

        new SlaLaws(Vip, edinburgh) { ClosedDays = ScottishHolidays }.CheckAll();
    }
}
