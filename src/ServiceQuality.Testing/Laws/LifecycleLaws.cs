using ServiceQuality.Complaints;

namespace ServiceQuality.Testing;

/// <summary>
/// The laws of the complaint lifecycle under the host's <see cref="ComplaintOptions"/> (its policies, calendar, SLA
/// policies and any guards it adds): the lifecycle accepts what its documented policies allow, and a complaint rebuilt
/// from its history — also after the host's own persistence round trip — equals the live one. Counterexamples are
/// <see cref="ComplaintScript"/>s shrunk to the fewest steps.
/// </summary>
/// <example>
/// <code>
/// var options = new ComplaintOptions { RequireApologyBeforeHelp = false, AutoCloseAfter = TimeSpan.FromDays(3) };
/// new LifecycleLaws(options).CheckAll();
/// </code>
/// </example>
public sealed class LifecycleLaws
{
    private readonly ComplaintOptions _options;

    /// <summary>Creates the laws for the lifecycle's default options.</summary>
    public LifecycleLaws()
        : this(new ComplaintOptions())
    {
    }

    /// <summary>Creates the laws for the host's options.</summary>
    /// <param name="options">The lifecycle options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The options are invalid.</exception>
    public LifecycleLaws(ComplaintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Scripts = new ComplaintScripts(options);
        _options = options;
    }

    /// <summary>Gets the scripts the laws run.</summary>
    public ComplaintScripts Scripts { get; }

    /// <summary>Gets how many scripts each law is tried on, and the seed.</summary>
    /// <value><see cref="LawCheckOptions.Default"/>.</value>
    public LawCheckOptions Options { get; init; } = LawCheckOptions.Default;

    /// <summary>Checks every law (replay with no persistence round trip).</summary>
    /// <exception cref="LawViolationException">A law does not hold.</exception>
    public void CheckAll()
    {
        AcceptsWhatThePoliciesAllow();
        ReplayEqualsLiveState();
    }

    /// <summary>
    /// The lifecycle accepts every command its documented policies allow, in every state they name, at the times the
    /// script sends them. With host guards in the options a refusal here names the guard: the script shows when it bites.
    /// </summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void AcceptsWhatThePoliciesAllow() => LawCheck.Run("the lifecycle accepts what its policies allow", Scripts.Arbitrary, script =>
    {
        var clock = new ScriptClock();
        var run = ComplaintScripts.Run(new ComplaintLifecycle(_options, clock), clock, script);
        for (var i = 0; i < run.Results.Count; i++)
        {
            var result = run.Results[i];
            LawCheck.That(result.IsAccepted, () => $"step {i} ({script.Steps[i]}) was refused: {result.Refusal}");
        }
    }, Options);

    /// <summary>Replay equals live state: the complaint rebuilt from its history has the same snapshot and the same SLA evaluation, now and a week later.</summary>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void ReplayEqualsLiveState() => ReplayEqualsLiveState(static history => history);

    /// <summary>
    /// Replay equals live state after the host's persistence round trip: the history is passed through
    /// <paramref name="roundTrip"/> (the host's serializer, store or event upcaster) before it is replayed.
    /// </summary>
    /// <param name="roundTrip">Stores and loads a history.</param>
    /// <exception cref="ArgumentNullException"><paramref name="roundTrip"/> is <see langword="null"/>.</exception>
    /// <exception cref="LawViolationException">The law does not hold.</exception>
    public void ReplayEqualsLiveState(Func<IReadOnlyList<ComplaintEvent>, IReadOnlyList<ComplaintEvent>> roundTrip)
    {
        ArgumentNullException.ThrowIfNull(roundTrip);
        LawCheck.Run("replay equals live state", Scripts.Arbitrary, script =>
        {
            var clock = new ScriptClock();
            var lifecycle = new ComplaintLifecycle(_options, clock);
            var live = ComplaintScripts.Run(lifecycle, clock, script).Complaint;
            var replayed = lifecycle.Replay(roundTrip(live.History));
            LawCheck.That(live.Snapshot == replayed.Snapshot, () => $"live:     {live.Snapshot}{Environment.NewLine}replayed: {replayed.Snapshot}");
            var now = clock.GetUtcNow();
            foreach (var at in new[] { now, now.AddDays(7) })
            {
                var (a, b) = (live.EvaluateSla(at), replayed.EvaluateSla(at));
                LawCheck.That(a == b, () => $"SLA at {at:u}: live {a}, replayed {b}");
            }
        }, Options);
    }
}
