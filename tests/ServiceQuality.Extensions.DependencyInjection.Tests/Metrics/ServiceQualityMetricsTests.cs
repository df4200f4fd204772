using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;
using ServiceQuality.Diagnostics;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection.Tests.Metrics;

public class ServiceQualityMetricsTests
{
    // Friday 27 November 2026, 16:00 UTC.
    private static readonly DateTimeOffset Friday4pm = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    /// <summary>Weekdays 09:00-17:00 UTC as the default calendar.</summary>
    private static SlaOptions OfficeHours()
    {
        var office = new BusinessCalendarOptions { TimeZone = "UTC" };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            office.Hours.For(day).Add("09:00-17:00");
        }

        return new SlaOptions { Calendars = { ["Office"] = office }, DefaultCalendar = "Office" };
    }

    [Fact]
    public async Task TimeToAcknowledge_IsRecordedInWallTimeAndInBusinessTime()
    {
        var clock = new FakeTimeProvider(Friday4pm);
        using var host = await StartAsync(clock, s => s.AddServiceQuality(o => o.Sla = OfficeHours()));
        var meter = host.Services.GetRequiredService<ServiceQualityInstrumentation>().Meter;
        using var wall = new MetricCollector<double>(meter, ServiceQualityMetricNames.TimeToAcknowledge);
        using var business = new MetricCollector<double>(meter, ServiceQualityMetricNames.TimeToAcknowledgeBusiness);
        var service = host.Services.GetRequiredService<ComplaintService>();
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "VPN down", Actor = "desk" });

        // Acknowledged on Monday at 10:00: 66 hours later, of which 2 are business hours (Friday 16-17, Monday 9-10).
        clock.Advance(TimeSpan.FromHours(66));
        await service.ExecuteAsync("Q1", c => c.Acknowledge("ann", ContactChannel.Email, "Thank you"));

        Assert.Equal([66 * 3600.0], wall.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal([2 * 3600.0], business.GetMeasurementSnapshot().Select(m => m.Value));
        await host.StopAsync();
    }

    [Fact]
    public async Task TimeToResolve_BusinessTime_LeavesOutTimeAwaitingTheClient()
    {
        var clock = new FakeTimeProvider(Friday4pm.AddHours(-7));   // Friday 09:00
        using var host = await StartAsync(clock, s => s.AddServiceQuality(o => o.Sla = OfficeHours()));
        var meter = host.Services.GetRequiredService<ServiceQualityInstrumentation>().Meter;
        using var business = new MetricCollector<double>(meter, ServiceQualityMetricNames.TimeToResolveBusiness);
        var service = host.Services.GetRequiredService<ComplaintService>();
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "VPN down", Actor = "desk" });
        await Step(service, c => c.Acknowledge("ann", ContactChannel.Email, "Thanks"));
        await Step(service, c => c.StartInvestigating("ann"));
        clock.Advance(TimeSpan.FromHours(1));                       // 10:00
        await Step(service, c => c.RequestInformation("ann", ContactChannel.Email, "Which office?"));
        clock.Advance(TimeSpan.FromHours(3));                       // 13:00: three paused hours
        await Step(service, c => c.RecordClientResponse("client", ContactChannel.Email, "Leeds"));
        await Step(service, c => c.Apologize("ann", ContactChannel.Email, "Sorry"));
        await Step(service, c => c.OfferHelp("ann", ContactChannel.Email, ["Replace the token"]));
        await Step(service, c => c.Commit("ann", ContactChannel.Email, "Replace the token", clock.GetUtcNow().AddDays(1)));
        clock.Advance(TimeSpan.FromHours(2));                       // 15:00
        await Step(service, c => c.DeliverFix("eng", ContactChannel.Email, "Replaced"));

        Assert.Equal([3 * 3600.0], business.GetMeasurementSnapshot().Select(m => m.Value));   // 09-10 and 13-15
        await host.StopAsync();
    }

    [Fact]
    public void Histograms_AdviseBucketsThatFitTheirTimes()
    {
        using var instrumentation = new ServiceQualityInstrumentation();

        Assert.Equal(
            [60.0, 300, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 86_400, 172_800, 345_600, 604_800, 1_209_600, 2_419_200],
            instrumentation.TimeToAcknowledge.Instrument.Advice!.HistogramBucketBoundaries!);
        foreach (var histogram in new[] { instrumentation.TimeToResolve, instrumentation.TimeToAcknowledgeBusiness, instrumentation.TimeToResolveBusiness })
        {
            Assert.Equal(ServiceQualityInstrumentation.DurationBuckets, histogram.Instrument.Advice!.HistogramBucketBoundaries!);
        }

        Assert.Equal(
            [1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 5e-3, 1e-2, 2.5e-2, 5e-2],
            instrumentation.NormalizationDuration.Advice!.HistogramBucketBoundaries!);
    }

    [Fact]
    public async Task KeyedTenants_TagTheirMeasurements_OnTheSharedInstruments()
    {
        using var host = await StartAsync(new FakeTimeProvider(Friday4pm), s =>
        {
            s.AddServiceQuality();
            s.AddKeyedServiceQuality("north", _ => { });
            s.AddKeyedServiceQuality("south", _ => { });
        });
        using var received = new MetricCollector<long>(host.Services.GetRequiredService<ServiceQualityInstrumentation>().Meter, ServiceQualityMetricNames.ComplaintsReceived);

        foreach (var (key, id) in new[] { ((string?)null, "D1"), ("north", "N1"), ("north", "N2"), ("south", "S1") })
        {
            var service = key is null ? host.Services.GetRequiredService<ComplaintService>() : host.Services.GetRequiredKeyedService<ComplaintService>(key);
            await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = id, ClientId = "C1", Segment = ClientSegment.Internal, Channel = ContactChannel.Chat, Priority = Priority.Low, Text = "Printer jams", Actor = "desk" });
        }

        var byTenant = received.GetMeasurementSnapshot()
            .GroupBy(m => m.Tags.TryGetValue(ServiceQualityInstrumentation.TenantTag, out var t) ? (string?)t : null)
            .ToDictionary(g => g.Key ?? "(none)", g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["(none)"] = 1, ["north"] = 2, ["south"] = 1 }, byTenant);
        Assert.All(received.GetMeasurementSnapshot(), m => Assert.Equal(("Chat", "Low"), ((string)m.Tags["channel"]!, (string)m.Tags["priority"]!)));
        await host.StopAsync();
    }

    [Fact]
    public async Task OpenBacklogGauge_CountsOpenComplaintsByStateAndPriority_FromTheStore_RefreshedWhenStale()
    {
        var clock = new FakeTimeProvider(Friday4pm);
        using var host = await StartAsync(clock, s => s.AddServiceQuality(o => o.Metrics.BacklogRefreshInterval = TimeSpan.FromMinutes(1)));
        var service = host.Services.GetRequiredService<ComplaintService>();
        var backlog = host.Services.GetRequiredService<OpenBacklog>();
        using var gauge = new MetricCollector<long>(host.Services.GetRequiredService<ServiceQualityInstrumentation>().Meter, ServiceQualityMetricNames.OpenComplaints, clock);
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.High, Text = "VPN down", Actor = "desk" });
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q2", ClientId = "C2", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "Printer jams", Actor = "desk" });
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q3", ClientId = "C3", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "Slow laptop", Actor = "desk" });
        await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q4", ClientId = "C4", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Critical, Text = "Wrong ticket", Actor = "desk" });
        await Step(service, c => c.Acknowledge("ann", ContactChannel.Email, "Thanks"), "Q3");
        await Step(service, c => c.Withdraw("C4", ContactChannel.Email, "Filed twice"), "Q4");

        // The first observation starts the count; the gauge reports it from then on.
        Assert.Empty(Observe(gauge));
        await backlog.LastRefresh;
        var counts = Observe(gauge);
        Assert.Equal(7 * 4, counts.Count);                          // every open leaf state with every priority
        Assert.Equal(
            new Dictionary<(string, string), long> { [("Received", "High")] = 1, [("Received", "Normal")] = 1, [("Acknowledged", "Normal")] = 1 },
            counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value));

        // Within the interval the counts are not recounted; after it, the next observation recounts.
        await Step(service, c => c.Acknowledge("ann", ContactChannel.Email, "Thanks"), "Q1");
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, Observe(gauge)[("Received", "High")]);
        Assert.True(backlog.LastRefresh.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Observe(gauge);
        await backlog.LastRefresh;
        counts = Observe(gauge);
        Assert.Equal((0, 1, 1), (counts[("Received", "High")], counts[("Acknowledged", "High")], counts[("Acknowledged", "Normal")]));
        await host.StopAsync();
    }

    [Fact]
    public async Task OpenBacklogGauge_OfATenant_IsTaggedWithIt()
    {
        using var host = await StartAsync(new FakeTimeProvider(Friday4pm), s => s.AddKeyedServiceQuality("north", _ => { }));
        await host.Services.GetRequiredKeyedService<ComplaintService>("north").ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "N1", ClientId = "C1", Segment = ClientSegment.Internal, Channel = ContactChannel.Chat, Priority = Priority.Low, Text = "Printer jams", Actor = "desk" });
        using var gauge = new MetricCollector<long>(host.Services.GetRequiredService<ServiceQualityInstrumentation>().Meter, ServiceQualityMetricNames.OpenComplaints);

        await host.Services.GetRequiredKeyedService<OpenBacklog>("north").RefreshAsync(CancellationToken.None);
        gauge.RecordObservableInstruments();

        var low = Assert.Single(gauge.GetMeasurementSnapshot(), m => m.Value == 1);
        Assert.Equal(("Received", "Low", "north"), ((string)low.Tags["state"]!, (string)low.Tags["priority"]!, (string)low.Tags[ServiceQualityInstrumentation.TenantTag]!));
        await host.StopAsync();
    }

    private static Dictionary<(string State, string Priority), long> Observe(MetricCollector<long> gauge)
    {
        gauge.Clear();
        gauge.RecordObservableInstruments();
        return gauge.GetMeasurementSnapshot().ToDictionary(m => ((string)m.Tags["state"]!, (string)m.Tags["priority"]!), m => m.Value);
    }

    private static async Task Step(ComplaintService service, Func<Complaint, CommandResult> command, string id = "Q1") =>
        (await service.ExecuteAsync(id, command)).Result.EnsureAccepted();

    private static async Task<IHost> StartAsync(TimeProvider clock, Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddMetrics().AddSingleton(clock);
        configure(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
