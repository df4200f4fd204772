using System.Text.Json.Nodes;
using ServiceQuality.Complaints;
using ServiceQuality.Sla;

namespace ServiceQuality.Testing.Tests.Laws;

public class LifecycleLawsTests
{
    private static readonly LawCheckOptions Seeded = new() { MaxTest = 100, Seed = 18 };

    [Fact]
    public void CheckAll_DefaultOptions_Passes() => new LifecycleLaws { Options = Seeded }.CheckAll();

    [Fact]
    public void CheckAll_HostPolicies_Passes()
    {
        var options = new ComplaintOptions
        {
            RequireApologyBeforeHelp = false,
            RequireClientConfirmation = false,
            AutoCloseAfter = TimeSpan.FromDays(2),
            ReopenWindow = TimeSpan.FromDays(5),
            MaxEscalationLevel = 1,
            Calendar = BusinessCalendar.Weekdays(TimeZoneInfo.Utc, new TimeOnly(8, 0), new TimeOnly(18, 0)),
            ClockPausedStates = new HashSet<ComplaintState> { ComplaintState.AwaitingClient, ComplaintState.Committed },
        };

        new LifecycleLaws(options) { Options = Seeded }.CheckAll();
    }

    [Fact]
    public void ReplayEqualsLiveState_StoreThatLosesApologies_FailsWithAShrunkScript()
    {
        // A host's store that drops apologies and renumbers what follows: replay no longer knows an apology was given.
        static IReadOnlyList<ComplaintEvent> LosesApologies(IReadOnlyList<ComplaintEvent> history)
        {
            var kept = history.Where(e => e is not ApologyGiven).ToList();
            return [.. kept.Select((e, i) =>
            {
                var json = JsonNode.Parse(ComplaintEventSerializer.Serialize(e))!;
                json["version"] = i + 1;
                return ComplaintEventSerializer.Deserialize(json.ToJsonString());
            })];
        }

        var laws = new LifecycleLaws { Options = Seeded };

        var violation = Assert.Throws<LawViolationException>(() => laws.ReplayEqualsLiveState(LosesApologies));

        var script = Assert.IsType<ComplaintScript>(violation.Counterexample);
        Assert.Equal([ComplaintCommand.Acknowledge, ComplaintCommand.Apologize], script.Steps.Select(s => s.Command));
        Assert.True(laws.Scripts.Accepts(script));
    }

    [Fact]
    public void AcceptsWhatThePoliciesAllow_ModelOfStricterPolicies_FailsOnTheFirstRefusal()
    {
        // Scripts written for a lifecycle without apology-first, run against one that requires it.
        var lenient = new ComplaintOptions { RequireApologyBeforeHelp = false };
        var scripts = new ComplaintScripts(lenient);
        var strict = new ComplaintLifecycle(new ComplaintOptions(), new ScriptClock());

        var refused = FsCheck.Fluent.Gen.Sample(scripts.Scripts, 300, 40)
            .Select(s => (Script: s, Run: ComplaintScripts.Run(strict, (ScriptClock)strict.TimeProvider, s)))
            .First(r => r.Run.Results.Any(x => !x.IsAccepted));

        var first = refused.Run.Results.First(x => !x.IsAccepted);
        Assert.Equal(CommandRefusalReason.ConditionsUnmet, first.Refusal!.Reason);
        Assert.Contains("an apology has been recorded", first.Refusal.Message, StringComparison.Ordinal);
    }
}
