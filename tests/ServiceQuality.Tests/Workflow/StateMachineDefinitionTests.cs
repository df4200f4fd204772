using ServiceQuality.Workflow;

namespace ServiceQuality.Tests.Workflow;

public class StateMachineDefinitionTests
{
    private readonly StateMachineDefinition<Stage, Step, Ticket> _machine;
    private readonly TriggerWithParameter<Step, Commitment> _commit;

    public StateMachineDefinitionTests() => _machine = TestMachines.Lifecycle(out _commit);

    [Fact]
    public void Fire_PermittedTrigger_ReturnsDestination()
    {
        Assert.Equal(Stage.Acknowledged, _machine.Fire(Stage.Received, Step.Acknowledge, new Ticket()));
        Assert.Equal("1", _machine.Version);
        Assert.Equal("complaint", _machine.Name);
        Assert.Equal(Stage.Received, _machine.InitialState);
    }

    [Fact]
    public void Evaluate_UnmetGuard_RefusesWithStateTriggerGuardAndPermittedTriggers()
    {
        var result = _machine.Evaluate(Stage.Investigating, Step.OfferHelp, new Ticket());

        Assert.False(result.IsAccepted);
        var refusal = Assert.IsType<TriggerRefusal<Stage, Step>>(result.Refusal);
        Assert.Equal(RefusalReason.GuardsUnmet, refusal.Reason);
        Assert.Equal(Stage.Investigating, refusal.State);
        Assert.Equal(Step.OfferHelp, refusal.Trigger);
        Assert.Equal(["an apology has been recorded"], refusal.UnmetGuards);
        Assert.Equal([Step.Withdraw, Step.AskClient, Step.Apologize, Step.AddInformation], refusal.PermittedTriggers);
        Assert.Equal(
            "Trigger 'OfferHelp' is refused in state 'Investigating': unmet guard(s): an apology has been recorded. Permitted now: Withdraw, AskClient, Apologize, AddInformation.",
            refusal.Message);
        Assert.Equal(Stage.Investigating, result.State);
    }

    [Fact]
    public void Evaluate_TriggerNotConfigured_RefusesAsNotPermitted()
    {
        var refusal = _machine.Evaluate(Stage.Received, Step.Fix, new Ticket()).Refusal!;

        Assert.Equal(RefusalReason.NotPermitted, refusal.Reason);
        Assert.Empty(refusal.UnmetGuards);
        Assert.Equal("Trigger 'Fix' is not permitted in state 'Received'. Permitted now: Withdraw, Acknowledge.", refusal.Message);
    }

