namespace ServiceQuality.Sla;

/// <summary>
/// The SLA engine's settings in a form configuration binds (plain get/set properties, lists and dictionaries; the
/// configuration-binding source generator handles it): named business calendars, named policy sets, the first-match
/// rules that pick a policy set and a calendar for a work item, and which clocks each pause reason stops.
/// <see cref="Build"/> validates them, reporting every problem at once with its configuration key path, and returns
/// the immutable <see cref="SlaRules"/> the complaint model uses.
/// </summary>
/// <example>
/// <code>
/// "Sla": {
///   "Calendars": {
///     "London": { "TimeZone": "Europe/London",
///                 "Hours": { "Monday": [ "09:00-12:00", "13:00-17:30" ], "Tuesday": [ "09:00-17:30" ] },
///                 "RecurringHolidays": [ { "Name": "Good Friday", "EasterOffset": -2 } ] }
///   },
///   "Policies": { "Vip": { "Critical": { "TimeToAcknowledge": "00:05:00" } } },
///   "Rules": [ { "Name": "VIP phone", "Tags": [ "vip" ], "Channels": [ "Phone" ], "Policy": "Vip", "Calendar": "AlwaysOpen" } ],
///   "DefaultPolicy": "Standard",
///   "DefaultCalendar": "London",
///   "PauseReasons": { "AwaitingClient": "Update, Resolve", "AwaitingThirdParty": "Resolve", "ScheduledChange": "Resolve" }
/// }
/// </code>
/// </example>
public sealed class SlaOptions
{
    /// <summary>The name of the built-in 24x7 calendar (<see cref="BusinessCalendar.AlwaysOpen"/>), always available and reserved.</summary>
    public const string AlwaysOpenCalendar = "AlwaysOpen";

    /// <summary>The name of the policy set present by default (the defaults of <see cref="SlaPolicies"/>).</summary>
    public const string StandardPolicy = "Standard";

    /// <summary>Gets or sets the named business calendars (names compared ignoring case); rules refer to them by name.</summary>
    /// <value>None (the built-in <see cref="AlwaysOpenCalendar"/> is always there). Valid: non-blank names other than <c>AlwaysOpen</c>, each calendar valid.</value>
    public Dictionary<string, BusinessCalendarOptions> Calendars { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the calendar used when no rule matches or the matching rule names none.</summary>
    /// <value><c>AlwaysOpen</c> (24x7). Valid: <c>AlwaysOpen</c> or a name in <see cref="Calendars"/>.</value>
    public string DefaultCalendar { get; set; } = AlwaysOpenCalendar;

    /// <summary>Gets or sets the named policy sets (names compared ignoring case): each has a policy per <see cref="Priority"/>.</summary>
    /// <value><c>Standard</c>: the defaults of <see cref="SlaPolicies"/>. A configured set is added, or bound into <c>Standard</c>. Valid: non-blank names, each set valid.</value>
    public Dictionary<string, SlaPolicies> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase) { [StandardPolicy] = new SlaPolicies() };

    /// <summary>Gets or sets the policy set used when no rule matches.</summary>
    /// <value><c>Standard</c>. Valid: a name in <see cref="Policies"/>.</value>
    public string DefaultPolicy { get; set; } = StandardPolicy;

    /// <summary>Gets or sets the conditional rules, tried in order: the first whose conditions all hold picks the policy set and calendar.</summary>
    /// <value>None: every work item gets <see cref="DefaultPolicy"/> on <see cref="DefaultCalendar"/>.</value>
    public List<SlaRuleOptions> Rules { get; set; } = [];

    /// <summary>Gets or sets which clocks each pause reason stops, by reason (keys compared ignoring case).</summary>
    /// <value>
    /// <see cref="SlaPauseReasons.AwaitingClient"/>: Update, Resolve (the client owes the next step);
    /// <see cref="SlaPauseReasons.AwaitingThirdParty"/>: Resolve (the client still deserves updates);
    /// <see cref="SlaPauseReasons.ScheduledChange"/>: Resolve. A configured reason is added or replaces one of these;
    /// <c>"None"</c> makes a reason pause nothing. Valid: non-blank keys; values None or any of Acknowledge, Update, Resolve.
    /// </value>
    public Dictionary<string, SlaClocks> PauseReasons { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [SlaPauseReasons.AwaitingClient] = SlaClocks.Update | SlaClocks.Resolve,
        [SlaPauseReasons.AwaitingThirdParty] = SlaClocks.Resolve,
        [SlaPauseReasons.ScheduledChange] = SlaClocks.Resolve,
    };

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <param name="knownChannels">The channel names a rule may name (e.g. the complaint model's channels); <see langword="null"/> accepts any non-blank name.</param>
    /// <exception cref="InvalidOptionsException">One or more settings are missing or out of range; each problem names its configuration key path (e.g. <c>Rules:0:Policy</c>) and the valid range.</exception>
    public void Validate(IEnumerable<string>? knownChannels = null) => OptionProblems.ThrowIfAny(CollectProblems(knownChannels), nameof(SlaOptions));

    /// <summary>Validates the settings and builds the immutable rules (the policies are copied: later changes to these options do not reach them).</summary>
    /// <param name="knownChannels">The channel names a rule may name; <see langword="null"/> accepts any non-blank name.</param>
    /// <returns>The rules, thread-safe and shareable.</returns>
    /// <exception cref="InvalidOptionsException">One or more settings are invalid; every problem is listed, each with its configuration key path.</exception>
    public SlaRules Build(IEnumerable<string>? knownChannels = null)
    {
        Validate(knownChannels);
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase) { [AlwaysOpenCalendar] = BusinessCalendar.AlwaysOpen };
        foreach (var (name, calendar) in Calendars)
        {
            calendars[name] = calendar.BuildValidated();
        }

        return new SlaRules(this, calendars);
    }

