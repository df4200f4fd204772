using System.Collections.Frozen;

namespace ServiceQuality.Sla;

/// <summary>
/// The SLA engine's settings in a form configuration binds (plain get/set properties, lists and dictionaries; the
/// configuration-binding source generator handles it): which clocks each pause reason stops. <see cref="Build"/>
/// validates them, reporting every problem at once with its configuration key path, and returns the immutable
/// <see cref="SlaRules"/> the complaint model uses.
/// </summary>
/// <example>
/// <code>
/// "Sla": {
///   "PauseReasons": { "AwaitingClient": "Update, Resolve", "AwaitingThirdParty": "Resolve", "ScheduledChange": "Resolve" }
/// }
/// </code>
/// </example>
public sealed class SlaOptions
{
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
    /// <exception cref="InvalidOptionsException">One or more settings are missing or out of range; each problem names its configuration key path (e.g. <c>PauseReasons:AwaitingClient</c>) and the valid range.</exception>
    public void Validate() => OptionProblems.ThrowIfAny(CollectProblems(), nameof(SlaOptions));

    /// <summary>Validates the settings and builds the immutable rules.</summary>
    /// <returns>The rules, thread-safe and shareable.</returns>
    /// <exception cref="InvalidOptionsException">One or more settings are invalid; every problem is listed, each with its configuration key path.</exception>
    public SlaRules Build()
    {
        Validate();
        return new SlaRules(PauseReasons);
    }

    private List<string>? CollectProblems()
    {
        List<string>? problems = null;
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
}

/// <summary>
/// The SLA engine's settings, validated and immutable (built by <see cref="SlaOptions.Build"/>): what the complaint
/// model asks for the clocks a pause reason stops and the entries that record a pause. Thread-safe.
/// </summary>
public sealed class SlaRules
{
    private readonly FrozenDictionary<string, SlaClocks> _pauseReasons;

    /// <summary>Each configured reason's spelling, by the reason in any case, so a pause and its resume carry the same one.</summary>
    private readonly FrozenDictionary<string, string> _reasonSpelling;

    internal SlaRules(Dictionary<string, SlaClocks> pauseReasons)
    {
        _pauseReasons = pauseReasons.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _reasonSpelling = pauseReasons.Keys.ToFrozenDictionary(k => k, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the rules of the default <see cref="SlaOptions"/>.</summary>
    public static SlaRules Default { get; } = new SlaOptions().Build();

    /// <summary>Gets which clocks each pause reason stops (keys compared ignoring case).</summary>
    public IReadOnlyDictionary<string, SlaClocks> PauseReasons => _pauseReasons;

    /// <summary>Gets the clocks a pause reason stops.</summary>
    /// <param name="reason">The reason, e.g. <see cref="SlaPauseReasons.AwaitingClient"/>.</param>
    /// <returns>The clocks (<see cref="SlaClocks.None"/> when the reason is configured to pause nothing).</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not a configured reason; the message lists them.</exception>
    public SlaClocks ClocksPausedBy(string reason) => _pauseReasons.GetValueOrDefault(CanonicalReason(reason));

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

    private string CanonicalReason(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return _reasonSpelling.TryGetValue(reason, out var spelling)
            ? spelling
            : throw new ArgumentException($"The pause reason '{reason}' is not configured; valid: {string.Join(", ", _pauseReasons.Keys.Order(StringComparer.Ordinal))}.", nameof(reason));
    }
}
