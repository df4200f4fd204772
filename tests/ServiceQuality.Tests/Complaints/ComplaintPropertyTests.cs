using FsCheck.Xunit;
using ServiceQuality.Complaints;
using ServiceQuality.Workflow;

namespace ServiceQuality.Tests.Complaints;

/// <summary>Random command sequences (with time passing between commands) checked against the written specification.</summary>
public class ComplaintPropertyTests
{
    private static readonly TimeSpan[] Advances =
        [TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), TimeSpan.FromHours(9), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(8), TimeSpan.FromDays(31)];

    private static readonly HashSet<ComplaintCommand> GuardedCommands =
        [ComplaintCommand.OfferHelp, ComplaintCommand.AutoClose, ComplaintCommand.Reopen, ComplaintCommand.Escalate, ComplaintCommand.PutOnHold,
         ComplaintCommand.ReleaseHold, ComplaintCommand.UnlinkProblem, ComplaintCommand.RecordSlaAlert];

    [Property(MaxTest = 200)]
    public void RandomCommands_NeverReachAStateTheDefinitionDoesNotAllow(int[] steps)
    {
        Run(steps, (before, command, result, after) =>
        {
            Assert.Contains(after, ComplaintTestKit.LeafStates);
            if (result.IsAccepted)
            {
                Assert.True(ComplaintTestKit.Permitted.TryGetValue((before, command), out var destination), $"{command} was accepted in {before}");
                Assert.Equal(destination, after);
            }
            else if (ComplaintTestKit.Permitted.ContainsKey((before, command)))
            {
                Assert.Contains(command, GuardedCommands);
                Assert.Equal(RefusalReason.GuardsUnmet, result.Refusal!.Reason);
                Assert.Equal(before, after);
            }
            else
            {
                Assert.Equal(RefusalReason.NotPermitted, result.Refusal!.Reason);
                Assert.Equal(before, after);
            }
        });
    }

    [Property(MaxTest = 200)]
    public void Replay_EqualsLiveState(int[] steps)
    {
        var live = Run(steps, static (_, _, _, _) => { });

        var replayed = live.Lifecycle.Replay(live.History);

        Assert.Equal(live.Snapshot, replayed.Snapshot);
        Assert.Equal(live.EvaluateSla(), replayed.EvaluateSla());
    }

    [Property(MaxTest = 200)]
    public void Version_RisesByExactlyOnePerAcceptedEvent(int[] steps)
    {
        long accepted = 1;
        var complaint = Run(steps, (_, _, result, _) => accepted += result.IsAccepted ? 1 : 0);

        Assert.Equal(accepted, complaint.Version);
        Assert.Equal(Enumerable.Range(1, (int)accepted).Select(i => (long)i), complaint.History.Select(e => e.Version));
        Assert.Equal(complaint.History.Count(e => e.IsMomentOfTruth), complaint.Snapshot.ClientContacts);
    }

    /// <summary>Decodes each int into a time advance and a command, sends it, and reports (state before, command, result, state after).</summary>
    private static Complaint Run(int[] steps, Action<ComplaintState, ComplaintCommand, CommandResult, ComplaintState> check)
    {
        var (time, lifecycle) = ComplaintTestKit.Create();
        var complaint = ComplaintTestKit.Receive(lifecycle);
        foreach (int step in steps ?? [])
        {
            uint bits = unchecked((uint)step);
            var command = ComplaintTestKit.Commands[bits % (uint)ComplaintTestKit.Commands.Length];
            time.Advance(Advances[(bits / 16) % (uint)Advances.Length]);
            if (command == ComplaintCommand.Escalate && complaint.EscalationLevel == 3)
            {
                continue;
            }

            var before = complaint.State;
            long version = complaint.Version;
            var result = ComplaintTestKit.Send(complaint, command);
            Assert.Equal(version + (result.IsAccepted ? 1 : 0), complaint.Version);
            check(before, command, result, complaint.State);
        }

        return complaint;
    }
}
