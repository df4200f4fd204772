using System.Text.Json;
using ServiceQuality.Insights;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Insights;

public class ScorecardTests
{
    private static readonly ScorecardOptions FourPerAgent = new() { MinimumResponsesPerAgent = 4 };

    /// <summary>
    /// Two agents, four responses each; agent A serves internal clients, agent B external ones. Every expected value
    /// below is computed by hand from these numbers (ICC1 from the one-way ANOVA: (MSB − MSW) / (MSB + (k − 1)·MSW), k = 4).
    /// </summary>
    private static IEnumerable<SurveyResponse> Responses()
    {
        (string Agent, ClientSegment Segment, int Nps, int Csat, int Ces, int Availability, int Communication)[] rows =
        [
            ("A", ClientSegment.Internal, 10, 5, 1, 5, 2), ("A", ClientSegment.Internal, 9, 5, 2, 5, 2),
            ("A", ClientSegment.Internal, 9, 4, 2, 4, 3), ("A", ClientSegment.Internal, 8, 4, 1, 4, 3),
            ("B", ClientSegment.External, 6, 2, 5, 4, 1), ("B", ClientSegment.External, 3, 3, 6, 4, 1),
            ("B", ClientSegment.External, 7, 4, 4, 4, 2), ("B", ClientSegment.External, 9, 1, 7, 4, 2),
        ];
        return rows.Select((r, i) => new SurveyResponse
        {
            ClientId = $"C{i}",
            Agent = r.Agent,
            Segment = r.Segment,
            Nps = r.Nps,
            Csat = r.Csat,
            Ces = r.Ces,
            Wants = new Dictionary<ClientWant, WantAnswer>
            {
                [ClientWant.Availability] = new() { Importance = 5, Performance = r.Availability },
                [ClientWant.Communication] = new() { Importance = 4, Performance = r.Communication },
            },
        });
    }

    [Fact]
    public void ScorecardResult_JsonRoundTrip_ReadsBackEveryFigure()
    {
        var card = Scorecard.Compute(Responses(), FourPerAgent, slaAttainment: Proportion.FromCounts(9, 10));
        var json = JsonSerializer.Serialize(card, InsightsJson.ScorecardResult);

        var back = JsonSerializer.Deserialize(json, InsightsJson.ScorecardResult)!;

        // The results are get-only with internal constructors: the JSON reads back through their [JsonConstructor].
        Assert.Equal(json, JsonSerializer.Serialize(back, InsightsJson.ScorecardResult));
        Assert.Equal(card.Nps, back.Nps);
        Assert.Equal(card.Index.Estimate, back.Index.Estimate);
        Assert.Equal(card.Index.Components.Count, back.Index.Components.Count);
        Assert.Equal(["A", "B"], back.Agents.Select(a => a.Agent));
        Assert.Equal(card.ImportancePerformance!.Points, back.ImportancePerformance!.Points);
    }

    [Fact]
    public void Compute_HandWorkedExample_ExactScores()
    {
        var card = Scorecard.Compute(Responses(), FourPerAgent);

        Assert.Equal(8, card.SampleSize);
        Assert.Equal((4L, 2L, 2L, 0.25), (card.Nps.Promoters, card.Nps.Passives, card.Nps.Detractors, card.Nps.Estimate!.Value));
        Assert.Equal(0.625, card.Csat.TopBox.Estimate!.Value, 12);   // 5 of 8 rated 4 or 5
        Assert.Equal(3.5, card.Csat.Mean.Estimate!.Value, 12);
        Assert.Equal(3.5, card.Ces.Estimate!.Value, 12);

        Assert.Equal([ClientWant.Communication, ClientWant.Availability], card.Wants.Select(w => w.Want));
        var availability = card.Wants.Single(w => w.Want == ClientWant.Availability);
        var communication = card.Wants.Single(w => w.Want == ClientWant.Communication);
        Assert.Equal((5.0, 4.25), (availability.Importance, availability.Performance.Estimate!.Value));
        Assert.Equal((4.0, 2.0), (communication.Importance, communication.Performance.Estimate!.Value));

        // Crosshairs at the data means: importance 4.5, performance 3.125.
        Assert.Equal((4.5, 3.125), (card.ImportancePerformance!.ImportanceCrosshair, card.ImportancePerformance.PerformanceCrosshair));
        Assert.Equal(IpaQuadrant.KeepUpTheGoodWork, availability.Quadrant);
        Assert.Equal(IpaQuadrant.LowPriority, communication.Quadrant);
    }

