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

    private static readonly SlaPolicies StandardPolicies = new();
    private readonly Lock _sync = new();
    private ComplaintOptions? _built;

    /// <summary>Gets or sets the complaint lifecycle's policies and SLA policies per priority.</summary>
    /// <value>
    /// The defaults of <see cref="ComplaintOptions"/>. When <see cref="Sla"/> is set, the lifecycle gets its rules and
    /// pause reasons (<see cref="ComplaintOptions.SlaRules"/>), its default calendar when it names one other than
    /// <c>AlwaysOpen</c> (<see cref="ComplaintOptions.Calendar"/>), and its default policy set
    /// (<see cref="ComplaintOptions.Sla"/>, which is the <c>Standard</c> set: see <see cref="Sla"/>).
    /// </value>
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
    /// channel (a <see cref="ContactChannel"/> name) and tags, and the pause reasons. Validated at start. When set, it
    /// replaces only what it states in <see cref="Complaints"/>: its rules and pause reasons become
    /// <see cref="ComplaintOptions.SlaRules"/>; a <see cref="SlaOptions.DefaultCalendar"/> other than <c>AlwaysOpen</c>
    /// becomes <see cref="ComplaintOptions.Calendar"/>; the <see cref="SlaOptions.DefaultPolicy"/> set becomes
    /// <see cref="ComplaintOptions.Sla"/>. The <c>Standard</c> policy set and <see cref="ComplaintOptions.Sla"/> are one
    /// set, stated in either place. Stating one thing in both places (rules also set in code, a default calendar also set
    /// in code, different <c>Standard</c> policies in both sections) fails at start naming both.
    /// </summary>
    /// <value><see langword="null"/>: <see cref="Complaints"/> as it is (24x7, standard policies and pause reasons, no rules, unless set in code).</value>
    public SlaOptions? Sla { get; set; }

    /// <summary>Gets the problems found in the configuration these options were bound from (unknown keys, unparsable values, a missing section), reported at validation.</summary>
    internal List<string> ConfigurationProblems { get; } = [];

    /// <summary>Builds the complaint options the lifecycle uses: <see cref="Complaints"/> with what <see cref="Sla"/> states applied (once; later calls return the same).</summary>
    /// <returns>The complaint options.</returns>
    internal ComplaintOptions BuildComplaintOptions()
    {
        lock (_sync)
        {
            if (_built is not null)
            {
                return _built;
            }

            if (Sla is { } sla)
            {
                var complaints = Complaints;
                if (!SamePolicies(complaints.Sla, StandardPolicies))
                {
                    // Complaints:Sla is the Standard set: a rule naming Standard gets what a complaint no rule matches gets.
                    sla.Policies[SlaOptions.StandardPolicy] = complaints.Sla;
                }

                var rules = sla.Build(Enum.GetNames<ContactChannel>());
                complaints.SlaRules = rules;
                complaints.Sla = rules.Policies[sla.DefaultPolicy];
                if (!IsAlwaysOpen(sla.DefaultCalendar))
                {
                    complaints.Calendar = rules.DefaultCalendar;
                }
            }

            return _built = Complaints;
        }
    }

    /// <summary>Finds what <see cref="Sla"/> and <see cref="Complaints"/> both state (one of them would be ignored), each problem naming both keys.</summary>
    /// <param name="root">The section path of these options (<c>ServiceQuality</c>, <c>ServiceQuality[tenant]</c>).</param>
    /// <returns>The problems; none when <see cref="Sla"/> is not set.</returns>
    internal IEnumerable<string> SlaPrecedenceProblems(string root)
    {
        if (Sla is not { } sla || Complaints is not { } complaints || _built is not null)
        {
            yield break;
        }

        string key = $"{root}:{nameof(Sla)}";
        if (complaints.SlaRules is not null && !ReferenceEquals(complaints.SlaRules, SlaRules.Default))
        {
            yield return $"{key} and ComplaintOptions.SlaRules (set in code) both give the SLA rules and pause reasons; valid: one of them (in code, set {nameof(Sla)} instead).";
        }

        if (sla.DefaultCalendar is { } calendar && !IsAlwaysOpen(calendar) && complaints.Calendar is not null && !ReferenceEquals(complaints.Calendar, BusinessCalendar.AlwaysOpen))
        {
            yield return $"{key}:{nameof(SlaOptions.DefaultCalendar)} is '{calendar}' and ComplaintOptions.Calendar is set in code; valid: one of them.";
        }

        if (sla.Policies is not null && sla.Policies.TryGetValue(SlaOptions.StandardPolicy, out var standard) && standard is not null && complaints.Sla is not null
            && !SamePolicies(standard, StandardPolicies) && !SamePolicies(complaints.Sla, StandardPolicies) && !SamePolicies(standard, complaints.Sla))
        {
            yield return $"{key}:{nameof(SlaOptions.Policies)}:{SlaOptions.StandardPolicy} and {root}:{nameof(Complaints)}:{nameof(ComplaintOptions.Sla)} both set the {SlaOptions.StandardPolicy} policies, differently (they are one set); valid: one of them.";
        }
    }

    private static bool IsAlwaysOpen(string calendar) => string.Equals(calendar, SlaOptions.AlwaysOpenCalendar, StringComparison.OrdinalIgnoreCase);

    private static bool SamePolicies(SlaPolicies a, SlaPolicies b) =>
        Enum.GetValues<Priority>().All(p => SamePolicy(a.For(p), b.For(p)));

    private static bool SamePolicy(SlaPolicy? a, SlaPolicy? b) =>
        a is not null && b is not null
        && (a.TimeToAcknowledge, a.UpdateInterval, a.TimeToResolve, a.AtRiskThreshold, a.HighRiskThreshold)
            == (b.TimeToAcknowledge, b.UpdateInterval, b.TimeToResolve, b.AtRiskThreshold, b.HighRiskThreshold);
}
