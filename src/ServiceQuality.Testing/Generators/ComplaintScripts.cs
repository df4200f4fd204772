using FsCheck;
using FsCheck.Fluent;
using ServiceQuality.Complaints;
using static ServiceQuality.Complaints.ComplaintCommand;
using static ServiceQuality.Complaints.ComplaintState;

namespace ServiceQuality.Testing;

/// <summary>One step of a complaint script: time passes, then someone sends a command.</summary>
public readonly record struct ComplaintStep
{
    /// <summary>Gets the wall-clock time that passes before the command.</summary>
    public required TimeSpan Delay { get; init; }

    /// <summary>Gets the command.</summary>
    public required ComplaintCommand Command { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"+{Delay:g} {Command}";
}

/// <summary>A complaint's life as a script: its priority, when it is received, and the steps that follow.</summary>
public sealed record ComplaintScript
{
    /// <summary>Gets the priority (which selects the SLA policy).</summary>
    public required Priority Priority { get; init; }

    /// <summary>Gets when the complaint is received.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Gets the steps, in order.</summary>
    public required IReadOnlyList<ComplaintStep> Steps { get; init; }

    /// <summary>Gets the instant of the last step.</summary>
    public DateTimeOffset End => Start + Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Delay);

    /// <inheritdoc />
    public override string ToString() => $"{Priority} from {Start:u}: [{string.Join(", ", Steps)}]";
}

/// <summary>The outcome of running a script: the complaint, and the result of each step.</summary>
public sealed record ComplaintRun
{
    internal ComplaintRun(Complaint complaint, IReadOnlyList<CommandResult> results)
    {
        Complaint = complaint;
        Results = results;
    }

    /// <summary>Gets the complaint after the last step.</summary>
    public Complaint Complaint { get; }

    /// <summary>Gets the result of each step, in order.</summary>
    public IReadOnlyList<CommandResult> Results { get; }
}

/// <summary>
/// Complaint command sequences the lifecycle accepts, for any <see cref="ComplaintOptions"/>: a model of the lifecycle
/// (states, the apology-first and confirmation policies, the auto-close and reopen windows, the escalation ceiling)
/// chooses each next command among those it allows, with realistic timing — staff act within business hours of the
/// options' calendar (minutes to a working day), clients answer in hours to days of wall-clock time.
/// </summary>
public sealed class ComplaintScripts
{
    private static readonly ComplaintCommand[] ClientCommands = [RecordClientResponse, RecordClientConfirmation, RecordClientRejection, Reopen, Withdraw];
    private readonly ComplaintOptions _options;

    /// <summary>Creates the generator for the lifecycle's default options.</summary>
    public ComplaintScripts()
        : this(new ComplaintOptions())
    {
    }

    /// <summary>Creates the generator for the host's options.</summary>
    /// <param name="options">The lifecycle options (copied through a lifecycle, so validated).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOptionsException">The options are invalid.</exception>
    public ComplaintScripts(ComplaintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = new ComplaintLifecycle(options, TimeProvider.System).GetOptions();
    }

    /// <summary>Gets when generated complaints are received: a Monday, 2026-03-02 08:30 UTC, plus up to a week.</summary>
    public static DateTimeOffset Epoch { get; } = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    /// <summary>Gets the generator of scripts of up to 40 steps the model accepts.</summary>
    public Gen<ComplaintScript> Scripts =>
        Gen.Sized(size =>
            from priority in Gen.Elements(Enum.GetValues<Priority>())
            from startMinutes in Gen.Choose(0, 7 * 24 * 60)
            from length in Gen.Choose(0, Math.Clamp(size / 2, 1, 40))
            from seeds in Gen.Choose(0, int.MaxValue).ArrayOf(length * 2)
            select Build(priority, Epoch.AddMinutes(startMinutes), seeds));

    /// <summary>Gets scripts as an arbitrary that shrinks by dropping steps (keeping only scripts the model still accepts).</summary>
    public Arbitrary<ComplaintScript> Arbitrary => Arb.From(Scripts, Shrink);

    /// <summary>Tells whether the model of the lifecycle accepts every step of <paramref name="script"/>.</summary>
    /// <param name="script">The script.</param>
    /// <returns><see langword="true"/> when every step is allowed when it is sent.</returns>
    public bool Accepts(ComplaintScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var model = new Model(_options, script.Start);
        foreach (var step in script.Steps)
        {
            model.Now += step.Delay;
            if (!model.Allows(step.Command))
            {
                return false;
            }

            model.Apply(step.Command);
        }

        return true;
    }

