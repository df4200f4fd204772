namespace ServiceQuality.Sla;

/// <summary>
/// One conditional SLA rule in a form configuration binds: conditions on priority, segment, channel and host tags
/// (an empty list is no condition; a list lets any of its values match, except <see cref="Tags"/>, which all must be
/// present), and the policy set and calendar a matching work item gets. Rules are tried in order; the first match wins.
/// </summary>
public sealed class SlaRuleOptions
{
    /// <summary>Gets or sets a name for people and for <see cref="SlaSelection.Rule"/>.</summary>
    /// <value><see langword="null"/>: the rule is named by its key, e.g. <c>Rules:2</c>.</value>
    public string? Name { get; set; }

    /// <summary>Gets or sets the priorities the rule applies to.</summary>
    /// <value>None: any priority.</value>
    public List<Priority> Priorities { get; set; } = [];

    /// <summary>Gets or sets the client segments the rule applies to (internal, external).</summary>
    /// <value>None: any segment.</value>
    public List<ClientSegment> Segments { get; set; } = [];

    /// <summary>Gets or sets the channels the rule applies to, by name (compared ignoring case), e.g. <c>Phone</c>.</summary>
    /// <value>None: any channel.</value>
    public List<string> Channels { get; set; } = [];

    /// <summary>Gets or sets the host tags a work item must all carry for the rule to apply (compared ignoring case).</summary>
    /// <value>None: no tag needed.</value>
    public List<string> Tags { get; set; } = [];

    /// <summary>Gets or sets the name of the policy set a matching work item gets.</summary>
    /// <value>Empty (required). Valid: a name in <see cref="SlaOptions.Policies"/>.</value>
    public string Policy { get; set; } = string.Empty;

    /// <summary>Gets or sets the name of the calendar a matching work item's clocks run on.</summary>
    /// <value><see langword="null"/>: <see cref="SlaOptions.DefaultCalendar"/>. Valid: <c>AlwaysOpen</c> or a name in <see cref="SlaOptions.Calendars"/>.</value>
    public string? Calendar { get; set; }

    internal void CollectProblems(string key, HashSet<string>? knownChannels, ref List<string>? problems)
    {
        CheckList(ref problems, key, nameof(Priorities), Priorities, static p => Enum.IsDefined(p), "Low, Normal, High, Critical");
        CheckList(ref problems, key, nameof(Segments), Segments, static s => Enum.IsDefined(s), "Internal, External");
        CheckList(
            ref problems, key, nameof(Channels), Channels, c => !string.IsNullOrWhiteSpace(c) && (knownChannels?.Contains(c) ?? true),
            knownChannels is null ? "a non-blank channel name" : string.Join(", ", knownChannels.Order(StringComparer.Ordinal)));
        CheckList(ref problems, key, nameof(Tags), Tags, static t => !string.IsNullOrWhiteSpace(t), "a non-blank tag");

        static void CheckList<T>(ref List<string>? problems, string key, string name, List<T>? list, Func<T, bool> isValid, string valid)
        {
            if (list is null)
            {
                OptionProblems.Add(ref problems, $"{key}:{name} is null; valid: a list (empty: no condition).");
                return;
            }

            for (int i = 0; i < list.Count; i++)
            {
                if (!isValid(list[i]))
                {
                    OptionProblems.Add(ref problems, $"{key}:{name}:{i} is '{list[i]}'; valid: {valid}.");
                }
            }
        }
    }
}

/// <summary>What the conditional rules look at in a work item: its priority, segment, channel and host tags.</summary>
public readonly record struct SlaSubject
{
    /// <summary>Gets the priority.</summary>
    public required Priority Priority { get; init; }

    /// <summary>Gets whether the client is internal or external.</summary>
    public required ClientSegment Segment { get; init; }

    /// <summary>Gets the channel's name (e.g. <c>Phone</c>), compared ignoring case.</summary>
    /// <value><see langword="null"/>: unknown (only rules without a channel condition match).</value>
    public string? Channel { get; init; }

    /// <summary>Gets the host tags (compared ignoring case).</summary>
    /// <value><see langword="null"/>: none.</value>
    public IReadOnlyCollection<string>? Tags { get; init; }
}

/// <summary>The terms a work item gets: the policy for its priority from the chosen policy set, the calendar, and the rule that chose them. Immutable.</summary>
public sealed class SlaSelection
{
    internal SlaSelection(string rule, int ruleIndex, string policyName, SlaPolicy policy, string calendarName, BusinessCalendar calendar, bool ruleNamesCalendar)
    {
        RuleNamesCalendar = ruleNamesCalendar;
        Rule = rule;
        RuleIndex = ruleIndex;
        PolicyName = policyName;
        Policy = policy;
        CalendarName = calendarName;
        Calendar = calendar;
    }

    /// <summary>Gets the rule that matched: its name, its key (<c>Rules:2</c>) when it has none, or <c>Default</c> when none matched.</summary>
    public string Rule { get; }

    /// <summary>Gets the index of the rule that matched in <see cref="SlaOptions.Rules"/>, or -1 when none matched.</summary>
    public int RuleIndex { get; }

    /// <summary>Gets the name of the chosen policy set.</summary>
    public string PolicyName { get; }

    /// <summary>Gets the policy of the work item's priority in the chosen set (a copy made at build: do not change it).</summary>
    public SlaPolicy Policy { get; }

    /// <summary>Gets the name of the chosen calendar.</summary>
    public string CalendarName { get; }

    /// <summary>Gets the chosen calendar.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets a value indicating whether the matching rule named its calendar (<see langword="false"/> when it took <see cref="SlaOptions.DefaultCalendar"/>, or none matched).</summary>
    internal bool RuleNamesCalendar { get; }

    /// <summary>Creates the entry that switches a history's clocks to these terms (after a priority change).</summary>
    /// <param name="at">When the terms change.</param>
    /// <returns>A <see cref="SlaEntryKind.Retargeted"/> entry with <see cref="Policy"/> and <see cref="Calendar"/>.</returns>
    public SlaEntry Retarget(DateTimeOffset at) => SlaEntry.Retarget(at, Policy, Calendar);

    /// <inheritdoc/>
    public override string ToString() => $"{Rule}: policy {PolicyName}, calendar {CalendarName}";
}
