using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Scoring.Nps;
using CesAccumulator = ServiceQuality.Scoring.Ratings.RatingAccumulator<ServiceQuality.Scoring.Ces.CesScale>;
using NpsAccumulator = ServiceQuality.Scoring.Ratings.RatingAccumulator<ServiceQuality.Scoring.Nps.NpsScale>;

namespace ServiceQuality.Tests.Scoring.Ratings;

public sealed class RatingAccumulatorTests
{
    [Fact]
    public void Ces_MeanAndLowEffortShare()
    {
        var acc = default(CesAccumulator);
        acc.Add([1, 2, 2, 3, 7]);
        Assert.Equal(3, acc.GetMean().Mean!.Value, 14);
        Assert.Equal(4, acc.GetShare(1, 3).Successes);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(8));
    }

    internal static NpsAccumulator Of(ReadOnlySpan<int> ratings)
    {
        var acc = default(NpsAccumulator);
        acc.Add(ratings);
        return acc;
    }

    internal static byte[] Ratings(byte[] raw) => [.. raw.Select(b => (byte)(b % 11))];

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
    public void HostScale_OutsideZeroToTen_IsRefused()
    {
        var acc = default(ServiceQuality.Scoring.Ratings.RatingAccumulator<TwelvePoint>);
        Assert.Throws<InvalidOperationException>(() => acc.Add(3));
    }

    private readonly struct TwelvePoint : ServiceQuality.Scoring.Ratings.IRatingScale
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
}
