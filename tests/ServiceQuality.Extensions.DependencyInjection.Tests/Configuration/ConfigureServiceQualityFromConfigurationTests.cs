using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;

namespace ServiceQuality.Extensions.DependencyInjection.Tests.Configuration;

public class ConfigureServiceQualityFromConfigurationTests
{
    [Fact]
    public async Task RootConfiguration_WithTheSection_IsBoundFromIt()
    {
        var root = Json("""{ "Logging": {}, "ServiceQuality": { "Complaints": { "MaxEscalationLevel": 5 }, "Retries": { "MaxRetries": 7 } } }""");
        using var host = Build(s => s.AddServiceQuality(root));

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;
        Assert.Equal((5, 7), (options.Complaints.MaxEscalationLevel, options.Retries.MaxRetries));
        await host.StopAsync();
    }

    [Fact]
    public async Task RootConfiguration_WithoutTheSection_FailsAtStartSayingSo()
    {
        var root = Json("""{ "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*", "ServiceQualty": { "Complaints": {} } }""");
        using var host = Build(s => s.AddServiceQuality(root));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            "The configuration given to AddServiceQuality has no 'ServiceQuality' section (its top-level keys: AllowedHosts, Logging, ServiceQualty); valid: a 'ServiceQuality' section, or the section holding the settings.",
            Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task AMissingSection_FailsAtStartNamingIt()
    {
        var root = Json("""{ "ServiceQuality": { "Complaints": {} } }""");
        using var host = Build(s => s.AddServiceQuality(root.GetSection("ServiceQualty")));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("The configuration section 'ServiceQualty' given to AddServiceQuality does not exist;", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKeys_FailValidation_EachWithItsNameAndTheValidOnes()
    {
        var root = Json("""
            {
              "ServiceQuality": {
                "Complaints": { "AutoCloseAftr": "3.00:00:00", "Sla": { "Hihg": { "TimeToAcknowledge": "01:00:00" }, "Low": { "TimeToAck": "01:00:00" } } },
                "Calender": { "TimeZone": "Europe/London" },
                "Retries": { "MaxRetries": 2, "Jitter": true }
              }
            }
            """);
        using var host = Build(s => s.AddServiceQuality(root));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "ServiceQuality:Calender is not a setting of ServiceQualityOptions; valid: Complaints, Normalization, Recurrence, Retries, Metrics, SlaMonitor, AutoClose, Sla.",
                "ServiceQuality:Complaints:AutoCloseAftr is not a setting of ComplaintOptions; valid: RequireApologyBeforeHelp, RequireClientConfirmation, AutoCloseAfter, ReopenWindow, MaxEscalationLevel, Sla, Calendar, ClockPausedStates, SlaRules, Guards, Observers, MaxTags, MaxTagLength, MaxMetadataEntries, MaxMetadataKeyLength, MaxMetadataValueLength.",
                "ServiceQuality:Complaints:Sla:Hihg is not a setting of SlaPolicies; valid: Low, Normal, High, Critical.",
                "ServiceQuality:Complaints:Sla:Low:TimeToAck is not a setting of SlaPolicy; valid: TimeToAcknowledge, UpdateInterval, TimeToResolve, AtRiskThreshold, HighRiskThreshold.",
                "ServiceQuality:Retries:Jitter is not a setting of CommandRetryOptions; valid: MaxRetries, BaseDelay, MaxDelay, UseJitter.",
            ],
            ex.Failures);
    }

    [Fact]
    public async Task OrganisationThreshold_TheKeyBefore1_0_IsStillBoundAsOrganizationThreshold()
    {
        var root = Json("""{ "ServiceQuality": { "Normalization": { "OrganisationThreshold": 25, "Systems": [ "Payroll Portal" ] } } }""");
        using var host = Build(s => s.AddServiceQuality(root));

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;
        Assert.Equal(25, options.Normalization.OrganizationThreshold);
        Assert.Equal(["Payroll Portal"], options.Normalization.Systems);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("""{ "OrganisationThreshold": 25, "OrganizationThreshold": 30 }""", "ServiceQuality:Normalization:OrganisationThreshold is the old name of OrganizationThreshold, which is set too; valid: OrganizationThreshold alone.")]
    [InlineData("""{ "OrganisationThreshold": "many" }""", "ServiceQuality:Normalization:OrganisationThreshold is 'many'; valid: a whole number.")]
    [InlineData("""{ "OrganisationThreshold": 2 }""", "ServiceQuality:Normalization:OrganizationThreshold is 2; it must be at least 3.")]
    public async Task OrganisationThreshold_BothKeysOrABadValue_FailsAtStartNamingTheKey(string normalization, string problem)
    {
        var root = Json($$"""{ "ServiceQuality": { "Normalization": {{normalization}} } }""");
        using var host = Build(s => s.AddServiceQuality(root));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal([problem], ex.Failures);
    }

    [Fact]
    public async Task UnparsableValues_AreAllReported_NoneHidesAnother()
    {
        var root = Json("""
            {
              "ServiceQuality": {
                "Complaints": { "AutoCloseAfter": "7 days", "MaxEscalationLevel": "three", "ClockPausedStates": [ "AwaitingClient", "99" ],
                                "Sla": { "High": { "AtRiskThreshold": "half" } } },
                "Recurrence": { "Window": "2 weeks" },
                "Retries": { "UseJitter": "maybe" },
                "Normalization": { "OrganizationThreshold": "1e3" },
                "Sla": { "Calendars": { "London": { "Holidays": [ "2026-12-25", "2026-13-45" ], "RecurringHolidays": [ { "Month": 5, "Weekday": "Funday", "Occurrence": "last" } ] } },
                         "PauseReasons": { "AwaitingClient": "Update, Lunch" } }
              }
            }
            """);
        using var host = Build(s => s.AddServiceQuality(root));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "ServiceQuality:Complaints:AutoCloseAfter is '7 days'; valid: a time span [d.]hh:mm[:ss[.fffffff]], e.g. 7.00:00:00 or 00:15:00.",
                "ServiceQuality:Complaints:ClockPausedStates:1 is '99'; valid: one of Open, Received, Engaged, Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved, Closed, Withdrawn.",
                "ServiceQuality:Complaints:MaxEscalationLevel is 'three'; valid: a whole number.",
                "ServiceQuality:Complaints:Sla:High:AtRiskThreshold is 'half'; valid: a number, e.g. 0.75.",
                "ServiceQuality:Normalization:OrganizationThreshold is '1e3'; valid: a whole number.",
                "ServiceQuality:Recurrence:Window is '2 weeks'; valid: a time span [d.]hh:mm[:ss[.fffffff]], e.g. 7.00:00:00 or 00:15:00.",
                "ServiceQuality:Retries:UseJitter is 'maybe'; valid: true or false.",
                "ServiceQuality:Sla:Calendars:London:Holidays:1 is '2026-13-45'; valid: a date yyyy-MM-dd, e.g. 2026-12-25.",
                "ServiceQuality:Sla:Calendars:London:RecurringHolidays:0:Occurrence is 'last'; valid: a whole number.",
                "ServiceQuality:Sla:Calendars:London:RecurringHolidays:0:Weekday is 'Funday'; valid: one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.",
                "ServiceQuality:Sla:PauseReasons:AwaitingClient is 'Update, Lunch'; valid: one of None, Acknowledge, Update, Resolve, All.",
            ],
            ex.Failures);
    }

    [Fact]
    public async Task ABadCalendarDay_FailsAtStart_NamingTheConfigurationKey()
    {
        var root = Json("""{ "ServiceQuality": { "Sla": { "Calendars": { "London": { "TimeZone": "Europe/London", "Hours": { "Monday": [ "09:00-17:30" ] }, "RecurringHolidays": [ { "Month": 5, "Weekday": "8", "Occurrence": -1 } ] } } } } }""");
        using var host = Build(s => s.AddServiceQuality(root));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("ServiceQuality:Sla:Calendars:London:RecurringHolidays:0:Weekday is '8'; valid: one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.", Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task ASettingConfigurationCannotBuild_IsReportedWithWhereToSetIt()
    {
        var root = Json("""{ "ServiceQuality": { "Complaints": { "Calendar": { "TimeZone": "Europe/London" } }, "Retries": "3" } }""");
        using var host = Build(s => s.AddServiceQuality(root));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "ServiceQuality:Complaints:Calendar cannot be set from configuration; set the calendars in the Sla section beside Complaints (Sla:Calendars, Sla:DefaultCalendar).",
                "ServiceQuality:Retries is '3'; valid: a section with the settings of CommandRetryOptions (MaxRetries, BaseDelay, MaxDelay, UseJitter).",
            ],
            ex.Failures);
    }

    [Fact]
    public async Task ConfigurationProblems_AndInvalidValues_AreReportedTogether_ForATenantByItsSectionPath()
    {
        var root = Json("""{ "Tenants": { "a": { "Complaints": { "MaxEscalationLevel": "x" } }, "b": { "Complaints": { "MaxEscalationLevel": 0 } } } }""");
        using var host = Build(s =>
        {
            s.AddKeyedServiceQuality("a", root.GetSection("Tenants:a"));
            s.AddKeyedServiceQuality("b", root.GetSection("Tenants:b"));
        });

        var ex = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

        var messages = ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToArray();
        Assert.Equal(
            ["Tenants:a:Complaints:MaxEscalationLevel is 'x'; valid: a whole number.", "ServiceQuality[b]:Complaints:MaxEscalationLevel is 0; valid: 1 to 10."],
            messages);
    }

    [Fact]
    public void ComplaintSettings_BoundOneByOne_AreEverySettingOfTheShape()
    {
        var complaints = ConfigureServiceQualityFromConfiguration.Shape.ShapeOf(nameof(ServiceQualityOptions.Complaints))!;

        Assert.Equal(complaints.Settings.Except(ConfigureServiceQualityFromConfiguration.ComplaintSettingsInCode).Order(), ConfigureServiceQualityFromConfiguration.ComplaintSettings.Order());
    }

    [Fact]
    public async Task Reload_IsNotSupported_TheOptionsKeepTheirStartValues_AndTheChangeIsLogged()
    {
        var source = new ReloadableSource(new Dictionary<string, string?> { ["ServiceQuality:Complaints:MaxEscalationLevel"] = "4", ["Other:Key"] = "1" });
        var root = new ConfigurationBuilder().Add(source).Build();
        var logs = new FakeLogCollector();
        using var host = Build(s => s.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs))).AddServiceQuality(root));
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<ServiceQualityOptions>>();
        var lifecycle = host.Services.GetRequiredService<ComplaintLifecycle>();
        int changes = 0;
        using var subscription = monitor.OnChange((_, _) => changes++);

        source.Set("Other:Key", "2");                                          // another section: nothing to say
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == ServiceQualityLogEvents.ConfigurationChangeIgnored);
        source.Set("ServiceQuality:Complaints:MaxEscalationLevel", "6");

        Assert.Equal((0, 4, 4), (changes, monitor.CurrentValue.Complaints.MaxEscalationLevel, lifecycle.GetOptions().MaxEscalationLevel));
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == ServiceQualityLogEvents.ConfigurationChangeIgnored);
        Assert.Equal((LogLevel.Warning, "The ServiceQuality configuration changed; ServiceQuality reads it once, at start: restart the host to apply it"), (warning.Level, warning.Message));
        await host.StopAsync();
    }

    private static IConfigurationRoot Json(string json) => new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }

    /// <summary>An in-memory configuration source whose values change while the host runs, raising the reload token as a file provider does.</summary>
    private sealed class ReloadableSource(Dictionary<string, string?> initial) : IConfigurationSource
    {
        private Provider? _provider;

        public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider = new Provider(initial);

        public void Set(string key, string value) => _provider!.Change(key, value);

        private sealed class Provider(Dictionary<string, string?> initial) : ConfigurationProvider
        {
            public override void Load() => Data = new Dictionary<string, string?>(initial, StringComparer.OrdinalIgnoreCase);

            public void Change(string key, string value)
            {
                Data[key] = value;
                OnReload();
            }
        }
    }
}
