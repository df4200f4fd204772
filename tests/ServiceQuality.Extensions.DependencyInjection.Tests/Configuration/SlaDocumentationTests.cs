using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection.Tests.Configuration;

/// <summary>The configuration examples of <c>docs/sla.md</c>, read from the page itself, bind, validate and build what the page says.</summary>
public class SlaDocumentationTests
{
    [Fact]
    public void DocsSlaExamples_BoundTogether_ValidateAndBuildTheCalendarsRulesAndPausesThePageDescribes()
    {
        var blocks = JsonBlocksOf(FindDocument("docs/sla.md"));
        Assert.Equal(2, blocks.Count);
        Assert.StartsWith("{", blocks[0], StringComparison.Ordinal);          // the appsettings.json example
        Assert.StartsWith("\"Sla\": {", blocks[1], StringComparison.Ordinal); // the conditional-policies fragment
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(Stream(blocks[0]))
            .AddJsonStream(Stream($$"""{ "ServiceQuality": { {{blocks[1]}} } }"""))
            .Build();
        using var provider = new ServiceCollection().AddServiceQuality(configuration.GetSection(ServiceQualityOptions.SectionName)).Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;
        var rules = options.Sla!.Build(Enum.GetNames<ContactChannel>());

        Assert.Equal(new[] { ComplaintState.AwaitingClient }, options.Complaints.ClockPausedStates);
        var london = rules.Calendars["London"];
        Assert.Same(london, rules.DefaultCalendar);
        Assert.Equal("Europe/London", london.TimeZone.Id);
        // 2026: Good Friday 3 April and Easter Monday 6 April (Easter-relative), the spring bank holiday 25 May (last Monday).
        Assert.Equal(
            [new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 12, 25), new DateOnly(2026, 12, 28)],
            london.HolidaysIn(2026));
        // Thursday 2 April 2026 (BST, UTC+1): split shift 09:00-12:00 and 13:00-17:30, 7.5 hours; Friday a holiday.
        var thursday = new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(7.5), london.BusinessTimeBetween(thursday, thursday.AddDays(2)));
        // Friday 10 April 2026: 09:00-12:00 and 13:00-16:00.
        var friday = new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(6), london.BusinessTimeBetween(friday, friday.AddDays(1)));

        var nightDesk = rules.Calendars["NightDesk"];
        // Thanksgiving 2026 is Thursday 26 November: Wednesday's 22:00-06:00 shift runs into Thursday morning, Thursday's
        // is cancelled, Friday's runs: from Wednesday noon to Saturday noon (EST), 8 + 0 + 8 hours instead of 24.
        var wednesdayNoon = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal(TimeSpan.FromHours(16), nightDesk.BusinessTimeBetween(wednesdayNoon, wednesdayNoon.AddDays(3)));

        Assert.Equal(
            (SlaClocks.Update | SlaClocks.Resolve, SlaClocks.Update | SlaClocks.Resolve, SlaClocks.Resolve, SlaClocks.Resolve),
            (rules.ClocksPausedBy("AwaitingClient"), rules.ClocksPausedBy("AwaitingThirdParty"), rules.ClocksPausedBy("ScheduledChange"), rules.ClocksPausedBy("VendorHold")));

        var vipByPhone = rules.Select(new SlaSubject { Priority = Priority.Normal, Segment = ClientSegment.Internal, Channel = "phone", Tags = ["VIP"] });
        Assert.Equal(("VIP by phone", "Vip", "AlwaysOpen"), (vipByPhone.Rule, vipByPhone.PolicyName, vipByPhone.CalendarName));
        var urgent = rules.Select(new SlaSubject { Priority = Priority.Critical, Segment = ClientSegment.External, Channel = "Email" });
        Assert.Equal(("Urgent external", TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), "London"), (urgent.Rule, urgent.Policy.TimeToAcknowledge, urgent.Policy.TimeToResolve, urgent.CalendarName));
        var staff = rules.Select(new SlaSubject { Priority = Priority.Low, Segment = ClientSegment.Internal, Channel = "Web" });
        Assert.Equal(("Staff", TimeSpan.FromDays(20)), (staff.Rule, staff.Policy.TimeToResolve));
        var other = rules.Select(new SlaSubject { Priority = Priority.Low, Segment = ClientSegment.External, Channel = "Web" });
        Assert.Equal((-1, "Standard", "London"), (other.RuleIndex, other.PolicyName, other.CalendarName));
    }

    private static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));

    private static List<string> JsonBlocksOf(string markdown) =>
        [.. Regex.Matches(markdown, "```json\\n(.*?)```", RegexOptions.Singleline, TimeSpan.FromSeconds(5)).Select(m => m.Groups[1].Value.Trim())];

    private static string FindDocument(string relativePath)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"No {relativePath} above {Directory.GetCurrentDirectory()}.");
    }
}