    /// <summary>Receives a complaint and runs the script's steps on <paramref name="lifecycle"/>, whose clock must be <paramref name="clock"/>.</summary>
    /// <param name="lifecycle">The lifecycle (built with <paramref name="clock"/>).</param>
    /// <param name="clock">The clock, set to the script's start and advanced before each step.</param>
    /// <param name="script">The script.</param>
    /// <returns>The complaint and each step's result (a refused command is a result, not an exception).</returns>
    /// <exception cref="ArgumentException">The lifecycle's clock is not <paramref name="clock"/>.</exception>
    public static ComplaintRun Run(ComplaintLifecycle lifecycle, ScriptClock clock, ComplaintScript script)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(script);
        if (!ReferenceEquals(lifecycle.TimeProvider, clock))
        {
            throw new ArgumentException("The lifecycle must be built with the script clock it is run with.", nameof(clock));
        }

        clock.Set(script.Start);
        var complaint = lifecycle.Receive(new ReceiveComplaintRequest
        {
            ComplaintId = "C-1",
            ClientId = "client-7",
            Segment = ClientSegment.External,
            Channel = ContactChannel.Email,
            Priority = script.Priority,
            Text = "The VPN drops every hour and nobody tells me why.",
            Actor = "desk",
        });
        var results = new List<CommandResult>(script.Steps.Count);
        foreach (var step in script.Steps)
        {
            clock.Set(clock.GetUtcNow() + step.Delay);
            results.Add(Send(complaint, step.Command));
        }

