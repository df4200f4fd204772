using ServiceQuality.Insights;

namespace ServiceQuality.Tests.Insights;

public sealed class JourneysTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly MomentOfTruth[] Journey =
    [
        new(T0.AddHours(3), "email", "fix", 5),
        new(T0, "phone", "acknowledgement", 4),
        new(T0.AddHours(1), "portal", "status update", 1),
        new(T0.AddHours(2), "email", "status update", 3),
    ];

    [Theory]
    [InlineData(PeakDefinition.MostExtreme, 3.0, 1.0)] // 1 and 5 are equally extreme around 3: the earlier in time (the 1) wins
    [InlineData(PeakDefinition.Worst, 3.0, 1.0)]
    [InlineData(PeakDefinition.Best, 5.0, 5.0)]
    public void Score_PeakEnd(PeakDefinition peak, double expected, double peakRating)
    {
        var s = Journeys.Score(Journey, new JourneyOptions { Peak = peak });
        Assert.Equal(expected, s.Score!.Value, 14);
        Assert.Equal(peakRating, s.Peak!.Value.Rating);
        Assert.Equal("fix", s.End!.Value.Kind); // the latest moment, whatever the input order
        Assert.Equal(3.25, s.Mean!.Value, 14);
    }

    [Fact]
    public void Score_EmptyJourney_HasNoScore_AndBadRatingThrows()
    {
        Assert.Null(Journeys.Score([]).Score);
        Assert.Throws<ArgumentOutOfRangeException>(() => Journeys.Score([new(T0, "phone", "fix", 6)]));
    }

    [Fact]
    public void KindsByWeakness_NamesTheWeakestKind()
    {
        var kinds = Journeys.KindsByWeakness([Journey, [new(T0, "phone", "status update", 2)]]);
        Assert.Equal("status update", kinds[0].Kind);
        Assert.Equal(2, kinds[0].Rating.Mean!.Value, 14);
        Assert.Equal(3, kinds[0].Rating.N);
    }
}
