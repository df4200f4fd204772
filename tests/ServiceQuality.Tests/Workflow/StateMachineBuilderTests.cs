using ServiceQuality.Workflow;

namespace ServiceQuality.Tests.Workflow;

public class StateMachineBuilderTests
{
    [Fact]
    public void Build_EveryProblemAtOnce_ReportsThemAllInOneException()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("broken", "1", Stage.Received);
        b.Configure(Stage.Received)
            .Permit(Step.Acknowledge, Stage.Acknowledged)
            .Permit(Step.Acknowledge, Stage.Investigating)             // two unguarded: ambiguous
            .Permit(Step.Withdraw, Stage.Withdrawn)
            .PermitIf(Step.Fix, Stage.Resolved, static t => t.Apologized, "apologised")
            .Permit(Step.Fix, Stage.Closed);
        b.Configure(Stage.Acknowledged);                                // reachable, not final, no way out
        b.Configure(Stage.Committed).Permit(Step.Fix, Stage.Closed);     // unreachable
        b.Configure(Stage.Withdrawn).Final();
        b.Configure(Stage.Closed).Final();
        b.Configure(Stage.Resolved).Final();
        b.Configure(Stage.Investigating).Final();

        var ex = Assert.Throws<StateMachineDefinitionException>(b.Build);

        Assert.Equal(
            [
                (DefinitionProblemKind.AmbiguousTransition, "Received", "Acknowledge"),
                (DefinitionProblemKind.NoWayOut, "Acknowledged", null),
                (DefinitionProblemKind.UnreachableState, "Committed", null),
            ],
            ex.Problems.Select(p => (p.Kind, p.State, p.Trigger)));
        Assert.Equal(
            "State machine 'broken' has 3 problem(s):" + Environment.NewLine +
            "  - State 'Received' has 2 unguarded behaviours for trigger 'Acknowledge'; add guards or remove all but one." + Environment.NewLine +
            "  - State 'Acknowledged' is not final but has no transition to another state: add one, or mark it Final()." + Environment.NewLine +
            "  - State 'Committed' is unreachable: no sequence of transitions from 'Received' leads to it.",
            ex.Message);
    }

    [Fact]
    public void Build_UnguardedBeforeGuarded_ReportsTheHiddenBehaviour()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("shadow", "1", Stage.Received);
        b.Configure(Stage.Received).Permit(Step.Fix, Stage.Closed).PermitIf(Step.Fix, Stage.Resolved, static t => t.Apologized, "apologised");
        b.Configure(Stage.Closed).Final();
        b.Configure(Stage.Resolved).Final();

        var problem = Assert.Single(Assert.Throws<StateMachineDefinitionException>(b.Build).Problems);

        Assert.Equal(DefinitionProblemKind.AmbiguousTransition, problem.Kind);
        Assert.Equal("State 'Received' has an unguarded behaviour for trigger 'Fix' before 1 other(s), which can never be taken.", problem.Message);
    }

    [Fact]
    public void Build_InitialStateNotConfigured_IsReported()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("no-initial", "1", Stage.Received);
        b.Configure(Stage.Closed).Final();

        var problem = Assert.Throws<StateMachineDefinitionException>(b.Build).Problems[0];

        Assert.Equal(DefinitionProblemKind.InitialStateNotConfigured, problem.Kind);
        Assert.Equal("The initial state 'Received' is not configured: call Configure(Received).", problem.Message);
    }

    [Fact]
    public void Build_HierarchyCycle_IsReported()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("cycle", "1", Stage.Received);
        b.Configure(Stage.Received).SubstateOf(Stage.Open).Permit(Step.Fix, Stage.Closed);
        b.Configure(Stage.Open).SubstateOf(Stage.Received);
        b.Configure(Stage.Closed).Final();

        var problems = Assert.Throws<StateMachineDefinitionException>(b.Build).Problems;

        Assert.All(problems, p => Assert.Equal(DefinitionProblemKind.HierarchyCycle, p.Kind));
        Assert.Equal(["Received", "Open"], problems.Select(p => p.State));
    }

    [Fact]
    public void Build_DestinationNeverConfiguredAndNotFinal_IsADeadEnd()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("dead-end", "1", Stage.Received);
        b.Configure(Stage.Received).Permit(Step.Fix, Stage.Resolved);

        var problem = Assert.Single(Assert.Throws<StateMachineDefinitionException>(b.Build).Problems);

        Assert.Equal((DefinitionProblemKind.NoWayOut, "Resolved"), (problem.Kind, problem.State));
    }

    [Fact]
    public void Build_SuperstateOnlyAsContainer_IsReachableThroughItsSubstates()
    {
        var definition = TestMachines.Lifecycle(out _);

        Assert.True(definition.IsInState(Stage.Received, Stage.Open));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new StateMachineBuilder<Stage, Step, Ticket>(" ", "1", Stage.Received));
        Assert.Throws<ArgumentException>(() => new StateMachineBuilder<Stage, Step, Ticket>("m", "", Stage.Received));
        Assert.Throws<ArgumentNullException>(() => new StateMachineBuilder<string, string, Ticket>("m", "1", null!));
    }

    [Fact]
    public void Configuration_BadArguments_ThrowWithClearMessages()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("m", "1", Stage.Received);
        var state = b.Configure(Stage.Received);

        Assert.Throws<ArgumentNullException>(() => state.PermitIf(Step.Fix, Stage.Closed, null!, "d"));
        Assert.Throws<ArgumentException>(() => state.PermitIf(Step.Fix, Stage.Closed, static _ => true, " "));
        Assert.Contains("cannot be a substate of itself", Assert.Throws<ArgumentException>(() => state.SubstateOf(Stage.Received)).Message, StringComparison.Ordinal);
        state.SubstateOf(Stage.Open);
        Assert.Equal(
            "State 'Received' is already a substate of 'Open'; it cannot also be a substate of 'Closed'. (Parameter 'superstate')",
            Assert.Throws<ArgumentException>(() => state.SubstateOf(Stage.Closed)).Message);
        b.DeclareParameter<int>(Step.Commit);
        Assert.Contains("already declared with an argument of type Int32", Assert.Throws<ArgumentException>(() => b.DeclareParameter<string>(Step.Commit)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => state.PermitIf(Step.Fix, Stage.Closed, default(Guard<Ticket>)));
    }

    [Fact]
    public void Build_StringStatesAndTriggers_UseTheDictionaryPath()
    {
        var b = new StateMachineBuilder<string, string, Ticket>("strings", "7", "new");
        b.Configure("new").Permit("start", "in progress");
        b.Configure("in progress").Permit("finish", "done").InternalTransition("note", static (t, _) => t.Notes++);
        b.Configure("done").Final();
        var machine = b.Build();
        var ticket = new Ticket();

        var s = machine.Fire("new", "start", ticket);
        s = machine.Fire(s, "note", ticket);

        Assert.Equal("in progress", s);
        Assert.Equal(1, ticket.Notes);
        Assert.Equal("done", machine.Fire(s, "finish", ticket));
        Assert.Equal(RefusalReason.NotPermitted, machine.Evaluate("done", "unknown trigger", ticket).Refusal!.Reason);
    }
}