    private List<string>? CollectProblems(IEnumerable<string>? knownChannels)
    {
        List<string>? problems = null;
        if (Calendars is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(Calendars)} is null; valid: a map from name to calendar (may be empty).");
        }
        else
        {
            foreach (var (name, calendar) in Calendars)
            {
                string key = $"{nameof(Calendars)}:{name}";
                if (string.IsNullOrWhiteSpace(name) || string.Equals(name, AlwaysOpenCalendar, StringComparison.OrdinalIgnoreCase))
                {
                    OptionProblems.Add(ref problems, $"{nameof(Calendars)} has a calendar named '{name}'; valid: a non-blank name other than '{AlwaysOpenCalendar}' (built in).");
                }
                else if (calendar is null)
                {
                    OptionProblems.Add(ref problems, $"{key} is null; valid: a calendar.");
                }
                else
                {
                    problems = calendar.CollectProblems(key, problems);
                }
            }
        }

        CheckCalendarName(ref problems, nameof(DefaultCalendar), DefaultCalendar);
        if (Policies is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(Policies)} is null; valid: a map from name to policy set.");
        }
        else
        {
            foreach (var (name, policies) in Policies)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    OptionProblems.Add(ref problems, $"{nameof(Policies)} has a blank name; valid: a non-blank name such as '{StandardPolicy}'.");
                }
                else if (policies is null)
                {
                    OptionProblems.Add(ref problems, $"{nameof(Policies)}:{name} is null; valid: a policy per priority.");
                }
                else
                {
                    problems = policies.CollectProblems($"{nameof(Policies)}:{name}", problems);
                }
            }
        }

        CheckPolicyName(ref problems, nameof(DefaultPolicy), DefaultPolicy);
        if (Rules is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(Rules)} is null; valid: a list (may be empty).");
        }
        else
        {
            var channels = knownChannels?.ToHashSet(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < Rules.Count; i++)
            {
                string key = $"{nameof(Rules)}:{i}";
                if (Rules[i] is not { } rule)
                {
                    OptionProblems.Add(ref problems, $"{key} is null; valid: a rule.");
                    continue;
                }

                rule.CollectProblems(key, channels, ref problems);
                CheckPolicyName(ref problems, $"{key}:{nameof(SlaRuleOptions.Policy)}", rule.Policy);
                if (rule.Calendar is not null)
                {
                    CheckCalendarName(ref problems, $"{key}:{nameof(SlaRuleOptions.Calendar)}", rule.Calendar);
                }
            }
        }

        if (PauseReasons is null)
        {
            OptionProblems.Add(ref problems, $"{nameof(PauseReasons)} is null; valid: a map from reason to clocks (may be empty).");
        }
        else
        {
            foreach (var (reason, clocks) in PauseReasons)
            {
                if (string.IsNullOrWhiteSpace(reason))
                {
                    OptionProblems.Add(ref problems, $"{nameof(PauseReasons)} has a blank reason; valid: a non-blank name such as '{SlaPauseReasons.AwaitingClient}'.");
                }

                if ((clocks & ~SlaClocks.All) != 0)
                {
                    OptionProblems.Add(ref problems, $"{nameof(PauseReasons)}:{reason} is '{clocks}'; valid: None or any of Acknowledge, Update, Resolve.");
                }
            }
        }

        return problems;
    }

    private void CheckCalendarName(ref List<string>? problems, string key, string? name)
    {
        if (name is null || !(string.Equals(name, AlwaysOpenCalendar, StringComparison.OrdinalIgnoreCase) || (Calendars?.ContainsKey(name) ?? false)))
        {
            var names = new[] { AlwaysOpenCalendar }.Concat(ValidNames(Calendars?.Keys).Where(k => !string.Equals(k, AlwaysOpenCalendar, StringComparison.OrdinalIgnoreCase)));
            OptionProblems.Add(ref problems, $"{key} is '{name}'; valid: {string.Join(", ", names)}.");
        }
    }

    private void CheckPolicyName(ref List<string>? problems, string key, string? name)
    {
        if (name is null || !(Policies?.ContainsKey(name) ?? false))
        {
            OptionProblems.Add(ref problems, $"{key} is '{name}'; valid: {string.Join(", ", ValidNames(Policies?.Keys))}.");
        }
    }

    private static IEnumerable<string> ValidNames(IEnumerable<string>? keys) =>
        (keys ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Order(StringComparer.Ordinal);
}

/// <summary>Configuration key paths in option problems: <c>Calendars:London:Hours:Monday:1</c>.</summary>
internal static class ConfigurationKey
{
    /// <summary>Joins a key path and a key (the path is empty at the root of the options validated).</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}:{key}";
}
