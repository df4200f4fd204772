using ServiceQuality.Workflow;
if (args.Length > 0 && args[0] == "normalize") { return NormalizeCommand.Run(args[1..]); }

// The complaint-shaped workflow: one immutable definition, shared by every complaint.
var builder = new StateMachineBuilder<Stage, Step, ComplaintFile>("complaint-sample", "1", Stage.Received);
builder.Configure(Stage.Open).Permit(Step.Withdraw, Stage.Withdrawn);
builder.Configure(Stage.Received).SubstateOf(Stage.Open).Permit(Step.Thank, Stage.Acknowledged);
builder.Configure(Stage.Acknowledged).SubstateOf(Stage.Open).Permit(Step.Investigate, Stage.Investigating);
builder.Configure(Stage.Investigating).SubstateOf(Stage.Open)
    .InternalTransition(Step.Apologise, static (file, _) => file.Apologised = true)
    .PermitIf(Step.OfferHelp, Stage.HelpOffered, static file => file.Apologised, "an apology has been recorded");
builder.Configure(Stage.HelpOffered).SubstateOf(Stage.Open).Permit(Step.Commit, Stage.Committed);
builder.Configure(Stage.Committed).SubstateOf(Stage.Open).Permit(Step.Fix, Stage.Resolved);
builder.Configure(Stage.Resolved).SubstateOf(Stage.Open)
    .PermitIf(Step.Close, Stage.Closed, static file => file.ClientConfirmed, "the client confirmed the fix");
builder.Configure(Stage.Closed).Final();
builder.Configure(Stage.Withdrawn).Final();
builder.OnTransitioned(static (file, t) => Console.WriteLine($"  {t.Source,-14} --{t.Trigger,-12}--> {t.Destination} ({t.Kind})"));
var workflow = builder.Build();

Console.WriteLine(workflow.ToMermaid());

var complaint = new ComplaintFile { Text = "The VPN has dropped three times this morning." };
var state = workflow.InitialState;
Console.WriteLine($"Complaint: \"{complaint.Text}\"");
foreach (var step in new[] { Step.Thank, Step.Investigate, Step.OfferHelp, Step.Apologise, Step.OfferHelp, Step.Commit, Step.Fix, Step.Close })
{
    if (step == Step.Close)
    {
        complaint.ClientConfirmed = true;
    }

    var result = workflow.TryFire(state, step, complaint);
    if (result.Refusal is { } refusal)
    {
        Console.WriteLine($"  refused: {refusal.Message}");
        continue;
    }

    state = result.State;
}

Console.WriteLine($"Final state: {state}");
return state == Stage.Closed ? 0 : 1;

internal enum Stage { Open, Received, Acknowledged, Investigating, HelpOffered, Committed, Resolved, Closed, Withdrawn }

internal enum Step { Thank, Investigate, Apologise, OfferHelp, Commit, Fix, Close, Withdraw }

internal sealed class ComplaintFile
{
    public string Text { get; init; } = "";
    public bool Apologised { get; set; }
    public bool ClientConfirmed { get; set; }
}
