using ServiceQuality.Insights;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Insights;

public sealed class JourneysTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly MomentOfTruth[] Journey =
    [
        new() { At = T0.AddHours(3), Channel = "email", Kind = "fix", Rating = 5 },
        new() { At = T0, Channel = "phone", Kind = "acknowledgement", Rating = 4 },
        new() { At = T0.AddHours(1), Channel = "portal", Kind = "status update", Rating = 1 },
        new() { At = T0.AddHours(2), Channel = "email", Kind = "status update", Rating = 3 },
    ];

    [Theory]
    [InlineData(PeakDefinition.MostExtreme, 3.0, 1.0)] // 1 and 5 are equally extreme around 3: the earlier in time (the 1) wins
    [InlineData(PeakDefinition.Worst, 3.0, 1.0)]
    [InlineData(PeakDefinition.Best, 5.0, 5.0)]
    public void Score_PeakEnd(PeakDefinition peak, double expected, double peakRating)
    {
        var s = Journeys.Score(Journey, new JourneyOptions { Peak = peak });
        Assert.Equal(expected, s.Estimate!.Value, 14);
        Assert.Equal(peakRating, s.Peak!.Value.Rating);
        Assert.Equal("fix", s.End!.Value.Kind); // the latest moment, whatever the input order
        Assert.Equal(3.25, s.Mean!.Value, 14);
        Assert.Equal(100 * (expected - 1) / 4, s.Normalized!.Value, 12);
    }

    [Fact]
    public void Score_EmptyJourney_HasNoScore_AndBadRatingThrows()
    {
        Assert.Null(Journeys.Score([]).Estimate);
        Assert.Throws<ArgumentOutOfRangeException>(() => Journeys.Score([new() { At = T0, Channel = "phone", Kind = "fix", Rating = 6 }]));
    }

    [Fact]
    public void KindsByWeakness_NamesTheWeakestKind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Journeys.KindsByWeakness([[new() { At = T0, Channel = "phone", Kind = "fix", Rating = 9 }]]));
        var kinds = Journeys.KindsByWeakness([Journey, [new() { At = T0, Channel = "phone", Kind = "status update", Rating = 2 }]]);
        Assert.Equal("status update", kinds[0].Kind);
        Assert.Equal(2, kinds[0].Rating.Estimate!.Value, 14);
        Assert.Equal(3, kinds[0].Rating.SampleSize);
    }

    [Fact]
    public void Score_LowerIsBetterScale_TurnsWorstAndBestAround()
    {
        // Effort ratings on CES 1.0's 1-7 wording (1 = very low effort): the worst moment is the highest rating.
        MomentOfTruth[] effort = [new() { At = T0, Channel = "phone", Kind = "acknowledgement", Rating = 2 }, new() { At = T0.AddHours(1), Channel = "portal", Kind = "status update", Rating = 6 }, new() { At = T0.AddHours(2), Channel = "email", Kind = "fix", Rating = 1 }];
        var options = new JourneyOptions { ScaleMinimum = 1, ScaleMaximum = 7, Direction = RatingDirection.LowerIsBetter, Peak = PeakDefinition.Worst };
        var worst = Journeys.Score(effort, options);
        Assert.Equal(6, worst.Peak!.Value.Rating);
        Assert.Equal(3.5, worst.Estimate!.Value, 14); // (6 + 1)/2
        Assert.Equal(100 * (7 - 3.5) / 6, worst.Normalized!.Value, 12); // 100 = the easy end
        Assert.Equal(1, Journeys.Score(effort, new JourneyOptions { ScaleMaximum = 7, Direction = RatingDirection.LowerIsBetter, Peak = PeakDefinition.Best }).Peak!.Value.Rating);
        Assert.Equal("status update", Journeys.KindsByWeakness([effort], options: options)[0].Kind); // weakest = highest effort
        Assert.Throws<ArgumentOutOfRangeException>(() => Journeys.Score(effort, new JourneyOptions { ScaleMinimum = 3, ScaleMaximum = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Journeys.Score(effort, new JourneyOptions { ScaleMaximum = 7, Direction = (RatingDirection)2 }));
    }
}