        return new ComplaintRun(complaint, results);
    }

    /// <summary>Sends a command with valid arguments (the escalation one level up; a commitment due a day later).</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="command">The command.</param>
    /// <returns>The result.</returns>
    public static CommandResult Send(Complaint complaint, ComplaintCommand command)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return command switch
        {
            Acknowledge => complaint.Acknowledge("ann", ContactChannel.Phone, "Thank you for raising this."),
            StartInvestigating => complaint.StartInvestigating("ann"),
            AddInformation => complaint.AddInformation("ann", "Router logs show drops on the hour."),
            RequestInformation => complaint.RequestInformation("ann", ContactChannel.Email, "Which office are you in?"),
            RecordClientResponse => complaint.RecordClientResponse("client", ContactChannel.Email, "Leeds."),
            Apologize => complaint.Apologize("ann", ContactChannel.Phone, "I'm sorry you had this experience."),
            PostUpdate => complaint.PostUpdate("ann", ContactChannel.Web, "An engineer is looking at it."),
            OfferHelp => complaint.OfferHelp("ann", ContactChannel.Phone, ["replace the router", "move you to the backup VPN"]),
            Commit => complaint.Commit("ann", ContactChannel.Email, "replace the router", complaint.Lifecycle.TimeProvider.GetUtcNow().AddDays(1)),
            DeliverFix => complaint.DeliverFix("bob", ContactChannel.InPerson, "router replaced"),
            RecordClientConfirmation => complaint.RecordClientConfirmation("client", ContactChannel.Email),
            RecordClientRejection => complaint.RecordClientRejection("client", ContactChannel.Email, "still dropping"),
            Escalate => complaint.Escalate("lead", complaint.Snapshot.EscalationLevel + 1, "VIP client"),
            Withdraw => complaint.Withdraw("client", ContactChannel.Email, "no longer needed"),
            Reopen => complaint.Reopen("client", ContactChannel.Phone, "it is back"),
            AutoClose => complaint.AutoClose("system"),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, $"Valid: {string.Join(", ", Enum.GetNames<ComplaintCommand>())}."),
        };
    }

    private ComplaintScript Build(Priority priority, DateTimeOffset start, int[] seeds)
    {
        var model = new Model(_options, start);
        var steps = new List<ComplaintStep>();
        for (var i = 0; i + 1 < seeds.Length; i += 2)
        {
            var allowed = model.AllowedIgnoringTime();
            if (allowed.Count == 0)
            {
                break;
            }

            var command = Pick(allowed, (uint)seeds[i]);
            var at = When(model, command, (uint)seeds[i + 1]);
            steps.Add(new ComplaintStep { Delay = at - model.Now, Command = command });
            model.Now = at;
            model.Apply(command);
        }

        return new ComplaintScript { Priority = priority, Start = start, Steps = steps };
    }

    /// <summary>Picks a command as a service desk would: mostly the next step of the process, sometimes a milestone, rarely a withdrawal or an escalation.</summary>
    private static ComplaintCommand Pick(List<ComplaintCommand> allowed, uint seed)
    {
        static int Weight(ComplaintCommand command) => command switch
        {
            Withdraw or Escalate => 1,
            AddInformation => 2,
            Apologize or PostUpdate => 3,
            _ => 12,
        };

        var total = allowed.Sum(Weight);
        var point = (int)(seed % (uint)total);
        foreach (var command in allowed)
        {
            point -= Weight(command);
            if (point < 0)
            {
                return command;
            }
        }

        return allowed[^1];
    }

    /// <summary>When the command is sent: within its time guard, staff in business hours, clients any time.</summary>
    private DateTimeOffset When(Model model, ComplaintCommand command, uint seed)
    {
        switch (command)
        {
            case AutoClose when _options.RequireClientConfirmation:
                return model.ResolvedAt!.Value + _options.AutoCloseAfter + TimeSpan.FromMinutes(seed % (3 * 24 * 60));
            case Reopen:
                var window = Math.Max(0, (long)_options.ReopenWindow.TotalMinutes);
                return model.ClosedAt!.Value + TimeSpan.FromMinutes(seed % (ulong)(window + 1));
            default:
                break;
        }

        if (ClientCommands.Contains(command))
        {
            // A client answers within minutes to four days, at any hour.
            TimeSpan[] delays = [TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), TimeSpan.FromHours(20), TimeSpan.FromDays(4)];
            return model.Now + TimeSpan.FromMinutes(seed % (uint)delays[(int)(seed >> 28) % delays.Length].TotalMinutes);
        }

        // Staff act within a working day of business time (nothing at all happens instantly: at least a minute).
        TimeSpan[] work = [TimeSpan.FromMinutes(15), TimeSpan.FromHours(2), TimeSpan.FromHours(8)];
        var business = TimeSpan.FromMinutes(1 + (seed % (uint)work[(int)(seed >> 28) % work.Length].TotalMinutes));
        return _options.Calendar.AddBusinessTime(model.Now, business);
    }

    private IEnumerable<ComplaintScript> Shrink(ComplaintScript script)
    {
        var steps = script.Steps;
        if (steps.Count > 1)
        {
            var half = script with { Steps = [.. steps.Take(steps.Count / 2)] };
            if (Accepts(half))
            {
                yield return half;
            }
        }

        for (var i = steps.Count - 1; i >= 0; i--)
        {
            // Drop step i; its delay moves to the next step, so later steps keep their instants.
            var kept = steps.Where((_, j) => j != i).ToArray();
            if (i < kept.Length)
            {
                kept[i] = kept[i] with { Delay = kept[i].Delay + steps[i].Delay };
            }

            var smaller = script with { Steps = kept };
            if (Accepts(smaller))
            {
                yield return smaller;
            }
        }
    }

    /// <summary>The lifecycle as the model sees it, written from the documented policies independently of the definition.</summary>
    private sealed class Model(ComplaintOptions options, DateTimeOffset start)
    {
        public ComplaintState State { get; private set; } = Received;

        public bool Apologized { get; private set; }

        public int Level { get; private set; }

        public DateTimeOffset? ResolvedAt { get; private set; }

        public DateTimeOffset? ClosedAt { get; private set; }

        public DateTimeOffset Now { get; set; } = start;

        public List<ComplaintCommand> AllowedIgnoringTime() =>
            [.. Enum.GetValues<ComplaintCommand>().Where(c => Target(c, ignoreTime: true) is not null)];

        public bool Allows(ComplaintCommand command) => Target(command, ignoreTime: false) is not null;

        public void Apply(ComplaintCommand command)
        {
            var target = Target(command, ignoreTime: true) ?? throw new InvalidOperationException($"{command} is not allowed in {State}.");
            switch (command)
            {
                case Apologize: Apologized = true; break;
                case Escalate: Level++; break;
                case DeliverFix: ResolvedAt = Now; break;
                case RecordClientConfirmation or AutoClose: ClosedAt = Now; break;
                default: break;
            }

            State = target;
        }

        private ComplaintState? Target(ComplaintCommand command, bool ignoreTime)
        {
            bool open = State is not (Closed or Withdrawn);
            bool engaged = open && State != Received;
            return (State, command) switch
            {
                (_, Withdraw) when open => Withdrawn,
                (_, AddInformation) when open => State,
                (_, Escalate) when open && Level < options.MaxEscalationLevel => State,
                (_, Apologize or PostUpdate) when engaged => State,
                (Received, Acknowledge) => Acknowledged,
                (Acknowledged, StartInvestigating) => Investigating,
                (Investigating, RequestInformation) => AwaitingClient,
                (Investigating, OfferHelp) when Apologized || !options.RequireApologyBeforeHelp => HelpOffered,
                (AwaitingClient, RecordClientResponse) => Investigating,
                (HelpOffered, Commit) => Committed,
                (Committed, DeliverFix) => Resolved,
                (Resolved, RecordClientConfirmation) => Closed,
                (Resolved, RecordClientRejection) => Investigating,
                (Resolved, AutoClose) when !options.RequireClientConfirmation || ignoreTime || Now - ResolvedAt >= options.AutoCloseAfter => Closed,
                (Closed, Reopen) when ignoreTime || Now - ClosedAt <= options.ReopenWindow => Investigating,
                _ => null,
            };
        }
    }
}

/// <summary>A clock a complaint script sets: the lifecycle under test reads the time from it.</summary>
public sealed class ScriptClock : TimeProvider
{
    private long _ticks = ComplaintScripts.Epoch.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Sets the time.</summary>
    /// <param name="now">The new time.</param>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}
