using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServiceQuality.Complaints;
using ServiceQuality.Diagnostics;
using ServiceQuality.Normalization;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection.Tests;

public class ServiceQualityServiceCollectionExtensionsTests
{
    private static readonly Type[] Registered =
    [
        typeof(TimeProvider), typeof(ServiceQualityInstrumentation), typeof(ComplaintLifecycle), typeof(IComplaintStore),
        typeof(ComplaintService), typeof(ComplaintNormalizer), typeof(RecurrenceIndex), typeof(ComplaintCommandExecutor),
    ];

    [Fact]
    public void AddServiceQuality_EveryServiceResolves()
    {
        using var provider = new ServiceCollection().AddServiceQuality().Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        foreach (var type in Registered)
        {
            Assert.NotNull(provider.GetRequiredService(type));
        }

        Assert.IsType<InMemoryComplaintStore>(provider.GetRequiredService<IComplaintStore>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddServiceQuality_CalledTwice_RegistersEachServiceOnce_AndAppliesBothConfigurations()
    {
        var services = new ServiceCollection()
            .AddServiceQuality(o => o.Complaints.MaxEscalationLevel = 5).Services
            .AddServiceQuality(o => o.Complaints.RequireApologyBeforeHelp = false).Services;

        foreach (var type in Registered)
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ServiceQualityOptions>));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;
        Assert.Equal((5, false), (options.Complaints.MaxEscalationLevel, options.Complaints.RequireApologyBeforeHelp));
    }

    [Fact]
    public void UseComplaintStore_ReplacesTheInMemoryDefault_ForItsRegistrationOnly()
    {
        var mine = new InMemoryComplaintStore();
        var tenants = new InMemoryComplaintStore();
        var services = new ServiceCollection();
        var builder = services.AddServiceQuality().UseComplaintStore(_ => mine);
        services.AddKeyedServiceQuality("tenant-a", _ => { }).UseComplaintStore(_ => tenants);
        using var provider = services.BuildServiceProvider();

        Assert.Null(builder.ServiceKey);
        Assert.Single(services, d => d.ServiceType == typeof(IComplaintStore) && d.ServiceKey is null);
        Assert.Same(mine, provider.GetRequiredService<ComplaintService>().Store);
        Assert.Same(tenants, provider.GetRequiredKeyedService<ComplaintService>("tenant-a").Store);
        Assert.Same(provider.GetRequiredService<ComplaintService>(), provider.GetRequiredService<ComplaintCommandExecutor>().Service);
        Assert.Same(provider.GetRequiredKeyedService<ComplaintService>("tenant-a"), provider.GetRequiredKeyedService<ComplaintCommandExecutor>("tenant-a").Service);
    }

    [Fact]
    public void AddServiceQuality_AHostsOwnRegistration_Wins()
    {
        var ownStore = new InMemoryComplaintStore();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var provider = new ServiceCollection()
            .AddSingleton<IComplaintStore>(ownStore)
            .AddSingleton<TimeProvider>(clock)
            .AddServiceQuality().Services
            .BuildServiceProvider();

        var service = provider.GetRequiredService<ComplaintService>();

        Assert.Same(ownStore, service.Store);
        Assert.Same(clock, service.Lifecycle.TimeProvider);
    }

    [Fact]
    public async Task AddServiceQuality_UsesTheHostsTimeProvider_ForEveryEvent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddServiceQuality().Services.BuildServiceProvider();
        var service = provider.GetRequiredService<ComplaintService>();