    [Fact]
    public void Fire_Refused_ThrowsWithTheRefusalDetails()
    {
        var ex = Assert.Throws<TriggerRefusedException>(() => _machine.Fire(Stage.Resolved, Step.Confirm, new Ticket()));

        Assert.Equal("Resolved", ex.State);
        Assert.Equal("Confirm", ex.Trigger);
        Assert.Equal(RefusalReason.GuardsUnmet, ex.Reason);
        Assert.Equal(["the client confirmed the fix"], ex.UnmetGuards);
        Assert.Equal(["Withdraw", "Reject"], ex.PermittedTriggers);
        Assert.StartsWith("Trigger 'Confirm' is refused in state 'Resolved'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_InternalTransition_RunsActionAndKeepsState()
    {
        var ticket = new Ticket();
        var result = _machine.Evaluate(Stage.Investigating, Step.AddInformation, ticket);

        Assert.True(result.IsAccepted);
        Assert.Equal(TransitionKind.Internal, result.Transition.Kind);
        Assert.Equal(Stage.Investigating, result.State);
        Assert.Equal(1, ticket.Notes);
    }

    [Fact]
    public void Fire_IgnoredTrigger_IsAcceptedAndChangesNothing()
    {
        var result = _machine.Evaluate(Stage.Committed, Step.Ping, new Ticket());

        Assert.True(result.IsAccepted);
        Assert.Equal(TransitionKind.Ignored, result.Transition.Kind);
        Assert.Equal(Stage.Committed, result.State);
        Assert.False(result.Transition.ChangedState);
    }

    [Theory]
    [InlineData(Stage.Received)]
    [InlineData(Stage.Investigating)]
    [InlineData(Stage.AwaitingClient)]
    [InlineData(Stage.Resolved)]
    public void Fire_TriggerOfSuperstate_AppliesToEverySubstate(Stage state)
    {
        Assert.Equal(Stage.Withdrawn, _machine.Fire(state, Step.Withdraw, new Ticket()));
    }

    [Fact]
    public void Fire_FinalStateOutsideSuperstate_DoesNotInherit()
    {
        Assert.Equal(RefusalReason.NotPermitted, _machine.Evaluate(Stage.Closed, Step.Withdraw, new Ticket()).Refusal!.Reason);
    }

    [Fact]
    public void Fire_SubstateOverride_HidesSuperstateBehaviour()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("override", "1", Stage.Received);
        b.Configure(Stage.Open).Permit(Step.Withdraw, Stage.Withdrawn);
        b.Configure(Stage.Received).SubstateOf(Stage.Open)
            .PermitIf(Step.Withdraw, Stage.Closed, static t => t.ClientConfirmed, "the client confirmed")
            .Permit(Step.Acknowledge, Stage.Acknowledged);
        b.Configure(Stage.Acknowledged).SubstateOf(Stage.Open);
        b.Configure(Stage.Closed).Final();
        b.Configure(Stage.Withdrawn).Final();
        var machine = b.Build();

        Assert.Equal(Stage.Closed, machine.Fire(Stage.Received, Step.Withdraw, new Ticket { ClientConfirmed = true }));
        var refusal = machine.Evaluate(Stage.Received, Step.Withdraw, new Ticket()).Refusal!;
        Assert.Equal(["the client confirmed"], refusal.UnmetGuards);
        Assert.Equal(Stage.Withdrawn, machine.Fire(Stage.Acknowledged, Step.Withdraw, new Ticket()));
    }

    [Fact]
    public void IsInState_RespectsHierarchy()
    {
        Assert.True(_machine.IsInState(Stage.AwaitingClient, Stage.Open));
        Assert.True(_machine.IsInState(Stage.AwaitingClient, Stage.AwaitingClient));
        Assert.False(_machine.IsInState(Stage.Closed, Stage.Open));
        Assert.False(_machine.IsInState(Stage.Open, Stage.Received));
    }

    [Fact]
    public void InternalTransitionIf_ArgumentAndContextGuards_AllMustHoldAndEachUnmetOneIsNamed()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("notes", "1", Stage.Received);
        var note = b.DeclareParameter<int>(Step.AddInformation);
        b.Configure(Stage.Received)
            .Permit(Step.Withdraw, Stage.Withdrawn)
            .InternalTransitionIf(Step.Apologize, new Guard<Ticket>(static t => !t.Apologized, "no apology yet"))
            .InternalTransitionIf(
                note,
                [new Guard<Ticket, int>(static (_, n) => n > 0, "the note is positive"), new Guard<Ticket, int>(static (t, n) => n > t.Notes, "the note is above the count")],
                new Guard<Ticket>(static t => t.Notes < 3, "fewer than three notes"));
        b.Configure(Stage.Withdrawn).Final();
        var machine = b.Build();

        Assert.True(machine.Evaluate(Stage.Received, note, 2, new Ticket { Notes = 1 }).IsAccepted);
        Assert.Equal(["the note is above the count", "fewer than three notes"], machine.Evaluate(Stage.Received, note, 2, new Ticket { Notes = 3 }).Refusal!.UnmetGuards);
        Assert.Equal(["the note is positive", "the note is above the count"], machine.Evaluate(Stage.Received, note, -1, new Ticket()).Refusal!.UnmetGuards);
        Assert.Equal(["no apology yet"], machine.Evaluate(Stage.Received, Step.Apologize, new Ticket { Apologized = true }).Refusal!.UnmetGuards);
        Assert.Equal(Stage.Received, machine.Evaluate(Stage.Received, Step.Apologize, new Ticket()).State);
        // Asked without an argument, the argument guards count as met; the context guard still decides.
        var permitted = new Step[3];
        Assert.Equal([Step.AddInformation, Step.Withdraw, Step.Apologize], permitted[..machine.GetPermittedTriggers(Stage.Received, new Ticket(), permitted)]);
        Assert.Equal([Step.Withdraw, Step.Apologize], permitted[..machine.GetPermittedTriggers(Stage.Received, new Ticket { Notes = 3 }, permitted)]);
        Assert.Throws<ArgumentNullException>(() => new Guard<Ticket, int>(null!, "d"));
        Assert.Throws<ArgumentException>(() => new Guard<Ticket, int>(static (_, _) => true, " "));
    }

