using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Scoring;
using CesAccumulator = ServiceQuality.Scoring.RatingAccumulator<ServiceQuality.Scoring.CesScale>;
using NpsRatings = ServiceQuality.Scoring.RatingAccumulator<ServiceQuality.Scoring.NpsScale>;

namespace ServiceQuality.Tests.Scoring.Ratings;

public sealed class RatingAccumulatorTests
{
    [Fact]
    public void Ces_MeanAndLowEffortShare()
    {
        var acc = default(CesAccumulator);
        acc.Add([1, 2, 2, 3, 7]);
        Assert.Equal(3, acc.GetMean().Estimate!.Value, 14);
        Assert.Equal(4, acc.GetShare(1, 3).Successes);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(8));
    }

    internal static NpsRatings Of(ReadOnlySpan<int> ratings)
    {
        var acc = default(NpsRatings);
        acc.Add(ratings);
        return acc;
    }

    internal static byte[] Ratings(byte[] raw) => [.. raw.Select(b => (byte)(b % 11))];

    [Fact]
    public void RatingAccumulator_CountOverflow_ThrowsOverflowExceptionAndKeepsTheCount()
    {
        // The issue: Add(10, long.MaxValue) then Add(10) gave a negative count.
        var acc = default(NpsRatings);
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
        var acc = default(NpsRatings);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(rating));
        Assert.Contains("[0, 10]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BulkAdd_InvalidByte_ThrowsAndAddsNothing()
    {
        var bytes = new byte[1000];
        bytes[777] = 11;
        var acc = default(NpsRatings);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(bytes));
        Assert.Contains("index 777", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
    }

    [Fact]
    public void BulkAddInts_AcrossChunks_EqualsBytes_AndNamesTheBadIndex()
    {
        var ints = Enumerable.Range(0, 10_007).Select(i => (i * 7) % 11).ToArray();
        NpsRatings fromInts = default, fromBytes = default;
        fromInts.Add(ints);
        fromBytes.Add(ints.Select(i => (byte)i).ToArray());
        Assert.Equal(fromBytes, fromInts);

        ints[5003] = -3;
        var acc = default(NpsRatings);
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

        var acc = default(NpsRatings);
        acc.Add(bytes);
        var result = acc.GetNps();
        Assert.Equal(10_000_000, result.SampleSize);
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
            var acc = default(NpsRatings);
            acc.Add(data);
            return acc.GetNps().Estimate;
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
        return NpsRatings.Combine(NpsRatings.Combine(x, y), z) == NpsRatings.Combine(x, NpsRatings.Combine(y, z));
    }

    [Property]
    public bool Merge_IsCommutative(byte[] a, byte[] b)
    {
        var (x, y) = (Of([.. Ratings(a).Select(v => (int)v)]), Of([.. Ratings(b).Select(v => (int)v)]));
        return NpsRatings.Combine(x, y) == NpsRatings.Combine(y, x);
    }

    [Property]
    public bool Merge_HasIdentity(byte[] a)
    {
        var x = Of([.. Ratings(a).Select(v => (int)v)]);
        return NpsRatings.Combine(x, default) == x && NpsRatings.Combine(default, x) == x;
    }

    [Property]
    public bool PartitionedMerge_EqualsWhole(byte[] raw, PositiveInt parts)
    {
        var ratings = Ratings(raw);
        var whole = default(NpsRatings);
        whole.Add(ratings);
        var k = (parts.Get % 7) + 1;
        var pieces = Enumerable.Range(0, k).Select(i =>
        {
            var acc = default(NpsRatings);
            acc.Add(ratings.Where((_, j) => j % k == i).ToArray());
            return acc;
        }).Reverse();
        var merged = pieces.Aggregate(default(NpsRatings), (s, p) => NpsRatings.Combine(s, p));
        return merged == whole && merged.GetNps() == whole.GetNps();
    }

    [Property]
    public bool Order_DoesNotMatter(byte[] raw, int seed)
    {
        var ratings = Ratings(raw);
        var shuffled = ratings.ToArray();
        new Random(seed).Shuffle(shuffled);
        NpsRatings a = default, b = default;
        a.Add(ratings);
        b.Add(shuffled);
        return a == b && a.GetNps() == b.GetNps();
    }

    [Property]
    public bool BulkAdd_EqualsOneByOne(byte[] raw)
    {
        var ratings = Ratings(raw);
        var bulk = default(NpsRatings);
        bulk.Add(ratings);
        var single = default(NpsRatings);
        foreach (var r in ratings)
        {
            single.Add(r);
        }

        return bulk == single;
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryCount()
    {
        // The issue: a JSON round trip silently returned n = 0. 0, 3, 5, 6, 6, 7, 7, 8, 8, 8, 9 ×4, 10 ×6.
        var acc = Of([0, 3, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10]);
        var json = JsonSerializer.Serialize(acc, ScoringJson.NpsRatings);
        Assert.Equal("""{"version":1,"minimum":0,"maximum":10,"counts":[1,0,0,1,0,1,2,2,3,4,6]}""", json);
        Assert.Equal(acc, JsonSerializer.Deserialize(json, ScoringJson.NpsRatings));

        // The reflection-based serializer with default options goes through the same converter.
        Assert.Equal(json, JsonSerializer.Serialize(acc));
        Assert.Equal(acc, JsonSerializer.Deserialize<NpsRatings>(json));
        var csat = default(RatingAccumulator<CsatScale>);
        csat.Add([1, 5, 5]);
        Assert.Equal(csat, JsonSerializer.Deserialize(JsonSerializer.Serialize(csat, ScoringJson.CsatRatings), ScoringJson.CsatRatings));
        var ces = default(RatingAccumulator<CesScale>);
        ces.Add([2, 7]);
        Assert.Equal("""{"version":1,"minimum":1,"maximum":7,"counts":[0,1,0,0,0,0,1]}""", JsonSerializer.Serialize(ces, ScoringJson.CesRatings));
    }

    [Fact]
    public void Json_HostScaleWithoutItsConverter_IsRefusedLoudly_AndWorksOnceRegistered()
    {
        var three = default(RatingAccumulator<ThreeStars>);
        three.Add(2);
        var ex = Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(three));
        Assert.Contains("RatingAccumulatorJsonConverter<ThreeStars>", ex.Message, StringComparison.Ordinal);

        var five = default(RatingAccumulator<FiveStars>);
        five.Add([1, 5, 5]);
        var options = new JsonSerializerOptions { Converters = { new RatingAccumulatorJsonConverter<FiveStars>() } };
        var json = JsonSerializer.Serialize(five, options);
        Assert.Equal("""{"version":1,"minimum":1,"maximum":5,"counts":[1,0,0,0,2]}""", json);
        Assert.Equal(five, JsonSerializer.Deserialize<RatingAccumulator<FiveStars>>(json, options));
    }

    private readonly struct ThreeStars : IRatingScale
    {
        public static int Minimum => 1;

        public static int Maximum => 3;
    }

    private readonly struct FiveStars : IRatingScale
    {
        public static int Minimum => 1;

        public static int Maximum => 5;
    }

    [Theory]
    [InlineData("""{"version":2,"minimum":0,"maximum":10,"counts":[0,0,0,0,0,0,0,0,0,0,1]}""", "version 2")]
    [InlineData("""{"minimum":0,"maximum":10,"counts":[0,0,0,0,0,0,0,0,0,0,1]}""", "must start with its \"version\"")]
    [InlineData("""{"version":1,"minimum":1,"maximum":5,"counts":[0,0,0,0,1]}""", "1..5 scale")]
    [InlineData("""{"version":1,"minimum":0,"maximum":10,"counts":[1,2]}""", "11 counts")]
    [InlineData("""{"version":1,"minimum":0,"maximum":10,"counts":[0,0,0,0,0,0,0,0,0,0,-1]}""", "integer ≥ 0")]
    [InlineData("""{"version":1,"minimum":0,"maximum":10,"counts":[9223372036854775807,1,0,0,0,0,0,0,0,0,0]}""", "at most 9223372036854775807")]
    [InlineData("""{"version":1,"minimum":0,"maximum":10,"counts":[0,0,0,0,0,0,0,0,0,0,0],"mean":3}""", "Unknown property")]
    [InlineData("""[1,2]""", "JSON object")]
    public void Json_MalformedState_ThrowsJsonExceptionSayingWhy(string json, string reason)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ScoringJson.NpsRatings));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_HasTheDocumentedLayout_AndRoundTrips()
    {
        // Version 1, kind 1, minimum 0, maximum 10, then one varint count per rating 0..10: one 0, 300 sixes (0xAC 0x02), two 10s.
        var acc = Of([10, 10, 0]);
        acc.Add(6, 300);
        Span<byte> buffer = stackalloc byte[NpsRatings.MaxBinarySize];
        Assert.True(acc.TryWriteTo(buffer, out var written));
        Assert.Equal(new byte[] { 1, 1, 0, 10, 1, 0, 0, 0, 0, 0, 0xAC, 0x02, 0, 0, 0, 2 }, buffer[..written].ToArray());
        Assert.True(NpsRatings.TryReadFrom(buffer[..written], out var back, out var read));
        Assert.Equal((acc, written), (back, read));
        Assert.False(acc.TryWriteTo(buffer[..(written - 1)], out var none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void Binary_MalformedState_IsRefused()
    {
        Span<byte> buffer = stackalloc byte[NpsRatings.MaxBinarySize];
        Of([3, 9]).TryWriteTo(buffer, out var written);
        var valid = buffer[..written].ToArray();
        Assert.False(NpsRatings.TryReadFrom(valid.AsSpan(0, written - 1), out _, out _)); // truncated
        Assert.False(NpsRatings.TryReadFrom([2, .. valid[1..]], out _, out _)); // another version
        Assert.False(NpsRatings.TryReadFrom([1, 2, .. valid[2..]], out _, out _)); // another kind
        Assert.False(RatingAccumulator<CsatScale>.TryReadFrom(valid, out _, out _)); // another scale
        byte[] huge = [1, 1, 0, 10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.False(NpsRatings.TryReadFrom(huge, out _, out _)); // counts summing past long.MaxValue
        byte[] tooLong = [1, 1, 0, 10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.False(NpsRatings.TryReadFrom(tooLong, out var empty, out var read)); // a varint past 63 bits
        Assert.Equal((default(NpsRatings), 0), (empty, read));
    }

    [Property]
    public bool SerializeDeserializeMerge_EqualsMerge(byte[] a, byte[] b)
    {
        NpsRatings x = default, y = default;
        x.Add(Ratings(a));
        y.Add(Ratings(b));
        static NpsRatings Binary(NpsRatings value) => RoundTrip.Binary(value, NpsRatings.MaxBinarySize, static (v, d, out w) => v.TryWriteTo(d, out w), NpsRatings.TryReadFrom);
        var merged = NpsRatings.Combine(x, y);
        return NpsRatings.Combine(RoundTrip.Json(x, ScoringJson.NpsRatings), RoundTrip.Json(y, ScoringJson.NpsRatings)) == merged
            && NpsRatings.Combine(Binary(x), Binary(y)) == merged;
    }

    [Fact]
    public void ToMeanAccumulator_HoldsTheExactMoments()
    {
        var acc = default(CesAccumulator);
        acc.Add([1, 2, 2, 3, 7]);
        var mean = acc.ToMeanAccumulator();
        // Mean 3; squared deviations 4 + 1 + 1 + 0 + 16 = 22.
        Assert.Equal((5L, 3.0, 22.0), (mean.Count, mean.Mean!.Value, mean.SumOfSquaredDeviations));
        Assert.Equal(default, default(CesAccumulator).ToMeanAccumulator());
    }

    [Property]
    public bool BulkAdd_OnAScaleFromOne_AcceptsItsEnds_AndNamesTheFirstRatingOutside(PositiveInt length, int seed, byte badPick)
    {
        // CES runs 1-7: 1 and 7 are ratings, 0 and 8 are not, whether they fall in a vector of eight ints or in the tail.
        var random = new Random(seed);
        var n = (length.Get % 300) + 1;
        var ints = new int[n];
        for (var i = 0; i < n; i++)
        {
            ints[i] = random.Next(2) == 0 ? 1 : 7;
        }

        CesAccumulator fromInts = default, fromBytes = default;
        fromInts.Add(ints);
        fromBytes.Add([.. ints.Select(i => (byte)i)]);
        if (fromInts.Count != n || fromInts.CountOf(1) + fromInts.CountOf(7) != n || fromInts != fromBytes)
        {
            return false;
        }

        var first = random.Next(n);
        int[] outside = [0, 8, -1, int.MaxValue, int.MinValue, 255];
        ints[first] = outside[badPick % outside.Length];
        if (first + 1 < n)
        {
            ints[random.Next(first + 1, n)] = 0;       // a later bad rating is not the one named
        }

        var intsException = Record.Exception(() => fromInts.Add(ints));
        var bytesNamed = true;
        if (ints[first] is >= 0 and <= 255)
        {
            // The byte path, where the bad rating is a byte at all.
            var bytesException = Record.Exception(() => fromBytes.Add([.. ints.Select(i => (byte)Math.Clamp(i, 0, 255))]));
            bytesNamed = bytesException is ArgumentOutOfRangeException { ParamName: "ratings" } b
                && b.Message.Contains($"index {first} must be an integer in the range [1, 7]", StringComparison.Ordinal);
        }

        return intsException is ArgumentOutOfRangeException { ParamName: "ratings" } a
            && a.Message.Contains($"index {first} must be an integer in the range [1, 7]", StringComparison.Ordinal)
            && bytesNamed
            && fromInts.Count == n && fromBytes.Count == n;
    }

    [Fact]
    public void AddWithCount_NegativeCountOrRatingOutside_IsRefusedAndCountsNothing()
    {
        var acc = default(CesAccumulator);
        acc.Add(7, 3);

        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(7, -1)).ParamName);
        Assert.Equal("rating", Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(8, 1)).ParamName);
        Assert.Equal("rating", Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(0, 1)).ParamName);
        Assert.Equal(3, acc.Count);
        Assert.Equal(3, acc.CountOf(7));
    }
}
