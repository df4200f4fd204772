using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ServiceQuality.Complaints;
using ServiceQuality.Normalization;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Binds <see cref="ServiceQualityOptions"/> from configuration, loudly: given the root configuration it takes the
/// <c>ServiceQuality</c> section, and a missing section is a problem, not 24x7 defaults; the section is checked against
/// <see cref="Shape"/> first, so every unknown key and every unparsable value is reported (by its configuration key)
/// when the options are validated at start, and nothing is bound from a section with problems. The binding itself is
/// the source-generated (trimming- and AOT-safe) binder, part by part: <see cref="ComplaintOptions.Calendar"/> is an
/// immutable <see cref="BusinessCalendar"/> that configuration cannot construct (its bindable form is the calendars of
/// <see cref="ServiceQualityOptions.Sla"/>), and a configured list replaces a default list rather than adding to it.
/// </summary>
internal sealed class ConfigureServiceQualityFromConfiguration(string name, IConfiguration configuration) : IConfigureNamedOptions<ServiceQualityOptions>
{
    private static readonly ConfigurationShape Policy = ConfigurationShape.Of<SlaPolicy>();
    private static readonly ConfigurationShape Policies = ConfigurationShape.Of<SlaPolicies>(
        (nameof(SlaPolicies.Low), Policy), (nameof(SlaPolicies.Normal), Policy), (nameof(SlaPolicies.High), Policy), (nameof(SlaPolicies.Critical), Policy));

    /// <summary>Gets what the <c>ServiceQuality</c> section may hold.</summary>
    internal static ConfigurationShape Shape { get; } = ConfigurationShape.Of<ServiceQualityOptions>(
        (nameof(ServiceQualityOptions.Complaints), ConfigurationShape.Of<ComplaintOptions>(
            (nameof(ComplaintOptions.Sla), Policies),
            (nameof(ComplaintOptions.Calendar), ConfigurationShape.NotBindable("set the calendars in the Sla section beside Complaints (Sla:Calendars, Sla:DefaultCalendar)")),
            (nameof(ComplaintOptions.SlaRules), ConfigurationShape.NotBindable("set the SLA rules in the Sla section beside Complaints (Sla:Rules)")),
            (nameof(ComplaintOptions.Guards), ConfigurationShape.NotBindable("add host guards in code, in AddServiceQuality's configure delegate")),
            (nameof(ComplaintOptions.Observers), ConfigurationShape.NotBindable("add observers in code, in AddServiceQuality's configure delegate")))),
        (nameof(ServiceQualityOptions.Normalization), ConfigurationShape.Of<NormalizationOptions>()
            .WithOldName(OldOrganizationThreshold, nameof(NormalizationOptions.OrganizationThreshold))),
        (nameof(ServiceQualityOptions.Recurrence), ConfigurationShape.Of<RecurrenceIndexOptions>()),
        (nameof(ServiceQualityOptions.Retries), ConfigurationShape.Of<CommandRetryOptions>()),
        (nameof(ServiceQualityOptions.Metrics), ConfigurationShape.Of<MetricsOptions>()),
        (nameof(ServiceQualityOptions.SlaMonitor), ConfigurationShape.Of<SlaMonitorOptions>()),
        (nameof(ServiceQualityOptions.AutoClose), ConfigurationShape.Of<AutoCloseOptions>()),
        (nameof(ServiceQualityOptions.Sla), ConfigurationShape.Of<SlaOptions>(
            (nameof(SlaOptions.Calendars), ConfigurationShape.DictionaryOf(ConfigurationShape.Of<BusinessCalendarOptions>(
                (nameof(BusinessCalendarOptions.Hours), ConfigurationShape.Of<BusinessHoursOptions>()),
                (nameof(BusinessCalendarOptions.RecurringHolidays), ConfigurationShape.ListOf(ConfigurationShape.Of<RecurringHolidayOptions>()))))),
            (nameof(SlaOptions.Policies), ConfigurationShape.DictionaryOf(Policies)),
            (nameof(SlaOptions.Rules), ConfigurationShape.ListOf(ConfigurationShape.Of<SlaRuleOptions>())))));

    /// <summary>The key of <see cref="NormalizationOptions.OrganizationThreshold"/> before 1.0 (British spelling), still read.</summary>
    internal const string OldOrganizationThreshold = "OrganisationThreshold";

    /// <summary>Gets the settings of <see cref="ComplaintOptions"/> that <see cref="Configure(string?, ServiceQualityOptions)"/> binds one by one (a test keeps it equal to the shape's).</summary>
    internal static IReadOnlyList<string> ComplaintSettings { get; } =
    [
        nameof(ComplaintOptions.RequireApologyBeforeHelp), nameof(ComplaintOptions.RequireClientConfirmation), nameof(ComplaintOptions.AutoCloseAfter),
        nameof(ComplaintOptions.ReopenWindow), nameof(ComplaintOptions.MaxEscalationLevel), nameof(ComplaintOptions.Sla), nameof(ComplaintOptions.ClockPausedStates),
        nameof(ComplaintOptions.MaxTags), nameof(ComplaintOptions.MaxTagLength), nameof(ComplaintOptions.MaxMetadataEntries),
        nameof(ComplaintOptions.MaxMetadataKeyLength), nameof(ComplaintOptions.MaxMetadataValueLength),
    ];