    [Fact]
    public void GetLeafStates_SuperstateAndLeaf_TheLeavesUnderItInConfigurationOrder()
    {
        Assert.Equal(
            [Stage.Received, Stage.Acknowledged, Stage.Investigating, Stage.AwaitingClient, Stage.HelpOffered, Stage.Committed, Stage.Resolved],
            _machine.GetLeafStates(Stage.Open).Order());
        Assert.Equal([Stage.Closed], _machine.GetLeafStates(Stage.Closed));
        Assert.All(_machine.GetLeafStates(Stage.Open), leaf => Assert.True(_machine.IsInState(leaf, Stage.Open)));
        Assert.Throws<ArgumentException>(() => _machine.GetLeafStates((Stage)42));
    }

    [Fact]
    public void Fire_ParameterizedTrigger_GuardReadsArgument()
    {
        Assert.Equal(Stage.Committed, _machine.Fire(Stage.HelpOffered, _commit, new Commitment("replace the router", 2), new Ticket()));
        var refusal = _machine.Evaluate(Stage.HelpOffered, _commit, new Commitment("replace the router", 0), new Ticket()).Refusal!;
        Assert.Equal(["the due date is in the future"], refusal.UnmetGuards);
        Assert.True(_machine.CanFire(Stage.HelpOffered, _commit, new Commitment("x", 1), new Ticket()));
        Assert.False(_machine.CanFire(Stage.HelpOffered, _commit, new Commitment("x", -1), new Ticket()));
    }

