using ServiceQuality.Workflow;

namespace ServiceQuality.Tests.Workflow;

public enum Stage { Open, Received, Acknowledged, Investigating, AwaitingClient, HelpOffered, Committed, Resolved, Closed, Withdrawn }

public enum Step { Acknowledge, Investigate, AskClient, ClientResponded, Apologize, AddInformation, OfferHelp, Commit, Fix, Confirm, Reject, Withdraw, Ping }

public sealed class Ticket
{
    public bool Apologized { get; set; }

    public bool ClientConfirmed { get; set; }

    public int Notes { get; set; }

    public List<string> Log { get; } = [];
}

public sealed record Commitment(string Action, int DaysToDue);

/// <summary>The complaint-shaped machine the tests share: 9 leaf states, one superstate, two guards, one parameterised trigger.</summary>
public static class TestMachines
{
    public static StateMachineBuilder<Stage, Step, Ticket> LifecycleBuilder(out TriggerWithParameter<Step, Commitment> commit)
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("complaint", "1", Stage.Received);
        commit = b.DeclareParameter<Commitment>(Step.Commit);
        b.Configure(Stage.Open).Permit(Step.Withdraw, Stage.Withdrawn).Ignore(Step.Ping);
        b.Configure(Stage.Received).SubstateOf(Stage.Open).Permit(Step.Acknowledge, Stage.Acknowledged);
        b.Configure(Stage.Acknowledged).SubstateOf(Stage.Open).Permit(Step.Investigate, Stage.Investigating);
        b.Configure(Stage.Investigating).SubstateOf(Stage.Open)
            .Permit(Step.AskClient, Stage.AwaitingClient)
            .InternalTransition(Step.Apologize, static (t, _) => t.Apologized = true)
            .InternalTransition(Step.AddInformation, static (t, _) => t.Notes++)
            .PermitIf(Step.OfferHelp, Stage.HelpOffered, static t => t.Apologized, "an apology has been recorded");
        b.Configure(Stage.AwaitingClient).SubstateOf(Stage.Open).Permit(Step.ClientResponded, Stage.Investigating);
        b.Configure(Stage.HelpOffered).SubstateOf(Stage.Open)
            .PermitIf(commit, Stage.Committed, static (_, c) => c.DaysToDue > 0, "the due date is in the future");
        b.Configure(Stage.Committed).SubstateOf(Stage.Open).Permit(Step.Fix, Stage.Resolved);
        b.Configure(Stage.Resolved).SubstateOf(Stage.Open)
            .PermitIf(Step.Confirm, Stage.Closed, static t => t.ClientConfirmed, "the client confirmed the fix")
            .Permit(Step.Reject, Stage.Investigating);
        b.Configure(Stage.Closed).Final();
        b.Configure(Stage.Withdrawn).Final();
        return b;
    }

    public static StateMachineDefinition<Stage, Step, Ticket> Lifecycle(out TriggerWithParameter<Step, Commitment> commit) =>
        LifecycleBuilder(out commit).Build();
}
