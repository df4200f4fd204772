using System.Globalization;
using ServiceQuality.Sla;

namespace ServiceQuality.Complaints;

/// <summary>The policies of the complaint lifecycle: they shape the guards of the workflow definition and the SLA clocks.</summary>
public sealed class ComplaintOptions
{
    /// <summary>Gets or sets a value indicating whether an apology must be recorded before help is offered.</summary>
    /// <value><see langword="true"/>.</value>
    public bool RequireApologyBeforeHelp { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether closing needs the client's confirmation (or no answer within <see cref="AutoCloseAfter"/>).
    /// When <see langword="false"/>, a resolved complaint can be auto-closed at once.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool RequireClientConfirmation { get; set; } = true;

    /// <summary>Gets or sets how long after the fix a resolved complaint the client has not answered may be auto-closed.</summary>
    /// <value>7 days. Valid: greater than zero, at most 366 days.</value>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets how long after closing a complaint may be reopened.</summary>
    /// <value>30 days. Valid: greater than zero, at most 3660 days.</value>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the highest escalation level.</summary>
    /// <value>3. Valid: 1 to 10.</value>
    public int MaxEscalationLevel { get; set; } = 3;

    /// <summary>Gets or sets the SLA policy of each priority for a complaint no rule of <see cref="SlaRules"/> matches.</summary>
    /// <value>The defaults of <see cref="SlaPolicies"/>.</value>
    public SlaPolicies Sla { get; set; } = new();

    /// <summary>Gets or sets when business time runs for the SLA clocks, unless the rule of <see cref="SlaRules"/> a complaint matches names another calendar.</summary>
    /// <value><see cref="BusinessCalendar.AlwaysOpen"/> (24x7).</value>
    public BusinessCalendar Calendar { get; set; } = BusinessCalendar.AlwaysOpen;

    /// <summary>
    /// Gets or sets the states in which SLA clocks pause. The pause reason of a state is its name (e.g.
    /// <see cref="SlaPauseReasons.AwaitingClient"/>): the clocks it pauses are those <see cref="SlaRules"/> configures for
    /// that reason, or every clock when the reason is not configured there.
    /// </summary>
    /// <value><see cref="ComplaintState.AwaitingClient"/> (which pauses the update and resolve clocks by default). Valid: open leaf states (not Open, Engaged, Closed or Withdrawn).</value>
    public ISet<ComplaintState> ClockPausedStates { get; set; } = new HashSet<ComplaintState> { ComplaintState.AwaitingClient };

    /// <summary>
    /// Gets or sets which clocks each pause reason stops (a paused state's reason, or a hold's: <see cref="Complaint.PutOnHold"/>),
    /// and the conditional SLA rules: the first rule matching a complaint's priority, segment, intake channel and tags
    /// gives its policy set and, when the rule names one, its calendar (re-evaluated when the priority or tags change).
    /// A complaint no rule matches gets <see cref="Sla"/> on <see cref="Calendar"/>, and a rule naming no calendar runs
    /// on <see cref="Calendar"/>: the rules' own <see cref="SlaOptions.DefaultPolicy"/> and
    /// <see cref="SlaOptions.DefaultCalendar"/> are not used here (the DI package maps them onto <see cref="Sla"/> and
    /// <see cref="Calendar"/>).
    /// </summary>
    /// <value><see cref="Sla.SlaRules.Default"/>: no rules; AwaitingClient pauses Update and Resolve; AwaitingThirdParty and ScheduledChange pause Resolve.</value>
    public SlaRules SlaRules { get; set; } = SlaRules.Default;

    /// <summary>
    /// Gets or sets the host's own conditions on commands: each is added to every transition of its command, and a
    /// refusal names its description. They are part of the definition version recorded in each event.
    /// </summary>
    /// <value>None.</value>
    public IList<ComplaintGuard> Guards { get; set; } = [];

    /// <summary>Gets or sets the host's observers, called by <see cref="ComplaintService"/> for every event once it is stored, in order.</summary>
    /// <value>None.</value>
    public IList<IComplaintObserver> Observers { get; set; } = [];

    /// <summary>Gets or sets how many host-defined tags a complaint may carry.</summary>
    /// <value>20. Valid: 0 to 1000.</value>
    public int MaxTags { get; set; } = 20;

    /// <summary>Gets or sets the longest tag, in characters.</summary>
    /// <value>64. Valid: 1 to 1000.</value>
    public int MaxTagLength { get; set; } = 64;

    /// <summary>Gets or sets how many host-defined metadata entries a complaint may carry.</summary>
    /// <value>20. Valid: 0 to 1000.</value>
    public int MaxMetadataEntries { get; set; } = 20;

    /// <summary>Gets or sets the longest metadata key, in characters.</summary>
    /// <value>64. Valid: 1 to 1000.</value>
    public int MaxMetadataKeyLength { get; set; } = 64;

    /// <summary>Gets or sets the longest metadata value, in characters.</summary>
    /// <value>1024. Valid: 0 to 65536.</value>
    public int MaxMetadataValueLength { get; set; } = 1024;

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="InvalidOptionsException">One or more settings are missing or out of range; the message names each one and its valid range; <see cref="InvalidOptionsException.Problems"/> lists them.</exception>
    public void Validate()
    {
        List<string>? problems = null;
        if (AutoCloseAfter <= TimeSpan.Zero || AutoCloseAfter > TimeSpan.FromDays(366))
        {
            OptionProblems.Add(ref problems, $"{nameof(AutoCloseAfter)} is {C(AutoCloseAfter)}; valid: greater than zero and at most 366 days.");
        }

        if (ReopenWindow <= TimeSpan.Zero || ReopenWindow > TimeSpan.FromDays(3660))
        {
            OptionProblems.Add(ref problems, $"{nameof(ReopenWindow)} is {C(ReopenWindow)}; valid: greater than zero and at most 3660 days.");
        }

        if (MaxEscalationLevel is < 1 or > 10)
        {
            OptionProblems.Add(ref problems, $"{nameof(MaxEscalationLevel)} is {MaxEscalationLevel}; valid: 1 to 10.");
        }

        CheckRange(ref problems, nameof(MaxTags), MaxTags, 0, 1000);
        CheckRange(ref problems, nameof(MaxTagLength), MaxTagLength, 1, 1000);
        CheckRange(ref problems, nameof(MaxMetadataEntries), MaxMetadataEntries, 0, 1000);
        CheckRange(ref problems, nameof(MaxMetadataKeyLength), MaxMetadataKeyLength, 1, 1000);
        CheckRange(ref problems, nameof(MaxMetadataValueLength), MaxMetadataValueLength, 0, 65536);

        if (Sla is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(Sla)} is null; valid: an SlaPolicies.");
        }
        else
        {
            problems = Sla.CollectProblems(nameof(Sla), problems);
        }

        if (SlaRules is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(SlaRules)} is null; valid: an SlaRules (SlaRules.Default, or SlaOptions.Build()).");
        }

