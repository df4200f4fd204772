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
///   "Calendar": { "TimeZone": "Europe/London", "Opens": "09:00", "Closes": "17:30", "Holidays": [ "2026-12-25" ] },
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
    /// <value>The defaults of <see cref="ComplaintOptions"/>. Its <see cref="ComplaintOptions.Calendar"/> is replaced by <see cref="Calendar"/> when that is set.</value>
    public ComplaintOptions Complaints { get; set; } = new();

    /// <summary>Gets or sets the normalizer's options: extra lexicon terms and host-defined categories.</summary>
    /// <value>The built-in lexicons.</value>
    public NormalizationOptions Normalization { get; set; } = new();

    /// <summary>Gets or sets the recurrence index's options: how near and how close in time near-duplicates are.</summary>
    /// <value>Hamming distance 3, a 30-day window.</value>
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

    /// <summary>Gets or sets the business calendar SLA clocks run on, in a bindable form.</summary>
    /// <value><see langword="null"/>: the calendar in <see cref="Complaints"/> (24x7 unless set in code).</value>
    public CalendarOptions? Calendar { get; set; }

    /// <summary>Gets the problems found in the configuration these options were bound from (unknown keys, unparsable values, a missing section), reported at validation.</summary>
    internal List<string> ConfigurationProblems { get; } = [];

    /// <summary>Builds the complaint options the lifecycle uses, with <see cref="Calendar"/> applied.</summary>
    /// <returns>The complaint options.</returns>
    internal ComplaintOptions BuildComplaintOptions()
    {
        if (Calendar is not null)
        {
            Complaints.Calendar = Calendar.Build();
        }

        return Complaints;
    }
}

/// <summary>A business calendar in a form configuration can bind: a time zone, opening hours on working days, and holidays.</summary>
public sealed class CalendarOptions
{
    /// <summary>Gets or sets the IANA or Windows time zone identifier.</summary>
    /// <value><c>UTC</c>.</value>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Gets or sets when working days open, local time.</summary>
    /// <value>09:00.</value>
    public TimeOnly Opens { get; set; } = new(9, 0);

    /// <summary>Gets or sets when working days close, local time; after <see cref="Opens"/>.</summary>
    /// <value>17:00.</value>
    public TimeOnly Closes { get; set; } = new(17, 0);

    /// <summary>Gets or sets the working days.</summary>
    /// <value>Monday to Friday.</value>
    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Gets or sets the holidays (local dates on which no business time passes).</summary>
    /// <value>None.</value>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Lists every invalid setting.</summary>
    /// <param name="prefix">The configuration path of these options, for the messages.</param>
    /// <returns>The problems; empty when valid.</returns>
    internal IEnumerable<string> GetProblems(string prefix)
    {
        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return $"{prefix}:{nameof(TimeZone)} is '{TimeZone}'; valid: a time zone identifier this machine knows, e.g. 'UTC' or 'Europe/London'.";
        }

        if (Closes <= Opens)
        {
            yield return $"{prefix}:{nameof(Closes)} is {Closes:HH\\:mm}; valid: after {prefix}:{nameof(Opens)} ({Opens:HH\\:mm}).";
        }

        if (Days is null || Days.Count == 0)
        {
            yield return $"{prefix}:{nameof(Days)} is empty; valid: at least one day of the week.";
        }
    }

    /// <summary>Builds the calendar.</summary>
    /// <returns>The business calendar.</returns>
    internal BusinessCalendar Build() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
        Days.Distinct().Select(d => new WorkingHours(d, Opens.ToTimeSpan(), Closes.ToTimeSpan())),
        Holidays);
}
