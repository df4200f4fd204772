using ServiceQuality.Scoring.Decay;
using ServiceQuality.Scoring.Means;

namespace ServiceQuality.Tests.Scoring.Decay;

public sealed class TimeDecayTests
{
    [Fact]
    public void TimeDecay_BothDefinitions()
    {
        var h = TimeSpan.FromDays(30);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(0.5, new TimeDecay(h).Weight(t0, t0.AddDays(30)), 15);
        Assert.Equal(0.25, new TimeDecay(h).Weight(TimeSpan.FromDays(60)), 15);
        Assert.Equal(Math.Exp(-1), new TimeDecay(h, DecayDefinition.MeanLifetime).Weight(h), 15);
        // τ = h / ln 2 reproduces the half-life definition.
        var tau = TimeSpan.FromDays(30 / Math.Log(2));
        Assert.Equal(0.5, new TimeDecay(tau, DecayDefinition.MeanLifetime).Weight(h), 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeDecay(h).Weight(t0.AddDays(1), t0));

        // A decayed mean: the recent answer counts twice the one a half-life old.
        var acc = default(MeanAccumulator);
        acc.Add(1, new TimeDecay(h).Weight(TimeSpan.FromDays(30)));
        acc.Add(4, new TimeDecay(h).Weight(TimeSpan.Zero));
        Assert.Equal(3, acc.GetResult().Mean!.Value, 14);
    }
}
