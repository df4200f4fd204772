using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Scoring;
using ServiceQuality.Scoring.Nps;
using NpsAccumulator = ServiceQuality.Scoring.RatingAccumulator<ServiceQuality.Scoring.NpsScale>;

namespace ServiceQuality.Tests.Scoring;

public sealed class NpsTests
{
    // 20 responses: 5 detractors, 5 passives, 10 promoters.
    private static readonly int[] Sample = [0, 3, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10];
    private static readonly int[] Sample2 = [0, 1, 2, 6, 6, 6, 7, 8, 9, 9, 10, 10];

    private static NpsAccumulator Of(ReadOnlySpan<int> ratings)
    {
        var acc = default(NpsAccumulator);
        acc.Add(ratings);
        return acc;
    }

    private static byte[] Ratings(byte[] raw) => [.. raw.Select(b => (byte)(b % 11))];

    [Fact]
    public void GetResult_MatchesRPackageNps()
    {
        // R NPS (Rocks): nps(x) = (pro - det)/n = 0.25; nps_var_ = (p_pro + p_det) - (p_pro - p_det)² = 0.6875;
        // nps_se = √(var/n) = 0.18540496217739158; Wald interval nps ± qnorm(0.975)·se, computed with those
        // formulas in Python 3.11 (R NPS's nps_test one-sample interval is the same expression).
        var result = Of(Sample).GetNps(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        Assert.Equal((20L, 5L, 5L, 10L), (result.N, result.Detractors, result.Passives, result.Promoters));
        Assert.Equal(0.25, result.Score!.Value, 15);
        Assert.Equal(25, result.Points!.Value, 12);
        Assert.Equal(0.6875, result.Variance!.Value, 15);
        Assert.Equal(0.18540496217739158, result.StandardError!.Value, 14);
        Assert.Equal(-0.11338704842269831, result.Interval!.Value.Lower, 12);
        Assert.Equal(0.6133870484226983, result.Interval!.Value.Upper, 12);
    }

    [Fact]
    public void AdjustedWald_MatchesRocks2016()
    {
        // Rocks (2016) / MeasuringU: n + 3, detractors + ¾, promoters + ¾; Python 3.11 with the same formula.
        var result = Of(Sample).GetNps();
        Assert.Equal(-0.11716133214559901, result.Interval!.Value.Lower, 12);
        Assert.Equal(0.5519439408412512, result.Interval!.Value.Upper, 12);
    }

    [Fact]
    public void Compare_MatchesRNpsTestTwoSample()
    {
        // nps_test(x, y): delta = |nps.x - nps.y|, se = √(var.x/n.x + var.y/n.y), p = 2(1 - Φ(delta/se)).
        var test = NetPromoterScore.Compare(Of(Sample).GetNps(), Of(Sample2).GetNps());
        Assert.Equal(0.41666666666666663, test.Difference, 14);
        Assert.Equal(0.31859791215516403, test.StandardError, 14);
        Assert.Equal(0.19093655701271484, test.PValue!.Value, 12);
        Assert.Equal(-0.20777376670711067, test.Interval.Lower, 12);
        Assert.Equal(1.041107100040444, test.Interval.Upper, 12);
    }

    [Fact]
    public void Compare_WithoutVariance_HasNoStatisticRatherThanInfinity()
    {
        // z = 2/0 would be +∞: the statistic and p-value are undefined, the difference and its zero-width interval are not.
        var promoters = Of([10, 10, 10]).GetNps();
        var detractors = Of([0, 0]).GetNps();
        var test = NetPromoterScore.Compare(promoters, detractors);
        Assert.Equal(2, test.Difference);
        Assert.Equal((null, null), (test.Statistic, test.PValue));
        Assert.Equal(UndefinedReason.NoVariance, test.Undefined);
        Assert.Equal(new ConfidenceInterval(2, 2, 0.95), test.Interval);
        Assert.False(test.IsSignificant());
        Assert.Null(NetPromoterScore.Compare(promoters, promoters).PValue);
    }

    [Fact]
    public void RatingAccumulator_CountOverflow_ThrowsOverflowExceptionAndKeepsTheCount()
    {
        // The issue: Add(10, long.MaxValue) then Add(10) gave a negative count.
        var acc = default(NpsAccumulator);
        acc.Add(10, long.MaxValue);
        var ex = Assert.Throws<OverflowException>(() => acc.Add(10));
        Assert.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Equal(long.MaxValue, acc.Count);
        Assert.Throws<OverflowException>(() => acc.Add(3, 1));
        Assert.Throws<OverflowException>(() => acc.Add([1, 2]));
        Assert.Throws<OverflowException>(() => acc.Merge(Of([5])));
        Assert.Equal(long.MaxValue, acc.CountOf(10));
    }

    [Fact]
    public void FromCounts_CountsSummingPastLongMax_ThrowOverflowException()
    {
        // The issue: FromCounts(long.MaxValue, 1, 0) reported +1 with all detractors.
        Assert.Throws<OverflowException>(() => NetPromoterScore.FromCounts(long.MaxValue, 1, 0));
        Assert.Throws<OverflowException>(() => NetPromoterScore.FromCounts(1, 0, long.MaxValue));
        Assert.Throws<OverflowException>(() => NetPromoterScore.Posterior(long.MaxValue, 1, 0));
        Assert.Equal(-1, NetPromoterScore.FromCounts(long.MaxValue, 0, 0).Score);
    }

    [Fact]
    public void Breaks_AreConfigurable()
    {
        var result = Of(Sample).GetNps(new NpsOptions { Breaks = new NpsBreaks(5, 8) });
        Assert.Equal((3L, 4L, 13L), (result.Detractors, result.Passives, result.Promoters));
        Assert.Throws<ArgumentOutOfRangeException>(() => Of(Sample).GetNps(new NpsOptions { Breaks = new NpsBreaks(8, 8) }));
    }

    [Fact]
    public void NoResponses_GiveNoScore()
    {
        var result = default(NpsAccumulator).GetNps();
        Assert.False(result.HasValue);
        Assert.Null(result.Score);
        Assert.Null(result.Interval);
        Assert.Equal(0, result.N);
    }

    [Fact]
    public void OneResponse_And_AllPromoters_StayInRange()
    {
        var one = Of([10]).GetNps();
        Assert.Equal(1, one.Score);
        Assert.Equal(0, one.Variance);
        Assert.InRange(one.Interval!.Value.Lower, -1, 1);
        var all = Of([.. Enumerable.Repeat(9, 500)]).GetNps(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        Assert.Equal(new ServiceQuality.Scoring.ConfidenceInterval(1, 1, 0.95), all.Interval);
        var unclipped = Of([.. Enumerable.Repeat(9, 5)]).GetNps(new NpsOptions { ClipInterval = false });
        Assert.True(unclipped.Interval!.Value.Upper > 0.9);
    }

    [Fact]
    public void AllEqual_GiveZeroVariance_AndTheAdjustedIntervalStaysWide()
    {
        var result = Of([.. Enumerable.Repeat(7, 50)]).GetNps(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        Assert.Equal((0.0, 0.0), (result.Score!.Value, result.Variance!.Value));
        Assert.Equal(0, result.Interval!.Value.Width);
        Assert.True(Of([.. Enumerable.Repeat(7, 50)]).GetNps().Interval!.Value.Width > 0.05); // pseudo-responses keep it from collapsing to a point
    }

    [Fact]
    public void AdjustedWald_SingleResponse_IsCentredOnTheAdjustedScore()
    {
        // Documented: one promoter gives (1 + 0.75 - 0.75)/4 = 0.25 ± 1.96·0.375.
        var one = Of([10]).GetNps();
        Assert.Equal(0.25 - (1.959963984540054 * 0.375), one.Interval!.Value.Lower, 12);
        Assert.False(one.Interval!.Value.Contains(1));
    }

    [Fact]
    public void HostScale_OutsideZeroToTen_IsRefused()
    {
        var acc = default(ServiceQuality.Scoring.RatingAccumulator<TwelvePoint>);
        Assert.Throws<InvalidOperationException>(() => acc.Add(3));
    }

    private readonly struct TwelvePoint : ServiceQuality.Scoring.IRatingScale
    {
        public static int Minimum => 1;

        public static int Maximum => 12;
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    [InlineData(255)]
    public void Add_OutOfScale_Throws(int rating)
    {
        var acc = default(NpsAccumulator);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(rating));
        Assert.Contains("[0, 10]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BulkAdd_InvalidByte_ThrowsAndAddsNothing()
    {
        var bytes = new byte[1000];
        bytes[777] = 11;
        var acc = default(NpsAccumulator);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(bytes));
        Assert.Contains("index 777", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
    }

    [Fact]
    public void BulkAddInts_AcrossChunks_EqualsBytes_AndNamesTheBadIndex()
    {
        var ints = Enumerable.Range(0, 10_007).Select(i => (i * 7) % 11).ToArray();
        NpsAccumulator fromInts = default, fromBytes = default;
        fromInts.Add(ints);
        fromBytes.Add(ints.Select(i => (byte)i).ToArray());
        Assert.Equal(fromBytes, fromInts);

        ints[5003] = -3;
        var acc = default(NpsAccumulator);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(ints));
        Assert.Contains("index 5003", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
    }

    [Fact]
    public void TenMillionResponses_BulkPath()
    {
        var bytes = new byte[10_000_000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i % 11);
        }

        var acc = default(NpsAccumulator);
        acc.Add(bytes);
        var result = acc.GetNps();
        Assert.Equal(10_000_000, result.N);
        for (var r = 0; r <= 10; r++)
        {
            Assert.Equal(bytes.Length / 11 + (r < bytes.Length % 11 ? 1 : 0), acc.CountOf(r));
        }

        Assert.True(result.Interval!.Value.Width < 0.002);
    }

    [Fact]
    public void BulkAddAndResult_AllocateNothing()
    {
        var bytes = new byte[100_000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i % 11);
        }

        static double? Score(byte[] data)
        {
            var acc = default(NpsAccumulator);
            acc.Add(data);
            return acc.GetNps().Score;
        }

        Score(bytes); // JIT and static initialisation first
        var before = GC.GetAllocatedBytesForCurrentThread();
        var score = Score(bytes);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotNull(score);
    }

    [Fact]
    public void Posterior_MeanVarianceAndInterval()
    {
        // Dirichlet(1 + 5, 1 + 5, 1 + 10): mean (11 - 6)/23; variance from the Dirichlet moments, Python 3.11.
        var post = NetPromoterScore.Posterior(5, 5, 10);
        Assert.Equal(5.0 / 23, post.Mean, 14);
        var a0 = 23.0;
        Assert.Equal(((11 * (a0 - 11)) + (6 * (a0 - 6)) + (2 * 11 * 6)) / (a0 * a0 * (a0 + 1)), post.Variance, 14);
        Assert.True(post.Interval.Contains(post.Mean));

        // With many responses the posterior is nearly normal: the interval approaches mean ± 1.96 sd.
        var big = NetPromoterScore.Posterior(2000, 3000, 5000);
        Assert.Equal(big.Mean - (1.959963984540054 * big.StandardDeviation), big.Interval.Lower, 3);
        Assert.Equal(big.Mean + (1.959963984540054 * big.StandardDeviation), big.Interval.Upper, 3);

        // Independent check: Monte Carlo in Python 3.11 (1,000,000 Dirichlet draws via random.gammavariate, seed 12345):
        // Dirichlet(6, 6, 11) → 2.5%/97.5% quantiles -0.12705, 0.53363; Jeffreys prior with 0/3/7 → 0.25407, 0.87415.
        Assert.Equal(-0.12704776592666525, post.Interval.Lower, 0.003);
        Assert.Equal(0.533634418083189, post.Interval.Upper, 0.003);
        var jeffreys = NetPromoterScore.Posterior(0, 3, 7, DirichletPrior.Jeffreys);
        Assert.Equal(0.2540736127640031, jeffreys.Interval.Lower, 0.003);
        Assert.Equal(0.8741525548990725, jeffreys.Interval.Upper, 0.003);

        // Symmetric counts give a symmetric interval around 0.
        var sym = NetPromoterScore.Posterior(3, 4, 3, DirichletPrior.Jeffreys);
        Assert.Equal(-sym.Interval.Upper, sym.Interval.Lower, 3);
    }

    [Property]
    public bool Merge_IsAssociative(byte[] a, byte[] b, byte[] c)
    {
        var (x, y, z) = (Of([.. Ratings(a).Select(v => (int)v)]), Of([.. Ratings(b).Select(v => (int)v)]), Of([.. Ratings(c).Select(v => (int)v)]));
        return NpsAccumulator.Combine(NpsAccumulator.Combine(x, y), z) == NpsAccumulator.Combine(x, NpsAccumulator.Combine(y, z));
    }

    [Property]
    public bool Merge_IsCommutative(byte[] a, byte[] b)
    {
        var (x, y) = (Of([.. Ratings(a).Select(v => (int)v)]), Of([.. Ratings(b).Select(v => (int)v)]));
        return NpsAccumulator.Combine(x, y) == NpsAccumulator.Combine(y, x);
    }

    [Property]
    public bool Merge_HasIdentity(byte[] a)
    {
        var x = Of([.. Ratings(a).Select(v => (int)v)]);
        return NpsAccumulator.Combine(x, default) == x && NpsAccumulator.Combine(default, x) == x;
    }

    [Property]
    public bool PartitionedMerge_EqualsWhole(byte[] raw, PositiveInt parts)
    {
        var ratings = Ratings(raw);
        var whole = default(NpsAccumulator);
        whole.Add(ratings);
        var k = (parts.Get % 7) + 1;
        var pieces = Enumerable.Range(0, k).Select(i =>
        {
            var acc = default(NpsAccumulator);
            acc.Add(ratings.Where((_, j) => j % k == i).ToArray());
            return acc;
        }).Reverse();
        var merged = pieces.Aggregate(default(NpsAccumulator), (s, p) => NpsAccumulator.Combine(s, p));
        return merged == whole && merged.GetNps() == whole.GetNps();
    }

    [Property]
    public bool Order_DoesNotMatter(byte[] raw, int seed)
    {
        var ratings = Ratings(raw);
        var shuffled = ratings.ToArray();
        new Random(seed).Shuffle(shuffled);
        NpsAccumulator a = default, b = default;
        a.Add(ratings);
        b.Add(shuffled);
        return a == b && a.GetNps() == b.GetNps();
    }

    [Property]
    public bool BulkAdd_EqualsOneByOne(byte[] raw)
    {
        var ratings = Ratings(raw);
        var bulk = default(NpsAccumulator);
        bulk.Add(ratings);
        var single = default(NpsAccumulator);
        foreach (var r in ratings)
        {
            single.Add(r);
        }

        return bulk == single;
    }

    [Property]
    public bool AddingPromoter_NeverLowersNps(byte[] raw)
    {
        var acc = default(NpsAccumulator);
        acc.Add(Ratings(raw));
        var before = acc.GetNps().Score ?? -1;
        acc.Add(10);
        return acc.GetNps().Score >= before;
    }

    [Property]
    public bool Interval_ContainsEstimate_AndResultsInRange(byte[] raw)
    {
        var acc = default(NpsAccumulator);
        acc.Add(Ratings(raw));
        var wald = acc.GetNps(new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        var adj = acc.GetNps();
        if (!wald.HasValue)
        {
            return raw.Length == 0;
        }

        return wald.Interval!.Value.Contains(wald.Score!.Value)
            && (adj.N < 2 || adj.Interval!.Value.Contains(adj.Score!.Value))
            && adj.Score is >= -1 and <= 1
            && adj.Interval!.Value.Lower >= -1 && adj.Interval!.Value.Upper <= 1
            && adj.Variance is >= 0 and <= 1;
    }
}
