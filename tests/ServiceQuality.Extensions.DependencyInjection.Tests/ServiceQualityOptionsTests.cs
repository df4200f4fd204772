using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection.Tests;

/// <summary>
/// What the <c>Sla</c> section does to the complaint lifecycle, through the generic host with in-memory configuration:
/// its pause reasons and conditional policies reach the complaints, no section keeps the library's defaults, and what
/// it states replaces only that (a conflict with code fails at start, naming both).
/// </summary>
public class ServiceQualityOptionsTests
{
    /// <summary>Monday 23 November 2026, 09:00 UTC.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Saturday 28 November 2026, 10:00 UTC: the office calendar below is closed all day.</summary>
    private static readonly DateTimeOffset Saturday = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> OfficeCalendar = new()
    {
        ["ServiceQuality:Sla:Calendars:Office:TimeZone"] = "UTC",
        ["ServiceQuality:Sla:Calendars:Office:Hours:Monday:0"] = "09:00-17:00",
        ["ServiceQuality:Sla:Calendars:Office:Hours:Tuesday:0"] = "09:00-17:00",
        ["ServiceQuality:Sla:Calendars:Office:Hours:Wednesday:0"] = "09:00-17:00",
        ["ServiceQuality:Sla:Calendars:Office:Hours:Thursday:0"] = "09:00-17:00",
        ["ServiceQuality:Sla:Calendars:Office:Hours:Friday:0"] = "09:00-17:00",
    };

    [Fact]
    public async Task SlaPauseReasons_FromConfiguration_PauseExactlyTheConfiguredClocks()
    {
        var clock = new FakeTimeProvider(Monday);
        using var host = Start(clock, new()
        {
            ["ServiceQuality:Sla:PauseReasons:AwaitingClient"] = "Resolve",   // the default also pauses Update
            ["ServiceQuality:Sla:PauseReasons:VendorHold"] = "Update",        // not a reason by default
        });
        await host.StartAsync();
        var service = host.Services.GetRequiredService<ComplaintService>();
        await service.ReceiveAsync(Request("P-1", Priority.Normal, ClientSegment.External));
        clock.Advance(TimeSpan.FromMinutes(10));
        await Accept(service, "P-1", c => c.Acknowledge("ann", ContactChannel.Email, "Thank you."));
        await Accept(service, "P-1", c => c.StartInvestigating("ann"));
        await Accept(service, "P-1", c => c.RequestInformation("ann", ContactChannel.Email, "Which router?"));   // AwaitingClient

        clock.Advance(TimeSpan.FromHours(2));
        var awaiting = (await service.LoadAsync("P-1"))!.EvaluateSla();
        Assert.Equal((SlaStatus.Paused, TimeSpan.FromMinutes(10)), (awaiting.Resolve.Status, awaiting.Resolve.Elapsed));
        Assert.Equal((SlaStatus.Running, TimeSpan.FromHours(2)), (awaiting.Update.Status, awaiting.Update.Elapsed));

        await Accept(service, "P-1", c => c.RecordClientResponse("ann", ContactChannel.Email, "The blue one."));
        await Accept(service, "P-1", c => c.PutOnHold("ann", "vendorhold", "The vendor ships a part."));
        clock.Advance(TimeSpan.FromHours(1));
        var held = (await service.LoadAsync("P-1"))!;
        var sla = held.EvaluateSla();

        Assert.Equal("VendorHold", held.Snapshot.HoldReason);
        Assert.Equal((SlaStatus.Paused, TimeSpan.FromHours(2)), (sla.Update.Status, sla.Update.Elapsed));
        Assert.Equal((SlaStatus.Running, TimeSpan.FromMinutes(70)), (sla.Resolve.Status, sla.Resolve.Elapsed));
        Assert.Equal(SlaStatus.Met, sla.Acknowledge.Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task SlaRules_FromConfiguration_TheFirstMatchingRuleChoosesThePolicyAndCalendar()
    {
        var clock = new FakeTimeProvider(Saturday);
        using var host = Start(clock, new(OfficeCalendar)
        {
            ["ServiceQuality:Sla:Policies:Vip:High:TimeToAcknowledge"] = "00:10:00",
            ["ServiceQuality:Sla:Policies:Staff:Normal:TimeToResolve"] = "20.00:00:00",
            ["ServiceQuality:Sla:Rules:0:Name"] = "VIP",
            ["ServiceQuality:Sla:Rules:0:Tags:0"] = "vip",
            ["ServiceQuality:Sla:Rules:0:Policy"] = "Vip",
            ["ServiceQuality:Sla:Rules:1:Name"] = "Staff",
            ["ServiceQuality:Sla:Rules:1:Segments:0"] = "Internal",
            ["ServiceQuality:Sla:Rules:1:Policy"] = "Staff",
            ["ServiceQuality:Sla:Rules:1:Calendar"] = "Office",
        });
        await host.StartAsync();
        var service = host.Services.GetRequiredService<ComplaintService>();
        await service.ReceiveAsync(Request("VIP-1", Priority.High, ClientSegment.External) with { Tags = ["VIP"] });
        await service.ReceiveAsync(Request("EXT-1", Priority.High, ClientSegment.External));
        await service.ReceiveAsync(Request("STAFF-1", Priority.Normal, ClientSegment.Internal));

        clock.Advance(TimeSpan.FromMinutes(20));
        var vip = (await service.LoadAsync("VIP-1"))!.EvaluateSla();
        var external = (await service.LoadAsync("EXT-1"))!.EvaluateSla();
        var staff = (await service.LoadAsync("STAFF-1"))!.EvaluateSla();

        // VIP: the Vip set's 10 minutes, on 24x7 (the rule names no calendar): breached at 10:10.
        Assert.Equal((TimeSpan.FromMinutes(10), SlaStatus.Breached, Saturday.AddMinutes(10)), (vip.Acknowledge.Target, vip.Acknowledge.Status, vip.Acknowledge.BreachAt));
        // No rule: the standard High policy, 1 hour, 20 minutes used.
        Assert.Equal((TimeSpan.FromHours(1), SlaStatus.Running, TimeSpan.FromMinutes(20)), (external.Acknowledge.Target, external.Acknowledge.Status, external.Acknowledge.Elapsed));
        // Staff: 20 days to resolve, on the office calendar, closed on Saturday: nothing used yet.
        Assert.Equal((TimeSpan.FromDays(20), TimeSpan.Zero), (staff.Resolve.Target, staff.Resolve.Elapsed));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero), staff.Acknowledge.BreachAt);   // Monday 09:00 + 4 business hours

        // Tagging the other complaint VIP re-targets it: 20 minutes used of 10, breached at the change.
        await Accept(service, "EXT-1", c => c.ChangeTags("ann", ["vip"], []));
        var retargeted = (await service.LoadAsync("EXT-1"))!.EvaluateSla();
        Assert.Equal((TimeSpan.FromMinutes(10), SlaStatus.Breached, Saturday.AddMinutes(20)), (retargeted.Acknowledge.Target, retargeted.Acknowledge.Status, retargeted.Acknowledge.BreachAt));
        await host.StopAsync();
    }

