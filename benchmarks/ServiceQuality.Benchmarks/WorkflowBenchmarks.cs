using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ServiceQuality.Workflow;

namespace ServiceQuality.Benchmarks;

/// <summary>
/// The same complaint-shaped machine (9 states under one superstate plus two final states, 12 triggers, two guards)
/// in Stateless, the library .NET developers use today, and in ServiceQuality's engine. Each pair has its own
/// baseline (the Stateless method), so Ratio and Alloc Ratio compare like with like.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorkflowBenchmarks
{
    private static readonly StateMachineDefinition<Stage, Step, Ticket> Definition = BuildDefinition();
    private readonly Ticket _ticket = new();
    private Stage _statelessState = Stage.Received;
    private Stateless.StateMachine<Stage, Step> _stateless = null!;

    public enum Stage { Open, Received, Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved, Closed, Withdrawn }

    public enum Step { Acknowledge, Investigate, AskClient, ClientResponded, AddInformation, Apologize, OfferHelp, Commit, Fix, Confirm, Reject, Withdraw }

    [GlobalSetup]
    public void Setup()
    {
        _stateless = BuildStateless(_ticket, () => _statelessState, s => _statelessState = s);
        _ticket.Apologized = true;
        _ticket.ClientConfirmed = true;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Lifecycle")]
    public Stage Stateless_Lifecycle()
    {
        _statelessState = Stage.Received;
        var m = _stateless;
        m.Fire(Step.Acknowledge);
        m.Fire(Step.Investigate);
        m.Fire(Step.AskClient);
        m.Fire(Step.ClientResponded);
        m.Fire(Step.AddInformation);
        m.Fire(Step.Apologize);
        m.Fire(Step.OfferHelp);
        m.Fire(Step.Commit);
        m.Fire(Step.Fix);
        m.Fire(Step.Confirm);
        return _statelessState;
    }

    [Benchmark, BenchmarkCategory("Lifecycle")]
    public Stage ServiceQuality_Lifecycle()
    {
        var d = Definition;
        var t = _ticket;
        var s = d.InitialState;
        s = d.Fire(s, Step.Acknowledge, t);
        s = d.Fire(s, Step.Investigate, t);
        s = d.Fire(s, Step.AskClient, t);
        s = d.Fire(s, Step.ClientResponded, t);
        s = d.Fire(s, Step.AddInformation, t);
        s = d.Fire(s, Step.Apologize, t);
        s = d.Fire(s, Step.OfferHelp, t);
        s = d.Fire(s, Step.Commit, t);
        s = d.Fire(s, Step.Fix, t);
        return d.Fire(s, Step.Confirm, t);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("SingleFire")]
    public Stage Stateless_SingleFire()
    {
        _statelessState = Stage.Investigating;
        _stateless.Fire(Step.OfferHelp);
        return _statelessState;
    }

    [Benchmark, BenchmarkCategory("SingleFire")]
    public Stage ServiceQuality_SingleFire() => Definition.Fire(Stage.Investigating, Step.OfferHelp, _ticket);

    /// <summary>What a new complaint costs: Stateless users configure a machine per object.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("NewMachine")]
    public object Stateless_NewMachine()
    {
        var ticket = new Ticket();
        var state = Stage.Received;
        return BuildStateless(ticket, () => state, s => state = s);
    }

    /// <summary>What a new complaint costs here: its own data and the shared definition's initial state.</summary>
    [Benchmark, BenchmarkCategory("NewMachine")]
    public object ServiceQuality_NewMachine() => new Ticket { State = Definition.InitialState };

    internal static StateMachineDefinition<Stage, Step, Ticket> BuildDefinition()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("complaint", "1", Stage.Received);
        b.Configure(Stage.Open).Permit(Step.Withdraw, Stage.Withdrawn);
        b.Configure(Stage.Received).SubstateOf(Stage.Open).Permit(Step.Acknowledge, Stage.Acknowledged);
        b.Configure(Stage.Acknowledged).SubstateOf(Stage.Open).Permit(Step.Investigate, Stage.Investigating);
        b.Configure(Stage.Investigating).SubstateOf(Stage.Open)
            .Permit(Step.AskClient, Stage.AwaitingClient)
            .InternalTransition(Step.AddInformation)
            .InternalTransition(Step.Apologize)
            .PermitIf(Step.OfferHelp, Stage.HelpOffered, static t => t.Apologized, "an apology has been recorded");
        b.Configure(Stage.AwaitingClient).SubstateOf(Stage.Open).Permit(Step.ClientResponded, Stage.Investigating);
        b.Configure(Stage.HelpOffered).SubstateOf(Stage.Open).Permit(Step.Commit, Stage.Committed);
        b.Configure(Stage.Committed).SubstateOf(Stage.Open).Permit(Step.Fix, Stage.Resolved);
        b.Configure(Stage.Resolved).SubstateOf(Stage.Open)
            .PermitIf(Step.Confirm, Stage.Closed, static t => t.ClientConfirmed, "the client confirmed the fix")
            .Permit(Step.Reject, Stage.Investigating);
        b.Configure(Stage.Closed).Final();
        b.Configure(Stage.Withdrawn).Final();
        return b.Build();
    }

    private static Stateless.StateMachine<Stage, Step> BuildStateless(Ticket ticket, Func<Stage> read, Action<Stage> write)
    {
        var m = new Stateless.StateMachine<Stage, Step>(read, write);
        m.Configure(Stage.Open).Permit(Step.Withdraw, Stage.Withdrawn);
        m.Configure(Stage.Received).SubstateOf(Stage.Open).Permit(Step.Acknowledge, Stage.Acknowledged);
        m.Configure(Stage.Acknowledged).SubstateOf(Stage.Open).Permit(Step.Investigate, Stage.Investigating);
        m.Configure(Stage.Investigating).SubstateOf(Stage.Open)
            .Permit(Step.AskClient, Stage.AwaitingClient)
            .InternalTransition(Step.AddInformation, static _ => { })
            .InternalTransition(Step.Apologize, static _ => { })
            .PermitIf(Step.OfferHelp, Stage.HelpOffered, () => ticket.Apologized, "an apology has been recorded");
        m.Configure(Stage.AwaitingClient).SubstateOf(Stage.Open).Permit(Step.ClientResponded, Stage.Investigating);
        m.Configure(Stage.HelpOffered).SubstateOf(Stage.Open).Permit(Step.Commit, Stage.Committed);
        m.Configure(Stage.Committed).SubstateOf(Stage.Open).Permit(Step.Fix, Stage.Resolved);
        m.Configure(Stage.Resolved).SubstateOf(Stage.Open)
            .PermitIf(Step.Confirm, Stage.Closed, () => ticket.ClientConfirmed, "the client confirmed the fix")
            .Permit(Step.Reject, Stage.Investigating);
        return m;
    }

    public sealed class Ticket
    {
        public Stage State { get; set; }

        public bool Apologized { get; set; }

        public bool ClientConfirmed { get; set; }
    }
}
