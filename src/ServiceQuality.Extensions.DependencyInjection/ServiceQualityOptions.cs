using ServiceQuality.Complaints;
using ServiceQuality.Normalization;
using ServiceQuality.Sla;

namespace ServiceQuality.Extensions.DependencyInjection;

/// <summary>
/// Everything <c>AddServiceQuality</c> configures, bound from the <see cref="SectionName"/> configuration section or set
/// in code, and validated once at host start with every problem reported in one message.
/// </summary>
/// <example>
/// <code>
/// "ServiceQuality": {
///   "Complaints": { "RequireApologyBeforeHelp": true, "AutoCloseAfter": "7.00:00:00",
///                   "Sla": { "High": { "TimeToAcknowledge": "01:00:00" } } },
///   "Sla": { "Calendars": { "London": { "TimeZone": "Europe/London",
///                                      "Hours": { "Monday": [ "09:00-12:00", "13:00-17:30" ], "Tuesday": [ "09:00-17:30" ] },
///                                      "RecurringHolidays": [ { "Month": 12, "Day": 25 }, { "EasterOffset": -2 } ] } },
///            "DefaultCalendar": "London" },
///   "Normalization": { "Systems": [ "Payroll Portal" ], "Categories": { "Billing": [ "invoice", "charged" ] } },
///   "Recurrence": { "MaxHammingDistance": 3, "Window": "14.00:00:00" }
/// }
/// </code>
/// </example>
public sealed class ServiceQualityOptions
{
    /// <summary>The configuration section read by <c>AddServiceQuality(IConfiguration)</c> when given the root: <c>ServiceQuality</c>.</summary>
    public const string SectionName = "ServiceQuality";

    /// <summary>Gets or sets the complaint lifecycle's policies and SLA policies per priority.</summary>
    /// <value>The defaults of <see cref="ComplaintOptions"/>. Its <see cref="ComplaintOptions.Calendar"/> is replaced by the default calendar of <see cref="Sla"/> when that is set.</value>
    public ComplaintOptions Complaints { get; set; } = new();

    /// <summary>Gets or sets the normalizer's options: extra lexicon terms and host-defined categories.</summary>
    /// <value>The built-in lexicons.</value>
    public NormalizationOptions Normalization { get; set; } = new();

    /// <summary>Gets or sets the recurrence index's options: how near and how close in time near-duplicates are.</summary>
    /// <value>Hamming distance 3, a three-year window (<see cref="RecurrenceIndexOptions.Window"/>).</value>
    public RecurrenceIndexOptions Recurrence { get; set; } = new();

    /// <summary>Gets or sets how commands are retried after a concurrency conflict (<see cref="ComplaintCommandExecutor"/>).</summary>
    /// <value>3 retries, from 20 ms, at most 1 s apart, jittered.</value>
    public CommandRetryOptions Retries { get; set; } = new();

    /// <summary>Gets or sets how the metrics are produced.</summary>
    /// <value>The open-backlog gauge recounted at most once a minute.</value>
    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>Gets or sets how the hosted SLA monitor runs (<c>.AddSlaMonitor()</c>).</summary>
    /// <value>A sweep a minute; unhealthy when 5 minutes behind.</value>
    public SlaMonitorOptions SlaMonitor { get; set; } = new();

    /// <summary>Gets or sets how the hosted auto-close runs (<c>.AddAutoClose()</c>).</summary>
    /// <value>A sweep every 15 minutes, as <c>system</c>.</value>
    public AutoCloseOptions AutoClose { get; set; } = new();

    /// <summary>
    /// Gets or sets the SLA engine's settings in a bindable form: named business calendars (hours per weekday, split and
    /// overnight shifts, dated and recurring holidays), named policy sets, the first-match rules over priority, segment,
    /// channel (a <see cref="ContactChannel"/> name) and tags, and the pause reasons. Validated at start; its default
    /// calendar replaces <see cref="ComplaintOptions.Calendar"/>.
    /// </summary>
    /// <value><see langword="null"/>: the calendar in <see cref="Complaints"/> (24x7 unless set in code).</value>
    public SlaOptions? Sla { get; set; }

    /// <summary>Gets the problems found in the configuration these options were bound from (unknown keys, unparsable values, a missing section), reported at validation.</summary>
    internal List<string> ConfigurationProblems { get; } = [];

    /// <summary>Builds the complaint options the lifecycle uses, with the default calendar of <see cref="Sla"/> applied.</summary>
    /// <returns>The complaint options.</returns>
    internal ComplaintOptions BuildComplaintOptions()
    {
        if (Sla is not null)
        {
            Complaints.Calendar = Sla.Build(Enum.GetNames<ContactChannel>()).DefaultCalendar;
        }

        return Complaints;
    }
}