        if (Guards is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(Guards)} is null; valid: a list of ComplaintGuard (may be empty).");
        }
        else
        {
            for (int i = 0; i < Guards.Count; i++)
            {
                if (Guards[i] is null)
                {
                    OptionProblems.Add(ref problems, string.Create(CultureInfo.InvariantCulture, $"{nameof(Guards)}[{i}] is null; valid: a ComplaintGuard."));
                }
            }
        }

        if (Observers is null || Observers.Any(o => o is null))
        {
            OptionProblems.Add(ref problems, $"{nameof(Observers)} is null or holds a null; valid: a list of IComplaintObserver (may be empty).");
        }

        if (Calendar is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(Calendar)} is null; valid: a BusinessCalendar (BusinessCalendar.AlwaysOpen for 24x7).");
        }

        if (ClockPausedStates is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(ClockPausedStates)} is null; valid: a set of open leaf states (may be empty).");
        }
        else
        {
            foreach (var state in ClockPausedStates.Where(s => !IsPausable(s)))
            {
                OptionProblems.Add(ref problems, $"{nameof(ClockPausedStates)} contains {state}; valid: {string.Join(", ", ComplaintLifecycle.Hierarchy.GetLeafStates(ComplaintState.Open))}.");
            }
        }

        OptionProblems.ThrowIfAny(problems, nameof(ComplaintOptions));
    }

    internal ComplaintOptions Clone() => new()
    {
        RequireApologyBeforeHelp = RequireApologyBeforeHelp,
        RequireClientConfirmation = RequireClientConfirmation,
        AutoCloseAfter = AutoCloseAfter,
        ReopenWindow = ReopenWindow,
        MaxEscalationLevel = MaxEscalationLevel,
        MaxTags = MaxTags,
        MaxTagLength = MaxTagLength,
        MaxMetadataEntries = MaxMetadataEntries,
        MaxMetadataKeyLength = MaxMetadataKeyLength,
        MaxMetadataValueLength = MaxMetadataValueLength,
        Sla = Sla.Clone(),
        Calendar = Calendar,
        SlaRules = SlaRules,
        Guards = [.. Guards],
        Observers = [.. Observers],
        ClockPausedStates = new HashSet<ComplaintState>(ClockPausedStates),
    };

    private static bool IsPausable(ComplaintState state) => ComplaintLifecycle.Hierarchy.GetLeafStates(ComplaintState.Open).Contains(state);

    private static void CheckRange(ref List<string>? problems, string name, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            OptionProblems.Add(ref problems, string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; valid: {minimum} to {maximum}."));
        }
    }

    private static string C(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
