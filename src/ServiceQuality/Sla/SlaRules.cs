using System.Collections.Frozen;

namespace ServiceQuality.Sla;

/// <summary>
/// The SLA engine's settings, validated and immutable (built by <see cref="SlaOptions.Build"/>): the named calendars and
/// policy sets, the first-match rules the complaint model asks for a work item's terms (<see cref="Select"/>), and the
/// clocks each pause reason stops (<see cref="Pause"/>, <see cref="Resume"/>). Thread-safe; selecting allocates nothing.
/// </summary>
public sealed class SlaRules
{
    private const string DefaultRule = "Default";
    private static readonly Priority[] AllPriorities = Enum.GetValues<Priority>();
    private readonly FrozenDictionary<string, BusinessCalendar> _calendars;
    private readonly FrozenDictionary<string, SlaPolicies> _policies;
    private readonly Rule[] _rules;
    private readonly SlaSelection[] _defaults;
    private readonly FrozenDictionary<string, SlaClocks> _pauseReasons;

    /// <summary>Each configured reason's spelling, by the reason in any case, so a pause and its resume carry the same one.</summary>
    private readonly FrozenDictionary<string, string> _reasonSpelling;

    /// <summary>Builds the rules of validated options.</summary>
    internal SlaRules(SlaOptions options, Dictionary<string, BusinessCalendar> calendars)
    {
        _calendars = calendars.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _policies = options.Policies.ToFrozenDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.OrdinalIgnoreCase);
        DefaultCalendar = _calendars[options.DefaultCalendar];
        _defaults = Selections(DefaultRule, -1, options.DefaultPolicy, options.DefaultCalendar, ruleNamesCalendar: false);
        _rules = [.. options.Rules.Select((r, i) => new Rule(
            r.Priorities.Count == 0 ? null : [.. r.Priorities],
            r.Segments.Count == 0 ? null : [.. r.Segments],
            r.Channels.Count == 0 ? null : r.Channels.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            [.. r.Tags],
            Selections(r.Name ?? $"{nameof(SlaOptions.Rules)}:{i}", i, r.Policy, r.Calendar ?? options.DefaultCalendar, r.Calendar is not null)))];
        _pauseReasons = options.PauseReasons.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _reasonSpelling = options.PauseReasons.Keys.ToFrozenDictionary(k => k, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the rules of the default <see cref="SlaOptions"/>: the standard policies on the 24x7 calendar, no conditional rules.</summary>
    public static SlaRules Default { get; } = new SlaOptions().Build();

    /// <summary>Gets the calendars by name (compared ignoring case), the built-in <see cref="SlaOptions.AlwaysOpenCalendar"/> included.</summary>
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars => _calendars;

    /// <summary>Gets the calendar used when no rule names one (<see cref="SlaOptions.DefaultCalendar"/>).</summary>
    public BusinessCalendar DefaultCalendar { get; }

    /// <summary>Gets the policy sets by name (compared ignoring case; copies made at build: do not change them).</summary>
    public IReadOnlyDictionary<string, SlaPolicies> Policies => _policies;

    /// <summary>Gets the number of conditional rules.</summary>
    public int RuleCount => _rules.Length;

    /// <summary>Gets which clocks each pause reason stops (keys compared ignoring case).</summary>
    public IReadOnlyDictionary<string, SlaClocks> PauseReasons => _pauseReasons;

    /// <summary>Picks the terms of a work item: the first rule whose conditions all hold, else the default policy set and calendar.</summary>
    /// <param name="subject">The work item's priority, segment, channel and tags.</param>
    /// <returns>The policy of the subject's priority in the chosen set, the calendar, and the rule that chose them.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The subject's priority or segment is not a defined value.</exception>
    public SlaSelection Select(SlaSubject subject)
    {
        if (!Enum.IsDefined(subject.Priority))
        {
            throw new ArgumentOutOfRangeException(nameof(subject), subject.Priority, "Valid priorities: Low, Normal, High, Critical.");
        }

        if (!Enum.IsDefined(subject.Segment))
        {
            throw new ArgumentOutOfRangeException(nameof(subject), subject.Segment, "Valid segments: Internal, External.");
        }

        foreach (var rule in _rules)
        {
            if (rule.Matches(subject))
            {
                return rule.Selections[(int)subject.Priority];
            }
        }

        return _defaults[(int)subject.Priority];
    }

    /// <summary>Gets the clocks a pause reason stops.</summary>
    /// <param name="reason">The reason, e.g. <see cref="SlaPauseReasons.AwaitingClient"/>.</param>
    /// <returns>The clocks (<see cref="SlaClocks.None"/> when the reason is configured to pause nothing).</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not a configured reason; the message lists them.</exception>
    public SlaClocks ClocksPausedBy(string reason) => _pauseReasons[CanonicalReason(reason)];

    /// <summary>Creates the entry that pauses the clocks of a reason.</summary>
    /// <param name="at">When the pause starts.</param>
    /// <param name="reason">The reason, e.g. <see cref="SlaPauseReasons.AwaitingClient"/>.</param>
    /// <returns>The entry, with the reason spelled as configured.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not a configured reason; the message lists them.</exception>
    public SlaEntry Pause(DateTimeOffset at, string reason)
    {
        var key = CanonicalReason(reason);
        return SlaEntry.Pause(at, _pauseReasons[key], key);
    }

    /// <summary>Creates the entry that ends the pause of a reason.</summary>
    /// <param name="at">When the pause ends.</param>
    /// <param name="reason">The reason the clocks paused for.</param>
    /// <returns>The entry, with the reason spelled as configured.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not a configured reason; the message lists them.</exception>
    public SlaEntry Resume(DateTimeOffset at, string reason)
    {
        var key = CanonicalReason(reason);
        return SlaEntry.Resume(at, _pauseReasons[key], key);
    }

    private SlaSelection[] Selections(string rule, int index, string policyName, string calendarName, bool ruleNamesCalendar)
    {
        var policies = _policies[policyName];
        var calendar = _calendars[calendarName];
        string policyKey = _policies.Keys.First(k => string.Equals(k, policyName, StringComparison.OrdinalIgnoreCase));
        string calendarKey = _calendars.Keys.First(k => string.Equals(k, calendarName, StringComparison.OrdinalIgnoreCase));
        return [.. AllPriorities.Select(p => new SlaSelection(rule, index, policyKey, policies.For(p), calendarKey, calendar, ruleNamesCalendar))];
    }

    private string CanonicalReason(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return _reasonSpelling.TryGetValue(reason, out var spelling)
            ? spelling
            : throw new ArgumentException($"The pause reason '{reason}' is not configured; valid: {string.Join(", ", _pauseReasons.Keys.Order(StringComparer.Ordinal))}.", nameof(reason));
    }

    /// <summary>A compiled rule: <see langword="null"/> conditions hold for any value.</summary>
    private sealed record Rule(Priority[]? Priorities, ClientSegment[]? Segments, FrozenSet<string>? Channels, string[] Tags, SlaSelection[] Selections)
    {
        public bool Matches(in SlaSubject subject)
        {
            if ((Priorities is not null && Array.IndexOf(Priorities, subject.Priority) < 0)
                || (Segments is not null && Array.IndexOf(Segments, subject.Segment) < 0)
                || (Channels is not null && (subject.Channel is null || !Channels.Contains(subject.Channel))))
            {
                return false;
            }

            foreach (var tag in Tags)
            {
                if (subject.Tags is null || !HasTag(subject.Tags, tag))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasTag(IReadOnlyCollection<string> tags, string tag)
        {
            foreach (var t in tags)
            {
                if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
