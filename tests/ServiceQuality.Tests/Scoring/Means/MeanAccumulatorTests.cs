using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Scoring;
using ServiceQuality.Testing;

namespace ServiceQuality.Tests.Scoring.Means;

public sealed class MeanAccumulatorTests
{
    [Fact]
    public void GetResult_MatchesTTestInterval()
    {
        // The one-sample t interval (R t.test(c(2, 4, 4, 4, 5, 5, 7, 9))): mean 5, var 32/7, mean ± qt(0.975, 7)·se
        // (qt(0.975, 7) = 2.364624251592785).
        var acc = default(MeanAccumulator);
        acc.Add([2.0, 4, 4, 4, 5, 5, 7, 9]);
        var r = acc.GetResult();
        Assert.Equal(5, r.Estimate!.Value, 14);
        Assert.Equal(32.0 / 7, r.Variance!.Value, 13);
        var half = 2.364624251592785 * Math.Sqrt(32.0 / 7 / 8);
        Assert.Equal(5 - half, r.Interval!.Value.Lower, 9);
        Assert.Equal(5 + half, r.Interval!.Value.Upper, 9);
    }

    [Fact]
    public void EdgeCases_NoScoreForNone_NoIntervalForOne_ZeroSpreadForEqual()
    {
        Assert.Null(default(MeanAccumulator).GetResult().Estimate);
        var one = default(MeanAccumulator);
        one.Add(3);
        Assert.Equal(3, one.GetResult().Estimate);
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
        Assert.Equal(3, acc.GetResult().Estimate!.Value, 12);
        acc.Add(2, 1e100);
        Assert.Equal(2, acc.GetResult().Estimate!.Value, 12);
        Assert.Equal(1, acc.GetResult().EffectiveSampleSize, 12); // one observation carries all the weight

        var zero = default(MeanAccumulator);
        zero.Add(4, 0);
        Assert.False(zero.GetResult().HasValue); // zero total weight: no mean
        Assert.Throws<ArgumentOutOfRangeException>(() => zero.Add(1, double.PositiveInfinity));
    }

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