    /// <summary>Gets the settings of <see cref="ComplaintOptions"/> that only code can set (objects, delegates): the shape reports them when configured.</summary>
    internal static IReadOnlyList<string> ComplaintSettingsInCode { get; } =
        [nameof(ComplaintOptions.Calendar), nameof(ComplaintOptions.SlaRules), nameof(ComplaintOptions.Guards), nameof(ComplaintOptions.Observers)];

    public void Configure(ServiceQualityOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? optionsName, ServiceQualityOptions options)
    {
        if (!string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal))
        {
            return;
        }

        var problems = options.ConfigurationProblems;
        int before = problems.Count;
        if (Locate(configuration, problems) is not { } section)
        {
            return;
        }

        Shape.Check(section, problems);
        if (problems.Count > before)
        {
            return;
        }

        try
        {
            Bind(section, options);
        }
        catch (InvalidOperationException ex)
        {
            // The check above parses as the binder does; this is a last guard, still naming the section.
            problems.Add($"{section.Path}: {ex.Message}");
        }
    }

    /// <summary>The section holding the settings: the one given, or the root's <c>ServiceQuality</c> section; <see langword="null"/> (with a problem) when it does not exist.</summary>
    internal static IConfigurationSection? Locate(IConfiguration configuration, List<string> problems)
    {
        if (configuration is IConfigurationSection given)
        {
            if (given.Exists())
            {
                return given;
            }

            problems.Add($"The configuration section '{given.Path}' given to AddServiceQuality does not exist; valid: an existing section (is it spelled as in appsettings.json?), or AddServiceQuality() without configuration for the defaults.");
            return null;
        }

        var section = configuration.GetSection(ServiceQualityOptions.SectionName);
        if (section.Exists())
        {
            return section;
        }

        string keys = string.Join(", ", configuration.GetChildren().Select(c => c.Key));
        problems.Add($"The configuration given to AddServiceQuality has no '{ServiceQualityOptions.SectionName}' section (its top-level keys: {(keys.Length == 0 ? "none" : keys)}); valid: a '{ServiceQualityOptions.SectionName}' section, or the section holding the settings.");
        return null;
    }

    private static void Bind(IConfigurationSection section, ServiceQualityOptions options)
    {
        var complaints = section.GetSection(nameof(ServiceQualityOptions.Complaints));
        var c = options.Complaints;
        c.RequireApologyBeforeHelp = complaints.GetValue(nameof(c.RequireApologyBeforeHelp), c.RequireApologyBeforeHelp);
        c.RequireClientConfirmation = complaints.GetValue(nameof(c.RequireClientConfirmation), c.RequireClientConfirmation);
        c.AutoCloseAfter = complaints.GetValue(nameof(c.AutoCloseAfter), c.AutoCloseAfter);
        c.ReopenWindow = complaints.GetValue(nameof(c.ReopenWindow), c.ReopenWindow);
        c.MaxEscalationLevel = complaints.GetValue(nameof(c.MaxEscalationLevel), c.MaxEscalationLevel);
        c.MaxTags = complaints.GetValue(nameof(c.MaxTags), c.MaxTags);
        c.MaxTagLength = complaints.GetValue(nameof(c.MaxTagLength), c.MaxTagLength);
        c.MaxMetadataEntries = complaints.GetValue(nameof(c.MaxMetadataEntries), c.MaxMetadataEntries);
        c.MaxMetadataKeyLength = complaints.GetValue(nameof(c.MaxMetadataKeyLength), c.MaxMetadataKeyLength);
        c.MaxMetadataValueLength = complaints.GetValue(nameof(c.MaxMetadataValueLength), c.MaxMetadataValueLength);
        complaints.GetSection(nameof(c.Sla)).Bind(c.Sla, Strict);
        if (complaints.GetSection(nameof(c.ClockPausedStates)).Get<ComplaintState[]>() is { } paused)
        {
            c.ClockPausedStates = new HashSet<ComplaintState>(paused);
        }

        var normalization = section.GetSection(nameof(ServiceQualityOptions.Normalization));
        if (normalization.GetSection(OldOrganizationThreshold).Exists())
        {
            // The shape checked the old key as the new one (and that both are not set); the binder would call it unknown.
            normalization.Bind(options.Normalization, static binder => binder.ErrorOnUnknownConfiguration = false);
            options.Normalization.OrganizationThreshold = normalization.GetValue<int>(OldOrganizationThreshold);
        }
        else
        {
            normalization.Bind(options.Normalization, Strict);
        }

        section.GetSection(nameof(ServiceQualityOptions.Recurrence)).Bind(options.Recurrence, Strict);
        section.GetSection(nameof(ServiceQualityOptions.Retries)).Bind(options.Retries, Strict);
        section.GetSection(nameof(ServiceQualityOptions.Metrics)).Bind(options.Metrics, Strict);
        section.GetSection(nameof(ServiceQualityOptions.SlaMonitor)).Bind(options.SlaMonitor, Strict);
        section.GetSection(nameof(ServiceQualityOptions.AutoClose)).Bind(options.AutoClose, Strict);

        var sla = section.GetSection(nameof(ServiceQualityOptions.Sla));
        if (sla.Exists())
        {
            options.Sla ??= new SlaOptions();
            sla.Bind(options.Sla, Strict);
        }
    }

    private static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
}
