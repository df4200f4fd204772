using ServiceQuality.Scoring;

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
        Assert.Equal(3, acc.GetResult().Estimate!.Value, 14);
    }

    [Fact]
    public void Series_ReproducesPandasEwmWithTimes()
    {
        // pandas DataFrame.ewm docs: B = [0, 1, 2, NaN, 4] at 2020-01-01, 01-03, 01-10, 01-15, 01-17,
        // df.ewm(halflife='4 days', times=...).mean() = 0.000000, 0.585786, 1.523889, 1.523889, 3.233686.
        // The NaN row (01-15) carries no observation; the others are passed in.
        DateTimeOffset Day(int d) => new(2020, 1, d, 0, 0, 0, TimeSpan.Zero);
        var series = new TimeDecay(TimeSpan.FromDays(4)).Series([new() { At = Day(1), Value = 0 }, new() { At = Day(3), Value = 1 }, new() { At = Day(10), Value = 2 }, new() { At = Day(17), Value = 4 }]);
        Assert.Equal([0.000000, 0.585786, 1.523889, 3.233686], series.Select(v => Math.Round(v.Estimate, 6)));
        Assert.Equal(1, series[0].Weight);
        Assert.Equal(1 + Math.Pow(0.5, 0.5), series[1].Weight, 14); // two days = half a half-life
        Assert.Equal(Day(17), series[3].At);
    }

    [Fact]
    public void Series_BadInput_Throws()
    {
        var decay = new TimeDecay(TimeSpan.FromDays(1));
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var order = Assert.Throws<ArgumentException>(() => decay.Series([new() { At = t, Value = 1 }, new() { At = t.AddHours(-1), Value = 2 }]));
        Assert.Contains("index 1", order.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => decay.Series([new() { At = t, Value = double.NaN }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeDecay(TimeSpan.Zero).Series([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeDecay(TimeSpan.FromDays(1), (DecayDefinition)5).Weight(TimeSpan.Zero));
        Assert.Empty(decay.Series([]));
    }

    [Fact]
    public void Series_LastValue_EqualsTheDecayedMeanReadAtThatTime()
    {
        // The running value at the last observation is the weighted mean with weights Weight(observedAt, asOf).
        var decay = new TimeDecay(TimeSpan.FromHours(10), DecayDefinition.MeanLifetime);
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        TimedValue[] values = [new() { At = t, Value = 3 }, new() { At = t.AddHours(5), Value = 5 }, new() { At = t.AddHours(5), Value = 1 }, new() { At = t.AddHours(12), Value = 4 }];
        var asOf = values[^1].At;
        var acc = default(MeanAccumulator);
        foreach (var v in values)
        {
            acc.Add(v.Value, decay.Weight(v.At, asOf));
        }

        Assert.Equal(acc.GetResult().Estimate!.Value, decay.Series(values)[^1].Estimate, 13);
    }
}