        return Tolerance.Same(bulk.GetResult(), single.GetResult()) && bulk.Count == single.Count;
    }

    [Property]
    public bool Merge_IsAssociativeAndCommutative_ForRatings(byte[] a, byte[] b, byte[] c)
    {
        MeanAccumulator x = default, y = default, z = default;
        x.Add(a.Select(v => (double)(v % 8)).ToArray());
        y.Add(b.Select(v => (double)(v % 8)).ToArray());
        z.Add(c.Select(v => (double)(v % 8)).ToArray());
        return Tolerance.Same(MeanAccumulator.Combine(MeanAccumulator.Combine(x, y), z).GetResult(), MeanAccumulator.Combine(x, MeanAccumulator.Combine(y, z)).GetResult())
            && Tolerance.Same(MeanAccumulator.Combine(x, y).GetResult(), MeanAccumulator.Combine(y, x).GetResult())
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
            Assert.Equal(1e9 + 4, r.Estimate!.Value);
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
        Assert.Equal(1e200, r.Estimate);
        Assert.Equal(0, r.Variance);
        Assert.Equal(new ConfidenceInterval(1e200, 1e200, 0.95), r.Interval);

        var bulk = default(MeanAccumulator);
        bulk.Add([1e200, 1e200, 1e200]);
        Assert.Equal((1e200, 0.0), (bulk.GetResult().Estimate!.Value, bulk.GetResult().Variance!.Value));
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
        Assert.Equal((3.0, UndefinedReason.TooFewObservations), (one.GetResult().Estimate!.Value, one.GetResult().Undefined));
        one.Add(5);
        Assert.Equal(UndefinedReason.None, one.GetResult().Undefined);
    }

    [Fact]
    public void FromMoments_EqualsAddingTheObservations()
    {
        var acc = default(MeanAccumulator);
        acc.Add([2.0, 4, 4, 4, 6]);
        Assert.True(Tolerance.Same(acc.GetResult(), MeanAccumulator.FromMoments(5, 4, 8).GetResult()));
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
        return Tolerance.CloseRelative(p.Variance, s.Variance, 1e-9) && Tolerance.CloseRelative(p.Variance, o.Variance, 1e-9)
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
        return Tolerance.CloseRelative(p.Variance * scale * scale, s.Variance, 1e-9);
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
        return Tolerance.Same(inOrder.GetResult(), anyOrder.GetResult(), 1e-9) && Tolerance.Same(whole.GetResult(), anyOrder.GetResult(), 1e-9);
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
        return r.Interval is not { } ci || ci.Contains(r.Estimate!.Value);
    }

    [Fact]
    public void Json_RoundTrip_IsExact_NotAnEmptyAccumulator()
    {
        // The issue: a JSON round trip silently returned n = 0. The state is written exactly (shortest round-trip doubles).
        var acc = default(MeanAccumulator);
        acc.Add([1e9 + 2, 1e9 + 4, 1e9 + 4, 1e9 + 4, 1e9 + 6]);
        acc.Add(0.1, 0.25);
        var json = JsonSerializer.Serialize(acc, ScoringJson.MeanAccumulator);
        var back = JsonSerializer.Deserialize(json, ScoringJson.MeanAccumulator);
        Assert.Equal(acc, back);
        Assert.Equal(acc.GetResult(), back.GetResult());
        Assert.Equal(acc, JsonSerializer.Deserialize<MeanAccumulator>(JsonSerializer.Serialize(acc))); // reflection options too

        var simple = default(MeanAccumulator);
        simple.Add([2.0, 4, 6]);
        Assert.Equal("""{"version":1,"count":3,"sumOfWeights":3,"sumOfSquaredWeights":3,"shift":2,"offset":2,"m2":8}""", JsonSerializer.Serialize(simple, ScoringJson.MeanAccumulator));
        Assert.Equal("""{"version":1,"count":0,"sumOfWeights":0,"sumOfSquaredWeights":0,"shift":0,"offset":0,"m2":0}""", JsonSerializer.Serialize(default(MeanAccumulator), ScoringJson.MeanAccumulator));
    }

    [Theory]
    [InlineData("""{"version":1,"count":3,"sumOfWeights":3,"sumOfSquaredWeights":3,"shift":2,"offset":2}""")]
    [InlineData("""{"version":1,"count":3,"sumOfWeights":3,"sumOfSquaredWeights":3,"shift":2,"offset":2,"m2":-1}""")]
    [InlineData("""{"version":1,"count":0,"sumOfWeights":3,"sumOfSquaredWeights":3,"shift":2,"offset":2,"m2":8}""")]
    [InlineData("""{"version":1,"count":3,"sumOfWeights":0,"sumOfSquaredWeights":0,"shift":2,"offset":0,"m2":0}""")]
    [InlineData("""{"version":1,"count":3,"sumOfWeights":3,"sumOfSquaredWeights":3,"shift":"2","offset":2,"m2":8}""")]
    [InlineData("""{"version":3,"count":3,"sumOfWeights":3,"sumOfSquaredWeights":3,"shift":2,"offset":2,"m2":8}""")]
    public void Json_MalformedOrInconsistentState_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ScoringJson.MeanAccumulator));

    [Fact]
    public void Binary_HasTheDocumentedLayout_AndRoundTripsExactly()
    {
        var acc = default(MeanAccumulator);
        acc.Add([2.0, 4, 6]);
        Span<byte> buffer = stackalloc byte[MeanAccumulator.MaxBinarySize];
        Assert.True(acc.TryWriteTo(buffer, out var written));
        Assert.Equal(2 + 1 + (5 * 8), written); // version, kind, varint count 3, five doubles
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3].ToArray());
        Assert.Equal(3.0, BitConverter.ToDouble(buffer[3..11])); // Σw, little-endian IEEE 754
        Assert.True(MeanAccumulator.TryReadFrom(buffer[..written], out var back, out var read));
        Assert.Equal((acc, written), (back, read));
        Assert.False(MeanAccumulator.TryReadFrom(buffer[..(written - 1)], out _, out _));
        buffer[written - 1] = 0xFF; // M2 becomes NaN: refused
        Assert.False(MeanAccumulator.TryReadFrom(buffer[..written], out _, out _));
        Assert.False(acc.TryWriteTo(buffer[..10], out var none));
        Assert.Equal(0, none);
    }

    [Property]
    public bool SerializeDeserializeMerge_EqualsMerge(NormalFloat[] a, NormalFloat[] b, PositiveInt weight)
    {
        MeanAccumulator x = default, y = default;
        foreach (var v in a)
        {
            x.Add(Math.Clamp(v.Get, -1e6, 1e6), weight.Get % 5);
        }

        foreach (var v in b)
        {
            y.Add(Math.Clamp(v.Get, -1e6, 1e6));
        }

        static MeanAccumulator Binary(MeanAccumulator value) => RoundTrip.Binary(value, MeanAccumulator.MaxBinarySize, static (v, d, out w) => v.TryWriteTo(d, out w), MeanAccumulator.TryReadFrom);
        var merged = MeanAccumulator.Combine(x, y);
        return MeanAccumulator.Combine(RoundTrip.Json(x, ScoringJson.MeanAccumulator), RoundTrip.Json(y, ScoringJson.MeanAccumulator)) == merged
            && MeanAccumulator.Combine(Binary(x), Binary(y)) == merged;
    }

    /// <summary>Weighted values (weights from 0.5 to 4) with awkward magnitudes: large offsets and spreads test the numerics of the merge.</summary>
    private static AccumulatorLaws<MeanAccumulator, (double Value, double Weight)> WeightedLaws() =>
        new(
            static () => default,
            static (a, x) => { a.Add(x.Value, x.Weight); return a; },
            static (a, b) => MeanAccumulator.Combine(a, b),
            from v in Gen.Choose(-1000, 1000) from w in Gen.Choose(1, 8) from scale in Gen.Elements(1e-3, 1.0, 1e6) select (v * scale, w / 2.0))
        {
            AreEqual = static (a, b) => a.Count == b.Count && AccumulatorLaws.Close(a.SumOfWeights, b.SumOfWeights)
                && MeansClose(a, b) && AccumulatorLaws.Close(a.SumOfSquaredDeviations, b.SumOfSquaredDeviations, 1e-7),
            Options = new LawCheckOptions { MaxTest = 300 },
        };

    /// <summary>
    /// The means within 1e-9 of the data's own scale: the rounding of a merge is relative to the values merged, not to
    /// their mean, so values of ±1e9 whose mean is near 0 differ by ~1e-7 between merge orders (a counterexample seen
    /// on 3 December 2026). The scale is the larger of |mean| and the spread √(M2/Σw), and at least 1.
    /// </summary>
    private static bool MeansClose(MeanAccumulator a, MeanAccumulator b)
    {
        if (a.Mean is not { } first || b.Mean is not { } second)
        {
            return a.Mean is null && b.Mean is null;
        }

        var spread = Math.Sqrt(Math.Max(a.SumOfSquaredDeviations, 0) / a.SumOfWeights);
        var scale = Math.Max(1, Math.Max(Math.Max(Math.Abs(first), Math.Abs(second)), spread));
        return Math.Abs(first - second) <= 1e-9 * scale;
    }

    [Fact]
    public void Merge_WeightedValues_MeetsTheAccumulatorLaws() => WeightedLaws().CheckAll();

    [Fact]
    public void SumOfSquaredDeviations_WeightedValues_IsShiftInvariantAndScalesWithTheSquare()
    {
        var laws = WeightedLaws();

        laws.StatisticIsShiftInvariant(static a => a.SumOfSquaredDeviations, static (x, c) => (x.Value + c, x.Weight), tolerance: 1e-6);
        laws.StatisticScalesWithValues(static a => a.SumOfSquaredDeviations, static (x, k) => (x.Value * k, x.Weight), power: 2, tolerance: 1e-9);
    }

    // Each row breaks one rule of a consistent state; the first row is consistent (a weight-2 observation of 5).
    [Theory]
    [InlineData(true, 1L, 2.0, 4.0, 5.0, 0.0, 0.0)]
    [InlineData(false, 1L, double.NaN, 4.0, 5.0, 0.0, 0.0)]
    [InlineData(false, 1L, 2.0, double.PositiveInfinity, 5.0, 0.0, 0.0)]
    [InlineData(false, 1L, 2.0, 4.0, double.NaN, 0.0, 0.0)]
    [InlineData(false, 1L, 2.0, 4.0, 5.0, double.NegativeInfinity, 0.0)]
    [InlineData(false, 1L, 2.0, 4.0, 5.0, 0.0, double.NaN)]
    [InlineData(false, -1L, 2.0, 4.0, 5.0, 0.0, 0.0)]
    [InlineData(false, 1L, -2.0, 4.0, 5.0, 0.0, 0.0)]
    [InlineData(false, 1L, 2.0, -4.0, 5.0, 0.0, 0.0)]
    [InlineData(false, 1L, 2.0, 4.0, 5.0, 0.0, -1.0)]
    [InlineData(false, 0L, 2.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData(false, 0L, 0.0, 4.0, 0.0, 0.0, 0.0)]
    [InlineData(true, 3L, 0.0, 0.0, 0.0, 0.0, 0.0)]                 // three observations of weight 0
    [InlineData(false, 3L, 0.0, 1.0, 0.0, 0.0, 0.0)]
    [InlineData(false, 3L, 0.0, 0.0, 5.0, 0.0, 0.0)]
    [InlineData(false, 3L, 0.0, 0.0, 0.0, 1.0, 0.0)]
    [InlineData(false, 3L, 0.0, 0.0, 0.0, 0.0, 1.0)]
    public void TryRestore_EachInconsistency_IsRefused(bool expected, long count, double weights, double squaredWeights, double shift, double offset, double m2)
    {
        Assert.Equal(expected, MeanAccumulator.TryRestore(count, weights, squaredWeights, shift, offset, m2, out var value));
        if (expected)
        {
            Assert.Equal(count, value.Count);
        }
        else
        {
            Assert.Equal(default, value);
        }
    }

    [Fact]
    public void Merge_ZeroWeightObservations_CountButDoNotMoveTheMean()
    {
        var weighted = default(MeanAccumulator);
        weighted.Add(2, 1);
        weighted.Add(6, 3);
        var weightless = default(MeanAccumulator);
        weightless.Add(1000, 0);
        weightless.Add(-1000, 0);

        var merged = MeanAccumulator.Combine(weighted, weightless);
        Assert.Equal(4, merged.Count);
        Assert.Equal(weighted.GetResult().Estimate, merged.GetResult().Estimate);
        Assert.Equal(5, merged.GetResult().Estimate);
        Assert.Equal(merged, MeanAccumulator.Combine(weightless, weighted));
        Assert.Equal(4, MeanAccumulator.Combine(weightless, weighted).Count);
        Assert.Equal(5, MeanAccumulator.Combine(weightless, weighted).GetResult().Estimate);
    }

    [Fact]
    public void FromMoments_NonFiniteSpread_IsRefusedNamingIt()
    {
        Assert.Equal("sumOfSquaredDeviations", Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(3, 1, double.PositiveInfinity)).ParamName);
        Assert.Equal("sumOfSquaredDeviations", Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(3, 1, double.NaN)).ParamName);
        Assert.Equal("sumOfSquaredDeviations", Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(1, 1, 0.5)).ParamName);
        Assert.Equal("mean", Assert.Throws<ArgumentOutOfRangeException>(() => MeanAccumulator.FromMoments(0, 1, 0)).ParamName);
        Assert.Equal(1, MeanAccumulator.FromMoments(1, 7, 0).Count);
        Assert.Equal(7, MeanAccumulator.FromMoments(1, 7, 0).GetResult().Estimate);
    }
}
