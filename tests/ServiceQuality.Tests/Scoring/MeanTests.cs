using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring.Means;
using ServiceQuality.Scoring;
using CesAccumulator = ServiceQuality.Scoring.RatingAccumulator<ServiceQuality.Scoring.CesScale>;

namespace ServiceQuality.Tests.Scoring;

public sealed class MeanTests
{
    [Fact]
    public void GetResult_MatchesTTestInterval()
    {
        // The one-sample t interval (R t.test(c(2, 4, 4, 4, 5, 5, 7, 9))): mean 5, var 32/7, mean ± qt(0.975, 7)·se
        // (qt(0.975, 7) = 2.364624251592785).
        var acc = default(MeanAccumulator);
        acc.Add([2.0, 4, 4, 4, 5, 5, 7, 9]);
        var r = acc.GetResult();
        Assert.Equal(5, r.Mean!.Value, 14);
        Assert.Equal(32.0 / 7, r.Variance!.Value, 13);
        var half = 2.364624251592785 * Math.Sqrt(32.0 / 7 / 8);
        Assert.Equal(5 - half, r.Interval!.Value.Lower, 9);
        Assert.Equal(5 + half, r.Interval!.Value.Upper, 9);
    }

    [Fact]
    public void EdgeCases_NoScoreForNone_NoIntervalForOne_ZeroSpreadForEqual()
    {
        Assert.Null(default(MeanAccumulator).GetResult().Mean);
        var one = default(MeanAccumulator);
        one.Add(3);
        Assert.Equal(3, one.GetResult().Mean);
        Assert.Null(one.GetResult().Interval);
        var equal = default(MeanAccumulator);
        equal.Add([4.0, 4, 4, 4]);
        Assert.Equal(0, equal.GetResult().Variance);
        Assert.Equal(new ServiceQuality.Scoring.ConfidenceInterval(4, 4, 0.95), equal.GetResult().Interval);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var acc = default(MeanAccumulator);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(1, -1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add([1.0, 2, double.NaN, 4, 5, 6, 7, 8, 9]));
        Assert.Contains("index 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
    }

    [Fact]
    public void ExtremeWeights_KeepTheWeightedMean()
    {
        var acc = default(MeanAccumulator);
        acc.Add(1, 1e-200);
        acc.Add(5, 1e-200);
        Assert.Equal(3, acc.GetResult().Mean!.Value, 12);
        acc.Add(2, 1e100);
        Assert.Equal(2, acc.GetResult().Mean!.Value, 12);
        Assert.Equal(1, acc.GetResult().EffectiveN, 12); // one observation carries all the weight

        var zero = default(MeanAccumulator);
        zero.Add(4, 0);
        Assert.False(zero.GetResult().HasValue); // zero total weight: no mean
        Assert.Throws<ArgumentOutOfRangeException>(() => zero.Add(1, double.PositiveInfinity));
    }

    [Fact]
    public void BayesianAverage_IsImdbWeightedRating()
    {
        // IMDb: WR = (v/(v+m))R + (m/(v+m))C; R = 9, v = 10, m = 25, C = 7 → (10·9 + 25·7)/35 = 7.571428…
        var acc = default(MeanAccumulator);
        for (var i = 0; i < 10; i++)
        {
            acc.Add(9);
        }

        Assert.Equal(265.0 / 35, Mean.BayesianAverage(acc.GetResult(), 7, 25), 13);
        Assert.Equal(7, Mean.BayesianAverage(default(MeanAccumulator).GetResult(), 7, 25));
    }

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

    [Fact]
    public void Ces_MeanAndLowEffortShare()
    {
        var acc = default(CesAccumulator);
        acc.Add([1, 2, 2, 3, 7]);
        Assert.Equal(3, acc.GetMean().Mean!.Value, 14);
        Assert.Equal(4, acc.GetShare(1, 3).Successes);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(8));
    }

    [Fact]
    public void Compare_IsWelch()
    {
        // Welch: x = 1..5 (var 2.5), y = 3,5,7,9,11 (var 10); se = √(0.5 + 2) ; df = 2.5²/(0.25/4 + 4/4) = 5.882352…
        MeanAccumulator a = default, b = default;
        a.Add([1.0, 2, 3, 4, 5]);
        b.Add([3.0, 5, 7, 9, 11]);
        var t = Mean.Compare(a.GetResult(), b.GetResult());
        Assert.Equal(-4, t.Difference, 13);
        Assert.Equal(Math.Sqrt(2.5), t.StandardError, 13);
        Assert.Equal(6.25 / 1.0625, t.DegreesOfFreedom!.Value, 12);
    }