    [Fact]
    public void Compute_Agents_ScoredSeparately_AndLeastConsistentAreaFirst()
    {
        var card = Scorecard.Compute(Responses(), FourPerAgent);

        Assert.Equal(["A", "B"], card.Agents.Select(a => a.Agent));
        Assert.Equal(0.75, card.Agents[0].Nps.Estimate!.Value, 12);   // 3 promoters, 1 passive
        Assert.Equal(-0.25, card.Agents[1].Nps.Estimate!.Value, 12);  // 1 promoter, 1 passive, 2 detractors

        Assert.Equal(["CES", "CSAT", "Communication", "NPS", "Availability"], card.Consistency.Select(c => c.Area));
        double[] expected = [31.0 / 35, 7.0 / 11, 5.0 / 9, (15.125 - (20.75 / 6)) / (15.125 + (3 * 20.75 / 6)), 1.0 / 3];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], card.Consistency[i].Agreement.Icc1!.Value, 10);
        }
    }

    [Fact]
    public void Compute_Parity_InternalMinusExternal()
    {
        var card = Scorecard.Compute(Responses(), FourPerAgent);

        Assert.Equal(1.0, card.Parity.Nps!.Value.Test.Difference, 12);     // 0.75 − (−0.25)
        Assert.Equal(0.75, card.Parity.Csat!.Value.Test.Difference, 12);   // 4/4 − 1/4 rated 4 or 5
        Assert.Equal(-4.0, card.Parity.Ces!.Value.Test.Difference, 12);    // 1.5 − 5.5
    }

    [Fact]
    public void Compute_Index_ContributionsAddUpToTheIndex_AndServiceInputsAreUsed()
    {
        var card = Scorecard.Compute(
            Responses(), FourPerAgent,
            slaAttainment: Proportion.FromCounts(45, 50), firstContactResolution: Proportion.FromCounts(30, 50), reopenRate: Proportion.FromCounts(5, 50));

        Assert.NotNull(card.Index.Estimate);
        Assert.Equal(card.Index.Estimate!.Value, card.Index.Components.Sum(c => c.Contribution), 9);
        Assert.Contains(card.Index.Components, c => c.Name == "SLA attainment" && Math.Abs(c.Score - 90) < 1e-9);
        Assert.Contains(card.Index.Components, c => c.Name == "Reopen rate" && Math.Abs(c.Score - 90) < 1e-9);
    }

    [Fact]
    public void Compute_NoResponses_GivesNoScoreRatherThanZero()
    {
        var card = Scorecard.Compute([]);

        Assert.Equal(0, card.SampleSize);
        Assert.Null(card.Nps.Estimate);
        Assert.Null(card.Csat.TopBox.Estimate);
        Assert.Null(card.Ces.Estimate);
        Assert.Null(card.ImportancePerformance);
        Assert.Null(card.Index.Estimate);
        Assert.Empty(card.Agents);
        Assert.Empty(card.Consistency);
    }

    [Fact]
    public void Compute_RatingOutsideItsScale_ThrowsNamingTheRange()
    {
        var bad = new SurveyResponse { ClientId = "C1", Wants = new Dictionary<ClientWant, WantAnswer> { [ClientWant.Availability] = new() { Importance = 6, Performance = 3 } } };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Scorecard.Compute([bad]));

        Assert.Contains("from 1 to 5", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Scorecard.Compute([new SurveyResponse { ClientId = "C1", Nps = 11 }]));
        Assert.Throws<ArgumentNullException>(() => Scorecard.Compute([null!]));
    }

    [Fact]
    public void Compute_UndefinedSegmentOrWant_IsRejectedNamingTheValue()
    {
        // The issue: segment 7 became a group of its own and a ClientWant of 99 an index component.
        var segment = Assert.Throws<ArgumentOutOfRangeException>(() => Scorecard.Compute([new SurveyResponse { ClientId = "C1", Segment = (ClientSegment)7, Nps = 9 }]));
        Assert.Contains("7 is not a defined ClientSegment", segment.Message, StringComparison.Ordinal);
        var want = new SurveyResponse { ClientId = "C1", Wants = new Dictionary<ClientWant, WantAnswer> { [(ClientWant)99] = new() { Importance = 3, Performance = 3 } } };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Scorecard.Compute([want]));
        Assert.Contains("99 is not a defined ClientWant", ex.Message, StringComparison.Ordinal);
    }
}
