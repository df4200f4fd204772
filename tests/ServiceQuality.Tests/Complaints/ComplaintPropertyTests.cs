using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;
using ServiceQuality.Testing;

namespace ServiceQuality.Tests.Complaints;

/// <summary>Random command sequences (with time passing between commands) checked against the written specification and an independent model.</summary>
public class ComplaintPropertyTests
{
    /// <summary>The commands that move a complaint along its lifecycle, drawn more often so walks reach every state.</summary>
    private static readonly ComplaintCommand[] Progress =
        [ComplaintCommand.Acknowledge, ComplaintCommand.StartInvestigating, ComplaintCommand.Apologize, ComplaintCommand.OfferHelp, ComplaintCommand.Commit,
         ComplaintCommand.DeliverFix, ComplaintCommand.RecordClientConfirmation, ComplaintCommand.RecordClientRejection, ComplaintCommand.AutoClose, ComplaintCommand.Reopen];

    private static readonly TimeSpan[] ModelAdvances =
        [TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromDays(1), TimeSpan.FromDays(8), TimeSpan.FromDays(31)];

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
                Assert.Equal(CommandRefusalReason.ConditionsUnmet, result.Refusal!.Reason);
                Assert.Equal(before, after);
            }
            else
            {
                Assert.Equal(CommandRefusalReason.NotPermitted, result.Refusal!.Reason);
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

    /// <summary>
    /// Random walks of every command (assignment, priority changes, holds with valid and invalid pause reasons, problem and
    /// survey links, tags, metadata, SLA alerts, and the lifecycle's own commands), each with one of four argument
    /// variants, run against the real complaint and against <see cref="ComplaintModel"/>: after every step the outcome
    /// (accepted, not permitted, guard unmet, invalid argument), the state, version, priority, assignee, escalation,
    /// reopenings, hold, links, tags, metadata, recorded alerts and the acknowledge clock's status agree; the history
    /// replays to the live state.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property RandomCommands_MatchAnIndependentModel_AfterEveryStep() =>
        Prop.ForAll(Walks.ToArbitrary(), steps =>
        {
            var (time, lifecycle) = ComplaintTestKit.Create();
            var complaint = ComplaintTestKit.Receive(lifecycle);
            var model = new ComplaintModel(time.GetUtcNow(), Priority.Normal);
            for (int i = 0; i < steps.Length; i++)
            {
                var step = steps[i];
                time.Advance(step.Advance);
                var now = time.GetUtcNow();
                var actual = model.Send(complaint, step);
                var expected = model.Apply(step, now);
                string where = $"step {i} ({step}) of [{string.Join(", ", steps)}]";
                Assert.True(expected == actual, $"{where}: the model says {expected}, the complaint {actual}.");
                Assert.Equal(model.View, ComplaintModel.ViewOf(complaint));
                Assert.True(model.AcknowledgeStatus(now) == complaint.EvaluateSla(now).Acknowledge.Status, $"{where}: acknowledge clock {model.AcknowledgeStatus(now)} in the model, {complaint.EvaluateSla(now).Acknowledge.Status} in the complaint.");
            }

            var replayed = lifecycle.Replay(complaint.History);
            Assert.Equal(complaint.Snapshot, replayed.Snapshot);
            Assert.Equal(complaint.EvaluateSla(), replayed.EvaluateSla());
        });

    /// <summary>The walks the model property draws reach every event type and every outcome (so it is not vacuous).</summary>
    [Fact]
    public void ModelWalks_OnAFixedSeed_ReachEveryEventTypeAndOutcome()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new HashSet<ModelOutcome>();
        foreach (var steps in Walks.Sample(300, new Rnd(13, 0x9E3779B97F4A7C15UL | 1), 300))
        {
            var (time, lifecycle) = ComplaintTestKit.Create();
            var complaint = ComplaintTestKit.Receive(lifecycle);
            var model = new ComplaintModel(time.GetUtcNow(), Priority.Normal);
            foreach (var step in steps)
            {
                time.Advance(step.Advance);
                outcomes.Add(model.Send(complaint, step));
                model.Apply(step, time.GetUtcNow());
            }

            types.UnionWith(complaint.History.Select(e => ComplaintEventSerializer.Serialize(e)).Select(TypeOf));
        }

        Assert.Empty(ComplaintEventSerializer.KnownTypes.Except(types));
        Assert.Equal(Enum.GetValues<ModelOutcome>(), outcomes.Order());
    }

    /// <summary>Replay equals live state after every step of a history holding every event type.</summary>
    [Fact]
    public void Replay_EqualsLiveState_AfterEachEventOfEveryType()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        ComplaintTestKit.EveryEventType(c =>
        {
            var replayed = c.Lifecycle.Replay(c.History);
            Assert.Equal(c.Snapshot, replayed.Snapshot);
            Assert.Equal(c.EvaluateSla(), replayed.EvaluateSla());
            Assert.Equal(c.GetNextDue(c.Lifecycle.TimeProvider.GetUtcNow()), replayed.GetNextDue(c.Lifecycle.TimeProvider.GetUtcNow()));
            types.Add(TypeOf(ComplaintEventSerializer.Serialize(c.History[^1])));
        });

        Assert.Equal(ComplaintEventSerializer.KnownTypes.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Replay_AfterSerializerRoundTrip_EqualsLiveState_UnderEveryPolicyCombination()
    {
        // The kit's model-based scripts, on a business calendar, through the JSON form stores keep.
        static IReadOnlyList<ComplaintEvent> RoundTrip(IReadOnlyList<ComplaintEvent> history) =>
            ComplaintEventSerializer.DeserializeHistory(ComplaintEventSerializer.SerializeHistory(history));
        var calendar = BusinessCalendar.Weekdays(TimeZoneInfo.Utc, new TimeOnly(8, 0), new TimeOnly(18, 0));
        foreach (var (apologyFirst, confirmation) in new[] { (true, true), (true, false), (false, true), (false, false) })
        {
            var options = new ComplaintOptions { RequireApologyBeforeHelp = apologyFirst, RequireClientConfirmation = confirmation, Calendar = calendar, MaxEscalationLevel = 2 };
            var laws = new LifecycleLaws(options) { Options = new LawCheckOptions { MaxTest = 60 } };
            laws.AcceptsWhatThePoliciesAllow();
            laws.ReplayEqualsLiveState(RoundTrip);
        }
    }

    private static Gen<ModelStep> Step =>
        from command in Gen.Frequency((3, Gen.Elements(ComplaintTestKit.Commands)), (1, Gen.Elements(Progress)))
        from variant in Gen.Choose(0, 3)
        from advance in Gen.Elements(ModelAdvances)
        select new ModelStep(advance, command, variant);

    private static Gen<ModelStep[]> Walks => Gen.Choose(0, 80).SelectMany(length => Step.ArrayOf(length));

    private static string TypeOf(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("type").GetString()!;

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
