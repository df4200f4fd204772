using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using ServiceQuality.Scoring;

namespace ServiceQuality.Tests.Scoring.Nps;

public sealed class NpsAccumulatorTests
{
    private static NpsAccumulator Of(IEnumerable<byte> ratings)
    {
        var acc = default(NpsAccumulator);
        foreach (var r in ratings)
        {
            acc.Add(r % 11, NpsClassifier.Standard);
        }

        return acc;
    }

    [Fact]
    public void GetResult_EqualsTheScoreOfTheRatingAccumulator()
    {
        // The same 20 responses as the R NPS reference: 5 detractors, 5 passives, 10 promoters, NPS 0.25.
        int[] ratings = [0, 3, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10];
        var acc = default(NpsAccumulator);
        foreach (var r in ratings)
        {
            acc.Add(r, NpsClassifier.Standard);
        }

        Assert.Equal((5L, 5L, 10L, 20L), (acc.Detractors, acc.Passives, acc.Promoters, acc.Count));
        var histogram = default(ServiceQuality.Scoring.RatingAccumulator<NpsScale>);
        histogram.Add(ratings);
        Assert.Equal(histogram.GetNps(), acc.GetResult());
        Assert.Equal(0.25, acc.GetResult().Estimate);
    }

    [Fact]
    public void Add_BadCategoryOrCount_IsRefused_AndOverflowThrows()
    {
        var acc = default(NpsAccumulator);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add((NpsCategory)3));
        Assert.Contains("3 is not a defined NpsCategory", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(NpsCategory.Promoter, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(11, NpsClassifier.Standard));
        acc.Add(NpsCategory.Passive, long.MaxValue);
        Assert.Throws<OverflowException>(() => acc.Add(NpsCategory.Promoter));
        Assert.Throws<OverflowException>(() => acc.Merge(acc));
        Assert.Equal((0L, long.MaxValue, 0L), (acc.Detractors, acc.Passives, acc.Promoters));
    }

    [Property]
    public bool Merge_IsAssociativeCommutativeWithIdentity(byte[] a, byte[] b, byte[] c)
    {
        var (x, y, z) = (Of(a), Of(b), Of(c));
        return NpsAccumulator.Combine(NpsAccumulator.Combine(x, y), z) == NpsAccumulator.Combine(x, NpsAccumulator.Combine(y, z))
            && NpsAccumulator.Combine(x, y) == NpsAccumulator.Combine(y, x)
            && NpsAccumulator.Combine(x, default) == x
            && NpsAccumulator.Combine(x, y) == Of([.. a, .. b]);
    }

    [Fact]
    public void Json_AndBinary_RoundTrip()
    {
        var acc = default(NpsAccumulator);
        acc.Add(NpsCategory.Detractor, 5);
        acc.Add(NpsCategory.Passive, 5);
        acc.Add(NpsCategory.Promoter, 200);
        var json = JsonSerializer.Serialize(acc, ScoringJson.NpsAccumulator);
        Assert.Equal("""{"version":1,"detractors":5,"passives":5,"promoters":200}""", json);
        Assert.Equal(acc, JsonSerializer.Deserialize(json, ScoringJson.NpsAccumulator));
        Assert.Equal(acc, JsonSerializer.Deserialize<NpsAccumulator>(JsonSerializer.Serialize(acc)));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"version":1,"detractors":9223372036854775807,"passives":1,"promoters":0}""", ScoringJson.NpsAccumulator));

        Span<byte> buffer = stackalloc byte[NpsAccumulator.MaxBinarySize];
        Assert.True(acc.TryWriteTo(buffer, out var written));
        Assert.Equal(new byte[] { 1, 4, 5, 5, 0xC8, 0x01 }, buffer[..written].ToArray()); // 200 = varint 0xC8 0x01
        Assert.True(NpsAccumulator.TryReadFrom(buffer[..written], out var back, out _));
        Assert.Equal(acc, back);
        Assert.False(NpsAccumulator.TryReadFrom(buffer[..(written - 1)], out _, out _));
    }

    [Property]
    public bool SerializeDeserializeMerge_EqualsMerge(byte[] a, byte[] b)
    {
        var (x, y) = (Of(a), Of(b));
        static NpsAccumulator Binary(NpsAccumulator value) => RoundTrip.Binary(value, NpsAccumulator.MaxBinarySize, static (v, d, out w) => v.TryWriteTo(d, out w), NpsAccumulator.TryReadFrom);
        var merged = NpsAccumulator.Combine(x, y);
        return NpsAccumulator.Combine(RoundTrip.Json(x, ScoringJson.NpsAccumulator), RoundTrip.Json(y, ScoringJson.NpsAccumulator)) == merged
            && NpsAccumulator.Combine(Binary(x), Binary(y)) == merged;
    }
}