    [Fact]
    public void Evaluate_ParameterizedTriggerWithoutArgument_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _machine.Evaluate(Stage.HelpOffered, Step.Commit, new Ticket()));
        Assert.Contains("takes an argument of type Commitment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalTransition_WithArgument_PassesArgumentToAction()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("notes", "1", Stage.Investigating);
        var add = b.DeclareParameter<string>(Step.AddInformation);
        b.Configure(Stage.Investigating).InternalTransition(add, static (t, note, _) => t.Log.Add(note)).Permit(Step.Fix, Stage.Closed);
        b.Configure(Stage.Closed).Final();
        var machine = b.Build();
        var ticket = new Ticket();

        machine.Fire(Stage.Investigating, add, "router serial 4471", ticket);

        Assert.Equal(["router serial 4471"], ticket.Log);
    }

    [Fact]
    public void Fire_UnknownState_ThrowsArgumentExceptionListingStates()
    {
        var ex = Assert.Throws<ArgumentException>(() => _machine.Fire((Stage)42, Step.Acknowledge, new Ticket()));
        Assert.Contains("'42' is not a state of 'complaint'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Received, Acknowledged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observers_RunExitThenTransitionThenEntry_AcrossTheHierarchy()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("observed", "1", Stage.Received);
        b.Configure(Stage.Open).OnEntry(static (t, _) => t.Log.Add("enter Open")).OnExit(static (t, _) => t.Log.Add("exit Open"))
            .Permit(Step.Withdraw, Stage.Withdrawn);
        b.Configure(Stage.Received).SubstateOf(Stage.Open).OnExit(static (t, _) => t.Log.Add("exit Received"))
            .Permit(Step.Acknowledge, Stage.Acknowledged).Permit(Step.Ping, Stage.Received);
        b.Configure(Stage.Acknowledged).SubstateOf(Stage.Open).OnEntry(static (t, _) => t.Log.Add("enter Acknowledged"))
            .OnExit(static (t, _) => t.Log.Add("exit Acknowledged")).InternalTransition(Step.AddInformation);
        b.Configure(Stage.Withdrawn).Final().OnEntry(static (t, tr) => t.Log.Add($"enter Withdrawn from {tr.Source}"));
        b.OnTransitioned(static (t, tr) => t.Log.Add($"{tr.Trigger}: {tr.Source} -> {tr.Destination}"));
        var machine = b.Build();
        var ticket = new Ticket();

        var s = machine.Fire(Stage.Received, Step.Ping, ticket);
        s = machine.Fire(s, Step.Acknowledge, ticket);
        s = machine.Fire(s, Step.AddInformation, ticket);
        machine.Fire(s, Step.Withdraw, ticket);

        Assert.Equal(
            [
                "exit Received", "Ping: Received -> Received",
                "exit Received", "Acknowledge: Received -> Acknowledged", "enter Acknowledged",
                "AddInformation: Acknowledged -> Acknowledged",
                "exit Acknowledged", "exit Open", "Withdraw: Acknowledged -> Withdrawn", "enter Withdrawn from Acknowledged",
            ],
            ticket.Log);
    }

    [Fact]
    public void GetPermittedTriggers_WithoutContext_ListsConfiguredTriggersIncludingInherited()
    {
        Assert.Equal([Step.Withdraw, Step.Confirm, Step.Reject], _machine.GetPermittedTriggers(Stage.Resolved).ToArray());
        Assert.Equal([Step.Withdraw, Step.AskClient, Step.Apologize, Step.AddInformation, Step.OfferHelp], _machine.GetPermittedTriggers(Stage.Investigating).ToArray());
        Assert.True(_machine.GetPermittedTriggers(Stage.Withdrawn).IsEmpty);
    }

    [Fact]
    public void GetPermittedTriggers_WithContext_EvaluatesGuards()
    {
        Span<Step> buffer = stackalloc Step[8];
        int n = _machine.GetPermittedTriggers(Stage.Resolved, new Ticket(), buffer);
        Assert.Equal([Step.Withdraw, Step.Reject], buffer[..n].ToArray());
        n = _machine.GetPermittedTriggers(Stage.Resolved, new Ticket { ClientConfirmed = true }, buffer);
        Assert.Equal([Step.Withdraw, Step.Confirm, Step.Reject], buffer[..n].ToArray());
    }

    [Fact]
    public void CanFire_ReportsWithoutRunningObservers()
    {
        var ticket = new Ticket();
        Assert.True(_machine.CanFire(Stage.Investigating, Step.AddInformation, ticket));
        Assert.Equal(0, ticket.Notes);
        Assert.False(_machine.CanFire(Stage.Investigating, Step.OfferHelp, ticket));
        Assert.True(_machine.CanFire(Stage.Investigating, Step.Ping, ticket));
    }

    [Fact]
    public void Fire_SuccessPath_AllocatesNothing()
    {
        var ticket = new Ticket { Apologized = true, ClientConfirmed = true };
        var commitment = new Commitment("replace the router", 3);
        Walk(ticket, commitment); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Walk(ticket, commitment);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Fire_FromEightThreadsOnOneDefinition_EveryWalkEndsClosed()
    {
        int closed = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (int i = 0; i < 2000; i++)
            {
                var ticket = new Ticket();
                if (Walk(ticket, new Commitment("fix", 1)) == Stage.Closed && ticket.Notes == 1)
                {
                    Interlocked.Increment(ref closed);
                }
            }
        });

        Assert.Equal(8 * 2000, closed);
    }

    private Stage Walk(Ticket ticket, Commitment commitment)
    {
        var s = _machine.InitialState;
        s = _machine.Fire(s, Step.Acknowledge, ticket);
        s = _machine.Fire(s, Step.Investigate, ticket);
        s = _machine.Fire(s, Step.AskClient, ticket);
        s = _machine.Fire(s, Step.ClientResponded, ticket);
        s = _machine.Fire(s, Step.AddInformation, ticket);
        s = _machine.Fire(s, Step.Apologize, ticket);
        s = _machine.Fire(s, Step.OfferHelp, ticket);
        s = _machine.Fire(s, _commit, commitment, ticket);
        s = _machine.Fire(s, Step.Fix, ticket);
        ticket.ClientConfirmed = true;
        return _machine.Fire(s, Step.Confirm, ticket);
    }
}