        var complaint = await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.External, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "VPN down", Actor = "desk" });

        Assert.Equal(clock.GetUtcNow(), complaint.Snapshot.ReceivedAt);
    }

    [Fact]
    public void AddServiceQuality_WithAMeterFactory_CreatesTheMeterThroughIt()
    {
        using var provider = new ServiceCollection().AddMetrics().AddServiceQuality().Services.BuildServiceProvider();

        var instrumentation = provider.GetRequiredService<ServiceQualityInstrumentation>();

        Assert.Equal(ServiceQualityInstrumentation.MeterName, instrumentation.Meter.Name);
        Assert.Same(provider.GetRequiredService<IMeterFactory>(), instrumentation.Meter.Scope);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_FailsWithEveryProblemInOneMessage()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddServiceQuality(o =>
        {
            o.Complaints.AutoCloseAfter = TimeSpan.Zero;
            o.Complaints.MaxEscalationLevel = 0;
            o.Complaints.Sla.High.TimeToAcknowledge = TimeSpan.FromHours(-1);
            o.Sla = new SlaOptions
            {
                Calendars = { ["London"] = new BusinessCalendarOptions { TimeZone = "Mars/Olympus_Mons", Hours = { Monday = ["18:00-25:00"] } } },
                Rules = [new SlaRuleOptions { Channels = ["Pigeon"], Policy = "Standard" }],
            };
            o.Normalization.OrganizationThreshold = 1;
            o.Recurrence.MaxHammingDistance = 20;
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(8, ex.Failures.Count());
        Assert.Contains("ServiceQuality:Sla:Rules:0:Channels:0 is 'Pigeon'; valid: Chat, Email, InPerson, Internal, Phone, Web.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceQuality:Normalization:OrganizationThreshold is 1; it must be at least 3.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceQuality:Recurrence:MaxHammingDistance is 20; it must be 0 to 15.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceQuality:Sla:Calendars:London:TimeZone is 'Mars/Olympus_Mons'; valid: a time zone identifier this machine knows", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceQuality:Sla:Calendars:London:Hours:Monday:0 is '18:00-25:00'; valid: 'HH:mm-HH:mm' with times from 00:00 to 24:00", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceQuality:Complaints:AutoCloseAfter is 00:00:00; valid: greater than zero and at most 366 days.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceQuality:Complaints:MaxEscalationLevel is 0; valid: 1 to 10.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceQuality:Complaints:Sla:High:TimeToAcknowledge is -01:00:00; valid: greater than zero and at most 366 days.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ValidOptions_Starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddServiceQuality();
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void AddServiceQuality_FromConfiguration_BindsEverySection()
    {
        const string json = """
            {
              "ServiceQuality": {
                "Complaints": {
                  "RequireApologyBeforeHelp": false,
                  "RequireClientConfirmation": false,
                  "AutoCloseAfter": "3.00:00:00",
                  "ReopenWindow": "14.00:00:00",
                  "MaxEscalationLevel": 4,
                  "ClockPausedStates": [ "AwaitingClient", "Committed" ],
                  "Sla": { "High": { "TimeToAcknowledge": "00:30:00", "AtRiskThreshold": 0.6 } }
                },
                "Sla": {
                  "Calendars": {
                    "London": {
                      "TimeZone": "Europe/London",
                      "Hours": { "Monday": [ "08:30-12:00", "13:00-17:30" ], "Tuesday": [ "08:30-17:30" ], "Saturday": [ "22:00-06:00" ] },
                      "Holidays": [ "2026-12-28" ],
                      "RecurringHolidays": [
                        { "Name": "Christmas Day", "Month": 12, "Day": 25 },
                        { "Name": "Spring bank holiday", "Month": 5, "Weekday": "Monday", "Occurrence": -1 },
                        { "Name": "Good Friday", "EasterOffset": -2 }
                      ]
                    },
                    "Sydney": { "TimeZone": "Australia/Sydney", "Hours": { "Friday": [ "09:00-17:00" ] } }
                  },
                  "DefaultCalendar": "London",
                  "Policies": { "Vip": { "Critical": { "TimeToAcknowledge": "00:05:00" } }, "Internal": { "Low": { "TimeToResolve": "20.00:00:00" } } },
                  "Rules": [
                    { "Name": "VIP phone", "Priorities": [ "Critical", "High" ], "Segments": [ "External" ], "Channels": [ "Phone" ], "Tags": [ "vip" ], "Policy": "Vip", "Calendar": "AlwaysOpen" }
                  ],
                  "PauseReasons": { "AwaitingThirdParty": "Update, Resolve", "VendorHold": "Resolve" }
                },
                "Normalization": { "OrganizationThreshold": 25, "Systems": [ "Payroll Portal" ], "Categories": { "Billing": [ "invoice", "charged" ] } },
                "Recurrence": { "MaxHammingDistance": 5, "Window": "14.00:00:00" }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        using var provider = new ServiceCollection().AddServiceQuality(configuration.GetSection(ServiceQualityOptions.SectionName)).Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;
        var c = options.Complaints;
        Assert.Equal((false, false, TimeSpan.FromDays(3), TimeSpan.FromDays(14), 4), (c.RequireApologyBeforeHelp, c.RequireClientConfirmation, c.AutoCloseAfter, c.ReopenWindow, c.MaxEscalationLevel));
        Assert.Equal([ComplaintState.AwaitingClient, ComplaintState.Committed], c.ClockPausedStates.Order());
        Assert.Equal((TimeSpan.FromMinutes(30), 0.6, TimeSpan.FromDays(1)), (c.Sla.High.TimeToAcknowledge, c.Sla.High.AtRiskThreshold, c.Sla.High.TimeToResolve));
        var sla = options.Sla!;
        var london = sla.Calendars["london"];
        Assert.Equal(("Europe/London", "London"), (london.TimeZone, sla.DefaultCalendar));
        Assert.Equal(["08:30-12:00", "13:00-17:30"], london.Hours.Monday);
        Assert.Equal(["22:00-06:00"], london.Hours.Saturday);
        Assert.Equal([new DateOnly(2026, 12, 28)], london.Holidays);
        var spring = london.RecurringHolidays[1];
        Assert.Equal(("Spring bank holiday", 5, DayOfWeek.Monday, -1, (int?)null), (spring.Name, spring.Month, spring.Weekday, spring.Occurrence, spring.Day));
        Assert.Equal(-2, london.RecurringHolidays[2].EasterOffset);
        Assert.Equal(["09:00-17:00"], sla.Calendars["Sydney"].Hours.Friday);
        Assert.Equal((SlaClocks.Update | SlaClocks.Resolve, SlaClocks.Resolve, SlaClocks.Update | SlaClocks.Resolve), (sla.PauseReasons["AwaitingThirdParty"], sla.PauseReasons["VendorHold"], sla.PauseReasons["AwaitingClient"]));
        var rule = Assert.Single(sla.Rules);
        Assert.Equal(("VIP phone", "Vip", "AlwaysOpen"), (rule.Name, rule.Policy, rule.Calendar));
        Assert.Equal([Priority.Critical, Priority.High], rule.Priorities);
        Assert.Equal([ClientSegment.External], rule.Segments);
        Assert.Equal(["Phone"], rule.Channels);
        Assert.Equal(["vip"], rule.Tags);
        Assert.Equal((TimeSpan.FromDays(20), TimeSpan.FromDays(1)), (sla.Policies["Internal"].Low.TimeToResolve, sla.Policies["Internal"].Low.TimeToAcknowledge));
        var vip = sla.Build().Select(new SlaSubject { Priority = Priority.High, Segment = ClientSegment.External, Channel = nameof(ContactChannel.Phone), Tags = ["VIP"] });
        Assert.Equal(("VIP phone", "Vip", TimeSpan.FromHours(1)), (vip.Rule, vip.PolicyName, vip.Policy.TimeToAcknowledge));
        Assert.Equal(TimeSpan.FromMinutes(5), sla.Policies["Vip"].Critical.TimeToAcknowledge);

        Assert.Equal(25, options.Normalization.OrganizationThreshold);
        Assert.Equal(["Payroll Portal"], options.Normalization.Systems);
        Assert.Equal(["invoice", "charged"], options.Normalization.Categories["Billing"]);
        Assert.Equal((5, TimeSpan.FromDays(14)), (options.Recurrence.MaxHammingDistance, options.Recurrence.Window));
        Assert.Equal(5, provider.GetRequiredService<RecurrenceIndex>().MaxHammingDistance);
        var billing = provider.GetRequiredService<ComplaintNormalizer>().Normalize("We were charged twice on the invoice.");
        Assert.Contains(billing.Areas, a => a.Area == "Billing");

        var calendar = provider.GetRequiredService<ComplaintLifecycle>().GetOptions().Calendar;
        Assert.Equal("Europe/London", calendar.TimeZone.Id);
        Assert.Equal(4, calendar.Hours.Count);
        Assert.Equal([new DateOnly(2026, 4, 3), new DateOnly(2026, 5, 25), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)], calendar.HolidaysIn(2026));

        // Monday 2 March 2026 (GMT): 3.5 h in the morning shift, 4.5 h in the afternoon one.
        Assert.Equal(TimeSpan.FromHours(8), calendar.BusinessTimeBetween(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task AddKeyedServiceQuality_EachTenantGetsItsOwnPoliciesAndStore()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services
            .AddKeyedServiceQuality("strict", o => o.Complaints.RequireApologyBeforeHelp = true).Services
            .AddKeyedServiceQuality("relaxed", o =>
            {
                o.Complaints.RequireApologyBeforeHelp = false;
                o.Complaints.Sla.Normal.TimeToAcknowledge = TimeSpan.FromHours(8);
            });
        using var host = builder.Build();
        await host.StartAsync();

        var strict = host.Services.GetRequiredKeyedService<ComplaintService>("strict");
        var relaxed = host.Services.GetRequiredKeyedService<ComplaintService>("relaxed");

        Assert.NotSame(strict.Store, relaxed.Store);
        Assert.True(strict.Lifecycle.GetOptions().RequireApologyBeforeHelp);
        Assert.False(relaxed.Lifecycle.GetOptions().RequireApologyBeforeHelp);
        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.FromHours(8)), (strict.Lifecycle.GetOptions().Sla.Normal.TimeToAcknowledge, relaxed.Lifecycle.GetOptions().Sla.Normal.TimeToAcknowledge));

        // The same steps: the strict tenant refuses help before an apology, the relaxed one accepts it.
        foreach (var service in new[] { strict, relaxed })
        {
            await service.ReceiveAsync(new ReceiveComplaintRequest { ComplaintId = "Q1", ClientId = "C1", Segment = ClientSegment.Internal, Channel = ContactChannel.Email, Priority = Priority.Normal, Text = "printer jams", Actor = "desk" });
            await service.ExecuteAsync("Q1", c => c.Acknowledge("ann", ContactChannel.Email, "Thank you"));
            await service.ExecuteAsync("Q1", c => c.StartInvestigating("ann"));
        }

        var refused = await strict.ExecuteAsync("Q1", c => c.OfferHelp("ann", ContactChannel.Email, ["replace the toner"]));
        var accepted = await relaxed.ExecuteAsync("Q1", c => c.OfferHelp("ann", ContactChannel.Email, ["replace the toner"]));
        Assert.False(refused.Result.IsAccepted);
        Assert.True(accepted.Result.IsAccepted);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddKeyedServiceQuality_InvalidTenantOptions_FailAtStartNamingTheTenant()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddKeyedServiceQuality("tenant-a", o => o.Complaints.ReopenWindow = TimeSpan.Zero);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ServiceQuality[tenant-a]:Complaints:ReopenWindow is 00:00:00; valid: greater than zero and at most 3660 days.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddServiceQuality_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ServiceQualityServiceCollectionExtensions.AddServiceQuality(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServiceQuality((Action<ServiceQualityOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddServiceQuality((IConfiguration)null!));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddKeyedServiceQuality(" ", _ => { }));
    }
}