    [Fact]
    public async Task SlaSection_Absent_KeepsTheLibraryDefaults()
    {
        var clock = new FakeTimeProvider(Monday);
        using var host = Start(clock, new() { ["ServiceQuality:Complaints:MaxEscalationLevel"] = "4" });
        await host.StartAsync();
        var service = host.Services.GetRequiredService<ComplaintService>();
        var options = service.Lifecycle.GetOptions();

        Assert.Same(SlaRules.Default, options.SlaRules);
        Assert.Same(BusinessCalendar.AlwaysOpen, options.Calendar);
        await service.ReceiveAsync(Request("D-1", Priority.High, ClientSegment.External) with { Tags = ["vip"] });
        await Accept(service, "D-1", c => c.Acknowledge("ann", ContactChannel.Email, "Thank you."));
        await Accept(service, "D-1", c => c.StartInvestigating("ann"));
        await Accept(service, "D-1", c => c.RequestInformation("ann", ContactChannel.Email, "Which router?"));
        clock.Advance(TimeSpan.FromHours(1));
        var complaint = (await service.LoadAsync("D-1"))!;
        var sla = complaint.EvaluateSla();

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromDays(1)), (sla.Acknowledge.Target, sla.Resolve.Target));
        Assert.Equal((SlaStatus.Paused, SlaStatus.Paused), (sla.Update.Status, sla.Resolve.Status));   // AwaitingClient: Update and Resolve
        var refused = Assert.Throws<ArgumentException>(() => complaint.PutOnHold("ann", "VendorHold", "The vendor ships a part."));
        Assert.Contains("'VendorHold' is not a pause reason a hold can give; valid: AwaitingThirdParty, ScheduledChange", refused.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task SlaSection_ReplacesOnlyWhatItStates_TheCalendarAndPoliciesSetElsewhereStay()
    {
        var office = OfficeCalendarInCode();
        var clock = new FakeTimeProvider(Saturday);
        using var host = Start(
            clock,
            new()
            {
                ["ServiceQuality:Complaints:Sla:High:TimeToAcknowledge"] = "00:30:00",
                ["ServiceQuality:Sla:PauseReasons:VendorHold"] = "Resolve",
                ["ServiceQuality:Sla:Rules:0:Tags:0"] = "vip",
                ["ServiceQuality:Sla:Rules:0:Policy"] = "Standard",
            },
            o => o.Complaints.Calendar = office);
        await host.StartAsync();
        var service = host.Services.GetRequiredService<ComplaintService>();
        var options = service.Lifecycle.GetOptions();

        Assert.Same(office, options.Calendar);
        Assert.Equal((SlaClocks.Resolve, 1), (options.SlaRules.ClocksPausedBy("VendorHold"), options.SlaRules.RuleCount));
        await service.ReceiveAsync(Request("S-1", Priority.High, ClientSegment.External));
        await service.ReceiveAsync(Request("S-2", Priority.High, ClientSegment.External) with { Tags = ["vip"] });
        clock.Advance(TimeSpan.FromHours(3));

        // Both: Complaints:Sla's 30 minutes (the rule's Standard set is Complaints:Sla) on the calendar set in code,
        // closed on Saturday; the Sla section stated neither.
        foreach (var id in new[] { "S-1", "S-2" })
        {
            var sla = (await service.LoadAsync(id))!.EvaluateSla();
            Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.Zero, new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero)), (sla.Acknowledge.Target, sla.Acknowledge.Elapsed, sla.Acknowledge.BreachAt));
        }

        await host.StopAsync();
    }

    [Fact]
    public async Task SlaSection_DefaultPolicyAndCalendar_ReplaceTheComplaintDefaults()
    {
        var clock = new FakeTimeProvider(Saturday);
        using var host = Start(clock, new(OfficeCalendar)
        {
            ["ServiceQuality:Sla:Policies:Standard:Low:TimeToResolve"] = "20.00:00:00",
            ["ServiceQuality:Sla:DefaultCalendar"] = "Office",
        });
        await host.StartAsync();
        var service = host.Services.GetRequiredService<ComplaintService>();

        Assert.Equal(TimeSpan.FromDays(20), service.Lifecycle.GetOptions().Sla.Low.TimeToResolve);
        await service.ReceiveAsync(Request("L-1", Priority.Low, ClientSegment.External));
        clock.Advance(TimeSpan.FromHours(3));
        var sla = (await service.LoadAsync("L-1"))!.EvaluateSla();

        Assert.Equal((TimeSpan.FromDays(20), TimeSpan.Zero), (sla.Resolve.Target, sla.Resolve.Elapsed));
        await host.StopAsync();
    }

    [Fact]
    public async Task SlaSection_BadValues_FailAtStartNamingTheirConfigurationKeys()
    {
        using var host = Start(new FakeTimeProvider(Monday), new()
        {
            ["ServiceQuality:Sla:Rules:0:Channels:0"] = "Pigeon",
            ["ServiceQuality:Sla:Rules:0:Policy"] = "Silver",
            ["ServiceQuality:Sla:PauseReasons:VendorHold"] = "Resolve",
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "ServiceQuality:Sla:Rules:0:Channels:0 is 'Pigeon'; valid: Chat, Email, InPerson, Internal, Phone, Web.",
                "ServiceQuality:Sla:Rules:0:Policy is 'Silver'; valid: Standard.",
            ],
            ex.Failures);
    }

    [Fact]
    public async Task SlaSection_StatingWhatCodeOrComplaintsAlsoState_FailsAtStartNamingBoth()
    {
        var office = OfficeCalendarInCode();
        using var host = Start(
            new FakeTimeProvider(Monday),
            new(OfficeCalendar)
            {
                ["ServiceQuality:Complaints:Sla:High:TimeToAcknowledge"] = "00:30:00",
                ["ServiceQuality:Sla:Policies:Standard:High:TimeToAcknowledge"] = "00:20:00",
                ["ServiceQuality:Sla:DefaultCalendar"] = "Office",
            },
            o =>
            {
                o.Complaints.Calendar = office;
                o.Complaints.SlaRules = new SlaOptions { PauseReasons = { ["VendorHold"] = SlaClocks.Resolve } }.Build();
            });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "ServiceQuality:Sla and ComplaintOptions.SlaRules (set in code) both give the SLA rules and pause reasons; valid: one of them (in code, set Sla instead).",
                "ServiceQuality:Sla:DefaultCalendar is 'Office' and ComplaintOptions.Calendar is set in code; valid: one of them.",
                "ServiceQuality:Sla:Policies:Standard and ServiceQuality:Complaints:Sla both set the Standard policies, differently (they are one set); valid: one of them.",
            ],
            ex.Failures);
    }

    private static BusinessCalendar OfficeCalendarInCode()
    {
        string[] day = ["09:00-17:00"];
        return new BusinessCalendarOptions
        {
            TimeZone = "UTC",
            Hours = new BusinessHoursOptions { Monday = [.. day], Tuesday = [.. day], Wednesday = [.. day], Thursday = [.. day], Friday = [.. day] },
        }.Build();
    }

    private static ReceiveComplaintRequest Request(string id, Priority priority, ClientSegment segment) => new()
    {
        ComplaintId = id, ClientId = "client-" + id, Segment = segment, Channel = ContactChannel.Email, Priority = priority, Text = "The VPN drops every hour.", Actor = "desk",
    };

    private static async Task Accept(ComplaintService service, string id, Func<Complaint, CommandResult> command)
    {
        var execution = await service.ExecuteAsync(id, command);
        Assert.True(execution.Result.IsAccepted, execution.ToString());
    }

    private static IHost Start(TimeProvider clock, Dictionary<string, string?> settings, Action<ServiceQualityOptions>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(clock);
        builder.Services.AddServiceQuality(builder.Configuration);
        if (configure is not null)
        {
            builder.Services.AddServiceQuality(configure);
        }

        return builder.Build();
    }
}