    /// <summary>Whether two results agree: the same counts and undefined statistics, values within a relative <paramref name="tolerance"/>.</summary>
    internal static bool Same(MeanResult a, MeanResult b, double tolerance = 1e-12) =>
        a.N == b.N && a.Undefined == b.Undefined && Close(a.Mean, b.Mean, tolerance) && Close(a.Variance, b.Variance, tolerance)
        && Close(a.EffectiveN, b.EffectiveN, tolerance);

    internal static bool Close(double? a, double? b, double tolerance) =>
        (a, b) is (null, null) || (a is { } x && b is { } y && Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))));

    internal static bool CloseRelative(double? a, double? b, double tolerance) =>
        (a, b) is (null, null) || (a is { } x && b is { } y && Math.Abs(x - y) <= tolerance * Math.Max(Math.Abs(x), Math.Abs(y)));

    [Property]
    public bool BulkAdd_EqualsOneByOne_ForRatings(byte[] raw)
    {
        var values = raw.Select(b => (double)(b % 11)).ToArray();
        var bulk = default(MeanAccumulator);
        bulk.Add(values);
        var single = default(MeanAccumulator);
        foreach (var v in values)
        {
            single.Add(v);
        }

        return Same(bulk.GetResult(), single.GetResult()) && bulk.Count == single.Count;
    }

    [Property]
    public bool Merge_IsAssociativeAndCommutative_ForRatings(byte[] a, byte[] b, byte[] c)
    {
        MeanAccumulator x = default, y = default, z = default;
        x.Add(a.Select(v => (double)(v % 8)).ToArray());
        y.Add(b.Select(v => (double)(v % 8)).ToArray());
        z.Add(c.Select(v => (double)(v % 8)).ToArray());
        return Same(MeanAccumulator.Combine(MeanAccumulator.Combine(x, y), z).GetResult(), MeanAccumulator.Combine(x, MeanAccumulator.Combine(y, z)).GetResult())
            && Same(MeanAccumulator.Combine(x, y).GetResult(), MeanAccumulator.Combine(y, x).GetResult())
            && MeanAccumulator.Combine(x, default) == x && MeanAccumulator.Combine(default, x) == x;
    }

    [Fact]
    public void Add_DataOffsetBy1e9_KeepsTheVariance()
    {
        // The issue: data offset by 1e9 (epoch seconds, large ids, amounts in cents) gave a variance of 2755 instead of
        // 2.0 from raw sums. 2, 4, 4, 4, 6 has mean 4 and sample variance (4 + 0 + 0 + 0 + 4)/4 = 2 exactly.
        double[] data = [2, 4, 4, 4, 6];
        var shifted = data.Select(x => x + 1e9).ToArray();
        MeanAccumulator single = default, bulk = default, merged = default;
        foreach (var x in shifted)
        {
            single.Add(x);
        }

        bulk.Add(shifted);
        foreach (var x in shifted.Reverse())
        {
            var part = default(MeanAccumulator);
            part.Add(x);
            merged.Merge(part);
        }

        foreach (var acc in new[] { single, bulk, merged })
        {
            var r = acc.GetResult();
            Assert.Equal(2.0, r.Variance!.Value, 12);
            Assert.Equal(1e9 + 4, r.Mean!.Value);
        }
    }

    [Fact]
    public void Add_1e200Twice_GivesMean1e200AndVarianceZeroNotNaN()
    {
        // The issue: Add(1e200) twice gave NaN (x² overflowed).
        var acc = default(MeanAccumulator);
        acc.Add(1e200);
        acc.Add(1e200);
        var r = acc.GetResult();
        Assert.Equal(1e200, r.Mean);
        Assert.Equal(0, r.Variance);
        Assert.Equal(new ConfidenceInterval(1e200, 1e200, 0.95), r.Interval);

        var bulk = default(MeanAccumulator);
        bulk.Add([1e200, 1e200, 1e200]);
        Assert.Equal((1e200, 0.0), (bulk.GetResult().Mean!.Value, bulk.GetResult().Variance!.Value));
    }

    [Fact]
    public void Add_SpreadBeyondDoubleRange_ThrowsOverflowAndKeepsTheState()
    {
        // The variance of ±1e200 is about 2e400: not representable, so the add is refused rather than giving ∞ or NaN.
        var acc = default(MeanAccumulator);
        acc.Add(1e200);
        var before = acc;
        Assert.Throws<OverflowException>(() => acc.Add(-1e200));
        Assert.Equal(before, acc);
        Assert.Throws<OverflowException>(() => acc.Add([-1e200, 1e200]));
        Assert.Equal(before, acc);
        var other = default(MeanAccumulator);
        other.Add(-1e200);
        Assert.Throws<OverflowException>(() => acc.Merge(other));
        Assert.Equal(before, acc);
    }

    [Fact]
    public void Add_CountOverflow_ThrowsOverflowException()
    {
        var big = MeanAccumulator.FromMoments(long.MaxValue, 3, 0);
        Assert.Throws<OverflowException>(() => big.Add(3));
        Assert.Throws<OverflowException>(() => big.Merge(MeanAccumulator.FromMoments(1, 3, 0)));
        Assert.Equal(long.MaxValue, big.Count);
    }

    [Fact]
    public void GetResult_SaysWhyAStatisticIsUndefined()
    {
        Assert.Equal(UndefinedReason.NoObservations, default(MeanAccumulator).GetResult().Undefined);
        var zero = default(MeanAccumulator);
        zero.Add(3, 0);
        Assert.Equal(UndefinedReason.NoWeight, zero.GetResult().Undefined);
        var one = default(MeanAccumulator);
        one.Add(3);
        Assert.Equal((3.0, UndefinedReason.TooFewObservations), (one.GetResult().Mean!.Value, one.GetResult().Undefined));
        one.Add(5);
        Assert.Equal(UndefinedReason.None, one.GetResult().Undefined);
    }

    [Fact]
    public void FromMoments_EqualsAddingTheObservations()
    {
        var acc = default(MeanAccumulator);
        acc.Add([2.0, 4, 4, 4, 6]);
        Assert.True(Same(acc.GetResult(), MeanAccumulator.FromMoments(5, 4, 8).GetResult()));
        Assert.Equal(default, MeanAccumulator.FromMoments(0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(1, 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(2, double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(-1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(3, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(0, 1, 0));
    }

    [Property]
    public bool Variance_AddingAConstantUpTo1e9_IsUnchanged(byte[] raw, uint constant)
    {
        // Integer ratings and an integer constant, so x + c is exact and only the algorithm's rounding is measured.
        var c = constant % 1_000_000_001L;
        var data = raw.Select(b => (double)(b % 7) + 1).ToArray();
        MeanAccumulator plain = default, shifted = default, shiftedOneByOne = default;
        plain.Add(data);
        shifted.Add(data.Select(x => x + c).ToArray());
        foreach (var x in data)
        {
            shiftedOneByOne.Add(x + c);
        }

        var (p, s, o) = (plain.GetResult(), shifted.GetResult(), shiftedOneByOne.GetResult());
        return CloseRelative(p.Variance, s.Variance, 1e-9) && CloseRelative(p.Variance, o.Variance, 1e-9)
            && (p.Variance != 0 || (s.Variance == 0 && o.Variance == 0));
    }

    [Property]
    public bool Variance_ScalingByAPositiveConstant_ScalesBySquare(byte[] raw, PositiveInt numerator, PositiveInt denominator)
    {
        var scale = (double)numerator.Get / denominator.Get;
        var data = raw.Select(b => (double)(b % 11)).ToArray();
        MeanAccumulator plain = default, scaled = default;
        plain.Add(data);
        foreach (var x in data)
        {
            scaled.Add(x * scale);
        }

        var (p, s) = (plain.GetResult(), scaled.GetResult());
        return CloseRelative(p.Variance * scale * scale, s.Variance, 1e-9);
    }

    [Property]
    public bool Merge_InAnyOrder_GivesTheSameResult(byte[] raw, int seed)
    {
        var data = raw.Select(b => (b % 9) + 1e9).ToArray();
        var parts = data.Chunk(3).Select(chunk =>
        {
            var acc = default(MeanAccumulator);
            acc.Add(chunk);
            return acc;
        }).ToArray();
        var shuffled = parts.ToArray();
        new Random(seed).Shuffle(shuffled);
        var inOrder = parts.Aggregate(default(MeanAccumulator), (a, b) => MeanAccumulator.Combine(a, b));
        var anyOrder = shuffled.Aggregate(default(MeanAccumulator), (a, b) => MeanAccumulator.Combine(a, b));
        var whole = default(MeanAccumulator);
        whole.Add(data);
        return Same(inOrder.GetResult(), anyOrder.GetResult(), 1e-9) && Same(whole.GetResult(), anyOrder.GetResult(), 1e-9);
    }

    [Property]
    public bool Interval_ContainsEstimate(NormalFloat[] values)
    {
        var acc = default(MeanAccumulator);
        foreach (var v in values)
        {
            acc.Add(Math.Clamp(v.Get, -1e6, 1e6));
        }

        var r = acc.GetResult();
        return r.Interval is not { } ci || ci.Contains(r.Mean!.Value);
    }
}
