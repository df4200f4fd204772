using ServiceQuality.Workflow;

namespace ServiceQuality.Tests.Workflow;

public class StateMachineExportTests
{
    private static StateMachineDefinition<Stage, Step, Ticket> Small()
    {
        var b = new StateMachineBuilder<Stage, Step, Ticket>("ticket", "2", Stage.Received);
        var commit = b.DeclareParameter<Commitment>(Step.Commit);
        b.Configure(Stage.Open).Permit(Step.Withdraw, Stage.Withdrawn);
        b.Configure(Stage.Received).SubstateOf(Stage.Open)
            .InternalTransition(Step.AddInformation)
            .PermitIf(Step.OfferHelp, Stage.HelpOffered, static t => t.Apologized, "an apology has been recorded");
        b.Configure(Stage.HelpOffered).SubstateOf(Stage.Open)
            .PermitIf(commit, Stage.Closed, static (_, c) => c.DaysToDue > 0, "the due date is in the future")
            .Ignore(Step.Ping);
        b.Configure(Stage.Closed).Final();
        b.Configure(Stage.Withdrawn).Final();
        return b.Build();
    }

    [Fact]
    public void ToMermaid_SmallMachine_ExactText()
    {
        const string expected = """
            ---
            title: ticket v2
            ---
            stateDiagram-v2
                [*] --> Received
                state Open {
                    Received
                    HelpOffered
                }
                Open --> Withdrawn : Withdraw
                Received --> Received : AddInformation (internal)
                Received --> HelpOffered : OfferHelp [an apology has been recorded]
                HelpOffered --> Closed : Commit(Commitment) [the due date is in the future]
                Withdrawn --> [*]
                Closed --> [*]

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), Small().ToMermaid());
    }

    [Fact]
    public void ToDot_SmallMachine_ExactText()
    {
        const string expected = """
            digraph "ticket" {
                label="ticket v2";
                rankdir=LR;
                node [shape=box, style=rounded];
                "[*]" [shape=point];
                subgraph "cluster_Open" {
                    label="Open";
                    "Open" [style="rounded,dashed"];
                    "Received";
                    "HelpOffered";
                }
                "Withdrawn" [peripheries=2];
                "Closed" [peripheries=2];
                "[*]" -> "Received";
                "Open" -> "Withdrawn" [label="Withdraw"];
                "Received" -> "Received" [label="AddInformation (internal)", style=dashed];
                "Received" -> "HelpOffered" [label="OfferHelp [an apology has been recorded]"];
                "HelpOffered" -> "Closed" [label="Commit(Commitment) [the due date is in the future]"];
            }

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), Small().ToDot());
    }

    [Fact]
    public void ToMermaid_StatesThatAreNotIdentifiers_AreDeclaredWithAnAlias()
    {
        var b = new StateMachineBuilder<string, string, Ticket>("names", "1", "in progress");
        b.Configure("in progress").Permit("finish \"now\"", "2nd line");
        b.Configure("2nd line").Final();

        string mermaid = b.Build().ToMermaid();

        Assert.Contains("    state \"in progress\" as in_progress\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    state \"2nd line\" as s_2nd_line\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    in_progress --> s_2nd_line : finish \"now\"\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\"in progress\" -> \"2nd line\" [label=\"finish \\\"now\\\"\"];", b.Build().ToDot(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetInfo_DescribesStatesHierarchyTransitionsAndGuards()
    {
        var info = Small().GetInfo();

        Assert.Equal(("ticket", "2", Stage.Received), (info.Name, info.Version, info.InitialState));
        // In the order the builder first met them: Open is configured first and names Withdrawn.
        Assert.Equal([Stage.Open, Stage.Withdrawn, Stage.Received, Stage.HelpOffered, Stage.Closed], info.States.Select(s => s.State));
        var open = info.States.Single(s => s.State == Stage.Open);
        Assert.Equal([Stage.Received, Stage.HelpOffered], open.Substates.Select(s => s.State));
        var helpOffered = info.States.Single(s => s.State == Stage.HelpOffered);
        Assert.Same(open, helpOffered.Superstate);
        Assert.Equal([Step.Ping], helpOffered.IgnoredTriggers);
        var commit = Assert.Single(helpOffered.Transitions);
        Assert.Equal((Step.Commit, Stage.Closed, TransitionKind.Transition, typeof(Commitment)), (commit.Trigger, commit.Destination, commit.Kind, commit.ParameterType));
        Assert.Equal(["the due date is in the future"], commit.GuardDescriptions);
        Assert.True(info.States.Single(s => s.State == Stage.Received).IsInitial);
        Assert.True(info.States.Single(s => s.State == Stage.Closed).IsFinal);
        Assert.Equal(typeof(Commitment), info.Triggers.Single(t => t.Trigger == Step.Commit).ParameterType);
    }
}
