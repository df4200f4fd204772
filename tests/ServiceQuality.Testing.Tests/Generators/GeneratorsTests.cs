using FsCheck.Fluent;
using ServiceQuality.Complaints;
using ServiceQuality.Normalization;
using ServiceQuality.Scoring;
using ServiceQuality.Sla;

namespace ServiceQuality.Testing.Tests.Generators;

public class GeneratorsTests
{
    [Fact]
    public void Response_SegmentMixThreeToOne_DrawsAboutThreeInternalToOneExternal()
    {
        var responses = Gen.Sample(SurveyGenerators.Response(new SegmentMix { InternalWeight = 3, ExternalWeight = 1 }, agents: 4), 2_000, 50);

        double internalShare = responses.Count(r => r.Segment == ClientSegment.Internal) / (double)responses.Length;
        Assert.InRange(internalShare, 0.70, 0.80);
        Assert.All(responses, r => Assert.Matches("^agent-[1-4]$", r.Agent));
        Assert.All(responses.Where(r => r.Nps is not null), r => Assert.InRange(r.Nps!.Value, 0, 10));
        Assert.All(responses.Where(r => r.Csat is not null), r => Assert.InRange(r.Csat!.Value, 1, 5));
        Assert.All(responses.Where(r => r.Ces is not null), r => Assert.InRange(r.Ces!.Value, 1, 7));
        Assert.Contains(responses, r => r.Nps is null);
        Assert.Contains(responses, r => r.Wants is { Count: > 0 });
    }

    [Fact]
    public void Response_InvalidMix_ThrowsNamingTheValidRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SurveyGenerators.Response(new SegmentMix { InternalWeight = 0, ExternalWeight = 0 }));
        Assert.Contains("at least one greater than 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_NpsScale_ElevenCountsThatFillAnAccumulator()
    {
        var histograms = Gen.Sample(SurveyGenerators.Histogram<NpsScale>(maxCount: 50), 300, 50);

        Assert.All(histograms, h => Assert.Equal(11, h.Length));
        Assert.All(histograms, h => Assert.All(h, c => Assert.InRange(c, 0, 50)));
        Assert.Contains(histograms, h => h.All(c => c == 0));
        var sample = histograms.First(h => h.Sum() > 0);
        var accumulator = SurveyGenerators.ToAccumulator<NpsScale>(sample);
        Assert.Equal(sample.Sum(), accumulator.Count);
        Assert.Equal(sample[10], accumulator.CountOf(10));
    }

    [Fact]
    public void ToAccumulator_WrongLength_ThrowsNamingTheScale()
    {
        var error = Assert.Throws<ArgumentException>(() => SurveyGenerators.ToAccumulator<CsatScale>([1, 2, 3]));
        Assert.Contains("1-5 needs 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complaints_CalmText_StatesExactlyTheFactsTheGeneratorKnows()
    {
        var normalizer = new ComplaintNormalizer();
        foreach (var complaint in Gen.Sample(new ComplaintTextGenerator().Complaints, 200, 40))
        {
            var facts = normalizer.Normalize(complaint.Calm).Facts.Select(f => new ExpectedFact { Kind = f.Kind, Value = f.Value }).ToArray();
            Assert.All(complaint.Facts, f => Assert.Contains(f, facts));
            Assert.Equal(complaint.Facts.Count, complaint.Parts.Count(p => !p.IsPlain));
        }
    }

    [Fact]
    public void Complaints_EditKinds_OnlyTheChosenEditsAreApplied()
    {
        var generator = new ComplaintTextGenerator(null, ToneEdits.Emoji | ToneEdits.Threat);

        var complaints = Gen.Sample(generator.Complaints, 200, 40);

        Assert.All(complaints, c => Assert.All(c.Edits, e => Assert.Contains(e.Kind, new[] { ToneEdits.Emoji, ToneEdits.Threat })));
        Assert.Contains(complaints, c => c.Edits.Any(e => e.Kind == ToneEdits.Threat) && c.Angry.Length > c.Calm.Length);
    }

    [Fact]
    public void ComplaintTextGenerator_UnknownEditFlag_Throws() =>
        Assert.Throws<ArgumentException>(() => new ComplaintTextGenerator(null, (ToneEdits)(1 << 20)));

    [Fact]
    public void Scripts_HostOptions_EveryScriptIsAcceptedAndTimedOnTheCalendar()
    {
        var calendar = BusinessCalendar.Weekdays(TimeZoneInfo.Utc, new TimeOnly(9, 0), new TimeOnly(17, 0));
        var options = new ComplaintOptions { Calendar = calendar, AutoCloseAfter = TimeSpan.FromDays(2) };
        var scripts = new ComplaintScripts(options);

        var sample = Gen.Sample(scripts.Scripts, 200, 60);

        Assert.All(sample, s => Assert.True(scripts.Accepts(s), s.ToString()));
        Assert.Contains(sample, s => s.Steps.Any(step => step.Command == ComplaintCommand.AutoClose));
        Assert.Contains(sample, s => s.Steps.Any(step => step.Command == ComplaintCommand.Reopen));
        foreach (var script in sample.Take(50))
        {
            var clock = new ScriptClock();
            var run = ComplaintScripts.Run(new ComplaintLifecycle(options, clock), clock, script);
            Assert.All(run.Results, r => Assert.True(r.IsAccepted, r.Refusal?.Message));

            // Staff commands land in business hours (the calendar is open when they are sent).
            var at = script.Start;
            foreach (var step in script.Steps)
            {
                at += step.Delay;
                if (step.Command is ComplaintCommand.Acknowledge or ComplaintCommand.StartInvestigating or ComplaintCommand.Commit or ComplaintCommand.DeliverFix)
                {
                    Assert.InRange(at.UtcDateTime.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(17));
                    Assert.True(at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{step} at {at:u}");
                }
            }
        }
    }

    [Fact]
    public void SlaHistories_Cases_IncludeRunningClocksWithAtRiskInstants()
    {
        var policy = new SlaPolicy();
        var histories = new SlaHistories(policy, BusinessCalendar.AlwaysOpen);

        var cases = Gen.Sample(histories.Cases, 300, 40);

        var running = cases.Select(c => SlaEvaluator.Evaluate([.. c.History], policy, BusinessCalendar.AlwaysOpen, c.FirstAt))
            .Count(e => e.Clocks.Any(k => k.Status == SlaStatus.Running && k.AtRiskAt is not null));
        Assert.True(running > 30, $"{running} of 300 cases have a running clock");
        Assert.Contains(cases, c => c.History.Any(e => e.Kind == SlaEntryKind.Paused));
    }
}
